package org.poetexplorer.solver;

import java.util.function.BooleanSupplier;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.PlanTidy;
import org.poetexplorer.schedule.ReplayChecker;
import org.poetexplorer.schedule.ReplayReport;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.StagePlan;

/**
 * Turns a rounded plan into a checked schedule, or says why it cannot, in one straight path:
 * tidy the plan (leave out what does nothing), replay it (its operations and figures, and the
 * first rule it breaks), and check the operations independently. The plan, the schedule and
 * the figures returned are those of the one replay.
 */
final class Verifier {

    /** A plan that passed every check, with its figures recomputed exactly from the graph. */
    record Verified(StagePlan plan, Schedule schedule, double energyJ, double runtimeS, long peakRamBytes) {
    }

    /** The result of a check: exactly one of {@code verified} and {@code problem} is set. */
    record Outcome(Verified verified, String problem) {
    }

    /** What a check cut short by the stop signal says: the plan is not used. */
    static final String STOPPED = "the check was stopped before it ended";

    private final TrainingGraph graph;
    private final Budget budget;
    private final BooleanSupplier stop;

    Verifier(TrainingGraph graph, Budget budget) {
        this(graph, budget, () -> false);
    }

    /** A verifier whose checks end early, with {@link #STOPPED}, when {@code stop} says so. */
    Verifier(TrainingGraph graph, Budget budget, BooleanSupplier stop) {
        this.graph = graph;
        this.budget = budget;
        this.stop = stop;
    }

    Outcome verify(StagePlan rounded) {
        StagePlan plan = PlanTidy.tidy(graph, rounded, stop);
        if (plan == null || stop.getAsBoolean()) {
            return new Outcome(null, STOPPED);
        }
        PlanReplay replay = PlanReplay.of(graph, budget, plan);
        if (!replay.valid()) {
            return new Outcome(null, replay.problem());
        }
        ReplayReport report = ReplayChecker.check(replay.schedule(), replay.energyJ());
        if (!report.valid()) {
            return new Outcome(null, "replay check failed: " + report.message());
        }
        return new Outcome(new Verified(plan, replay.schedule(), replay.energyJ(), replay.runtimeS(),
                replay.peakRamBytes()), null);
    }
}

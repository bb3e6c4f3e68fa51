package org.poetexplorer.solver;

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

    private final TrainingGraph graph;
    private final Budget budget;

    Verifier(TrainingGraph graph, Budget budget) {
        this.graph = graph;
        this.budget = budget;
    }

    Outcome verify(StagePlan rounded) {
        StagePlan plan = PlanTidy.tidy(graph, rounded);
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

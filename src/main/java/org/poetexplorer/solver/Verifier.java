package org.poetexplorer.solver;

import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.ReplayChecker;
import org.poetexplorer.schedule.ReplayReport;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.PlanTidy;
import org.poetexplorer.schedule.ScheduleCleaner;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.schedule.StagePlan;

/**
 * Turns a rounded plan into a checked schedule, or says why it cannot: tidy the plan, replay it
 * ({@link PlanReplay}: its operations and figures), check the operations independently, clean them, and take
 * every figure from the cleaned schedule.
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
        Schedule built = replay.schedule();
        ReplayReport report = ReplayChecker.check(built, replay.energyJ());
        if (!report.valid()) {
            return new Outcome(null, "replay check failed: " + report.message());
        }
        Schedule cleaned = ScheduleCleaner.clean(built);
        ScheduleSummary summary = ScheduleSummary.of(cleaned);
        ReplayReport again = ReplayChecker.check(cleaned, summary.energyJ());
        if (!again.valid()) {
            return new Outcome(null, "replay check of the cleaned schedule failed: " + again.message());
        }
        return new Outcome(new Verified(SchedulePlans.of(cleaned), cleaned, summary.energyJ(), summary.runtimeS(),
                summary.peakRamBytes()), null);
    }
}

package org.poetexplorer.solver;

import com.google.ortools.modelbuilder.ModelBuilder;
import com.google.ortools.modelbuilder.ModelSolver;
import java.time.Duration;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.solver.backends.MpsExport;
import org.poetexplorer.solver.backends.Natives;
import org.poetexplorer.solver.phases.StageFormulation;

/**
 * The yardstick of issue 6: HiGHS, with its default settings, on the plain formulation of
 * docs/model.md (no reductions, no scaling) as {@code poet export-mps} writes it. Measures the
 * whole job, from writing the MPS text to HiGHS's answer. Only for benchmarks: its answers are
 * not schedules of ours and are never shown as such.
 */
public final class PlainBaseline {
    private PlainBaseline() {
    }

    /** What HiGHS said and how long the whole job took. */
    public record Outcome(String status, Double objectiveJ, Double boundJ, double wallSeconds) {
    }

    public static Outcome solveWithHighs(TrainingGraph graph, Budget budget, double timeLimitSeconds) {
        long start = System.nanoTime();
        Natives.load();
        String mps = MpsExport.toString(StageFormulation.plain(graph, budget).lp());
        ModelBuilder model = new ModelBuilder();
        if (!model.importFromMpsString(mps)) {
            throw new IllegalStateException("HiGHS could not read the plain model's MPS text");
        }
        ModelSolver highs = new ModelSolver("highs");
        highs.enableOutput(false);
        if (timeLimitSeconds > 0) {
            highs.setTimeLimit(Duration.ofMillis(Math.round(timeLimitSeconds * 1000)));
        }
        String status = highs.solve(model).name();
        Double objective = highs.hasSolution() ? highs.getObjectiveValue() : null;
        Double bound = objective == null ? null : highs.getBestObjectiveBound();
        return new Outcome(status, objective, bound, (System.nanoTime() - start) / 1e9);
    }
}

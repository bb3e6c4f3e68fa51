package org.poetexplorer.solver.backends;

import com.google.ortools.modelbuilder.ModelBuilderHelper;
import com.google.ortools.modelbuilder.ModelSolverHelper;
import com.google.ortools.modelbuilder.SolveStatus;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * HiGHS through OR-Tools' model builder, on the scaled model. The model goes over as MPS text
 * (one transfer instead of a native call per coefficient). HiGHS is told to stop only at a
 * relative and absolute gap of 1e-9 (the scaled objective's unit is a typical decision cost, see
 * {@code StageFormulation.costUnit}), far below the 1e-4 that matters; "optimal" from it
 * therefore means optimal to that gap, within its feasibility tolerance (the exact recheck covers
 * the latter). These Java bindings offer no incumbent callback: only the final solution is
 * reported. Measured limits of OR-Tools 9.15's HiGHS bridge: it returns a solution only when it
 * proves optimality (a time limit gives nothing), it crashes on solution hints (so HiGHS is never
 * given one), and it cannot interrupt a search: a cancel returns at once (see {@link NativeSearch})
 * while the abandoned native search runs on in the background until its time limit, which is
 * therefore set as late as possible, after the model is taken in, to the time the deadline leaves.
 */
final class HighsBackend implements Backend {
    private static final String NAME = "highs";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BackendOutcome solve(LinearModel lp, double[] hint, Deadline deadline, double relativeGap, int threads,
            Cancellation cancel, Consumer<double[]> onSolution) {
        // The bridge does not interrupt the native search: it runs in NativeSearch, so a cancel or
        // the deadline returns at once; an abandoned search ends at its time limit and frees its memory.
        return NativeSearch.run(NAME, deadline, cancel, () -> run(lp, deadline, relativeGap, threads, cancel));
    }

    private BackendOutcome run(LinearModel lp, Deadline deadline, double relativeGap, int threads,
            Cancellation cancel) {
        Natives.load();
        ModelSolverHelper probe = new ModelSolverHelper(NAME);
        boolean supported = probe.solverIsSupported();
        probe.delete();
        if (!supported) {
            return BackendOutcome.none(BackendOutcome.Kind.ERROR, Double.NEGATIVE_INFINITY,
                    NAME + " is not available in this OR-Tools build");
        }
        String mps = MpsExport.toString(lp);
        if (cancel.isCancelled()) {
            return BackendOutcome.none(BackendOutcome.Kind.NO_SOLUTION, Double.NEGATIVE_INFINITY, "cancelled");
        }
        ModelBuilderHelper builder = new ModelBuilderHelper();
        ModelSolverHelper solver = new ModelSolverHelper(NAME);
        try {
            if (!builder.importFromMpsString(mps) || builder.numVariables() != lp.numVars()) {
                return BackendOutcome.none(BackendOutcome.Kind.ERROR, Double.NEGATIVE_INFINITY,
                        NAME + ": the model could not be passed to the solver");
            }
            solver.enableOutput(false);
            solver.setSolverSpecificParameters(parameters(relativeGap, threads));
            if (!deadline.isNone()) {
                solver.setTimeLimitInSeconds(deadline.secondsLeft());
            }
            solver.solve(builder);
            SolveStatus status = solver.hasResponse() ? solver.getStatus() : SolveStatus.UNKNOWN_STATUS;
            double bound = solver.hasResponse() ? solver.getBestObjectiveBound() : Double.NEGATIVE_INFINITY;
            if (Double.isNaN(bound)) {
                bound = Double.NEGATIVE_INFINITY;
            }
            if (status == SolveStatus.INFEASIBLE) {
                return BackendOutcome.none(BackendOutcome.Kind.INFEASIBLE, bound, NAME + ": infeasible");
            }
            if (!solver.hasSolution()) {
                boolean failed = status == SolveStatus.ABNORMAL || status == SolveStatus.MODEL_INVALID
                        || status == SolveStatus.INVALID_SOLVER_PARAMETERS || status == SolveStatus.SOLVER_TYPE_UNAVAILABLE;
                return BackendOutcome.none(failed ? BackendOutcome.Kind.ERROR : BackendOutcome.Kind.NO_SOLUTION,
                        Double.NEGATIVE_INFINITY, NAME + ": " + status + " " + solver.getStatusString());
            }
            double[] x = new double[lp.numVars()];
            for (int j = 0; j < x.length; j++) {
                x[j] = solver.getVariableValue(j);
            }
            double objective = solver.getObjectiveValue();
            BackendOutcome.Kind kind = status == SolveStatus.OPTIMAL ? BackendOutcome.Kind.OPTIMAL : BackendOutcome.Kind.FEASIBLE;
            if (kind == BackendOutcome.Kind.OPTIMAL && Double.isInfinite(bound)) {
                bound = objective;
            }
            return new BackendOutcome(kind, x, objective, bound, NAME + ": " + status);
        } finally {
            solver.delete();
            builder.delete();
        }
    }

    private static String parameters(double relativeGap, int threads) {
        return String.format(Locale.ROOT, "mip_rel_gap=%s\nmip_abs_gap=%s\nthreads=%d\noutput_flag=false",
                Math.max(EXACT_GAP, relativeGap), EXACT_GAP, threads);
    }
}

package org.poetexplorer.solver.backends;

import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.google.ortools.linearsolver.MPVariableProto;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * SCIP through OR-Tools' MPSolver, on the scaled model: unlike the model-builder path, MPSolver
 * can interrupt SCIP (cancel) and pass it a solution hint, and it returns SCIP's incumbent when
 * a time limit ends the search. Gap limits 1e-9 relative and absolute, as for HiGHS. No
 * incumbent callback is offered to Java: only the final solution is reported, in the outcome.
 * SCIP takes in a model (OR-Tools hands it over inside {@code solve}) without looking at its time
 * limit or an interrupt, for many seconds on a large model: the search runs in
 * {@link NativeSearch}, which returns by the deadline or soon after the cancel whatever SCIP is
 * doing. A larger relative gap, when asked for, stops the search earlier.
 */
final class ScipBackend implements Backend {

    @Override
    public String name() {
        return "scip";
    }

    @Override
    public BackendOutcome solve(LinearModel lp, double[] hint, Deadline deadline, double relativeGap, int threads,
            Cancellation cancel, Consumer<double[]> onSolution) {
        return solve(lp, hint, deadline, relativeGap, threads, cancel, onSolution, Presolve.FULL);
    }

    @Override
    public BackendOutcome solve(LinearModel lp, double[] hint, Deadline deadline, double relativeGap, int threads,
            Cancellation cancel, Consumer<double[]> onSolution, Presolve presolve) {
        return NativeSearch.run(name(), deadline, cancel,
                () -> search(lp, hint, deadline, relativeGap, cancel, presolve));
    }

    /** SCIP's parameters for {@code presolve} beyond its defaults, one "name = value" line each. */
    static String presolveParameters(Presolve presolve) {
        return presolve == Presolve.WITHOUT_PROBING ? "propagating/probing/maxprerounds = 0\n" : "";
    }

    /** The search itself, on {@link NativeSearch}'s thread: the final point goes back in the outcome only. */
    private static BackendOutcome search(LinearModel lp, double[] hint, Deadline deadline, double relativeGap,
            Cancellation cancel, Presolve presolve) {
        Natives.load(); // the first time, seconds on a busy machine: also something to leave behind
        MPModelProto model = proto(lp, cancel);
        if (model == null) {
            return BackendOutcome.none(BackendOutcome.Kind.NO_SOLUTION, Double.NEGATIVE_INFINITY, "cancelled");
        }
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            return BackendOutcome.none(BackendOutcome.Kind.ERROR, Double.NEGATIVE_INFINITY,
                    "scip is not available in this OR-Tools build");
        }
        try {
            String error = solver.loadModelFromProto(model);
            if (error != null && !error.isEmpty()) {
                return BackendOutcome.none(BackendOutcome.Kind.ERROR, Double.NEGATIVE_INFINITY, "scip: " + error);
            }
            MPVariable[] vars = solver.variables();
            if (hint != null) {
                int count = 0;
                for (double h : hint) {
                    count += Double.isNaN(h) ? 0 : 1;
                }
                MPVariable[] hv = new MPVariable[count];
                double[] values = new double[count];
                int q = 0;
                for (int j = 0; j < hint.length; j++) {
                    if (!Double.isNaN(hint[j])) {
                        hv[q] = vars[j];
                        values[q] = hint[j];
                        q++;
                    }
                }
                solver.setHint(hv, values);
            }
            solver.suppressOutput();
            // misc/catchctrlc off: SCIP would otherwise take SIGINT from the JVM for its own search,
            // and Ctrl-C would not reach the command's handler (which stops the solve and writes)
            boolean taken = solver.setSolverSpecificParametersAsString(String.format(Locale.ROOT,
                    "limits/gap = %s\nlimits/absgap = %s\nmisc/catchctrlc = FALSE\n%s",
                    Math.max(EXACT_GAP, relativeGap), EXACT_GAP, presolveParameters(presolve)));
            if (!taken) {
                return BackendOutcome.none(BackendOutcome.Kind.ERROR, Double.NEGATIVE_INFINITY,
                        "scip refused its parameters");
            }
            if (!deadline.isNone()) {
                solver.setTimeLimit(Math.max(1, Math.round(deadline.secondsLeft() * 1000)));
            }
            if (cancel.isCancelled()) {
                return BackendOutcome.none(BackendOutcome.Kind.NO_SOLUTION, Double.NEGATIVE_INFINITY, "cancelled");
            }
            MPSolver.ResultStatus status;
            try (AutoCloseable hook = cancel.interruptUntilClosed(solver::interruptSolve)) {
                status = solver.solve();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            boolean hasSolution = status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
            double bound = hasSolution || status == MPSolver.ResultStatus.NOT_SOLVED
                    ? solver.objective().bestBound() : Double.NEGATIVE_INFINITY;
            if (Double.isNaN(bound)) {
                bound = Double.NEGATIVE_INFINITY;
            }
            if (status == MPSolver.ResultStatus.INFEASIBLE) {
                return BackendOutcome.none(BackendOutcome.Kind.INFEASIBLE, bound, "scip: infeasible");
            }
            if (!hasSolution) {
                boolean failed = status == MPSolver.ResultStatus.ABNORMAL || status == MPSolver.ResultStatus.MODEL_INVALID;
                return BackendOutcome.none(failed ? BackendOutcome.Kind.ERROR : BackendOutcome.Kind.NO_SOLUTION,
                        bound, "scip: " + status);
            }
            double[] x = new double[vars.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = vars[j].solutionValue();
            }
            BackendOutcome.Kind kind = status == MPSolver.ResultStatus.OPTIMAL
                    ? BackendOutcome.Kind.OPTIMAL : BackendOutcome.Kind.FEASIBLE;
            return new BackendOutcome(kind, x, solver.objective().value(), bound, "scip: " + status);
        } finally {
            solver.delete();
        }
    }

    /** The model as SCIP takes it in, or null when {@code cancel} fires while it is built. */
    static MPModelProto proto(LinearModel lp, Cancellation cancel) {
        MPModelProto.Builder b = MPModelProto.newBuilder().setName(lp.name());
        for (int j = 0; j < lp.numVars(); j++) {
            b.addVariable(MPVariableProto.newBuilder()
                    .setLowerBound(lp.varLb(j))
                    .setUpperBound(lp.varUb(j))
                    .setIsInteger(lp.isInteger(j))
                    .setObjectiveCoefficient(lp.objective(j))
                    .setName(lp.varName(j) == null ? "x" + j : lp.varName(j)));
        }
        for (int r = 0; r < lp.numRows(); r++) {
            if (r % 4096 == 0 && cancel.isCancelled()) {
                return null;
            }
            MPConstraintProto.Builder c = MPConstraintProto.newBuilder()
                    .setLowerBound(lp.rowLb(r))
                    .setUpperBound(lp.rowUb(r));
            if (lp.rowName(r) != null) {
                c.setName(lp.rowName(r));
            }
            for (int k = lp.rowStart(r); k < lp.rowEnd(r); k++) {
                c.addVarIndex(lp.entryCol(k));
                c.addCoefficient(lp.entryCoef(k));
            }
            b.addConstraint(c);
        }
        return b.build();
    }
}

package org.poetexplorer.solver.backends;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import java.util.function.Consumer;

/**
 * CP-SAT on the all-integer model (bytes exact, energy and runtime as scaled integers, see
 * {@link StageFormulation}). Every improving solution is reported through CP-SAT's solution
 * callback. OPTIMAL from CP-SAT is exact for the integer model.
 */
final class CpSatBackend implements Backend {

    @Override
    public String name() {
        return "cpsat";
    }

    @Override
    public boolean needsIntegerModel() {
        return true;
    }

    @Override
    public BackendOutcome solve(LinearModel lp, double[] hint, Deadline deadline, double relativeGap, int threads,
            Cancellation cancel, Consumer<double[]> onSolution) {
        Natives.load();
        CpModel cp = new CpModel();
        int n = lp.numVars();
        IntVar[] vars = new IntVar[n];
        long[] objCoefs = new long[n];
        int objCount = 0;
        IntVar[] objVars = new IntVar[n];
        for (int j = 0; j < n; j++) {
            long lb = asLong(lp.varLb(j), "bound of " + lp.varName(j));
            long ub = asLong(lp.varUb(j), "bound of " + lp.varName(j));
            vars[j] = lb == 0 && ub == 1 ? cp.newBoolVar(lp.varName(j)) : cp.newIntVar(lb, ub, lp.varName(j));
            if (lp.objective(j) != 0) {
                objVars[objCount] = vars[j];
                objCoefs[objCount] = asLong(lp.objective(j), "objective of " + lp.varName(j));
                objCount++;
            }
        }
        for (int r = 0; r < lp.numRows(); r++) {
            if (r % 4096 == 0 && (cancel.isCancelled() || deadline.passed())) {
                return BackendOutcome.none(BackendOutcome.Kind.NO_SOLUTION, Double.NEGATIVE_INFINITY,
                        "stopped while the model was built");
            }
            int size = lp.rowEnd(r) - lp.rowStart(r);
            IntVar[] rv = new IntVar[size];
            long[] rc = new long[size];
            long minAct = 0;
            long maxAct = 0;
            for (int q = 0; q < size; q++) {
                int k = lp.rowStart(r) + q;
                int c = lp.entryCol(k);
                rv[q] = vars[c];
                rc[q] = asLong(lp.entryCoef(k), "coefficient in " + lp.rowName(r));
                long a = rc[q] * (long) lp.varLb(c);
                long b = rc[q] * (long) lp.varUb(c);
                minAct += Math.min(a, b);
                maxAct += Math.max(a, b);
            }
            long lo = Double.isInfinite(lp.rowLb(r)) ? minAct : Math.max(minAct, (long) Math.ceil(lp.rowLb(r)));
            long hi = Double.isInfinite(lp.rowUb(r)) ? maxAct : Math.min(maxAct, (long) Math.floor(lp.rowUb(r)));
            if (lo > hi) {
                return BackendOutcome.none(BackendOutcome.Kind.INFEASIBLE, Double.NEGATIVE_INFINITY,
                        "cpsat: row " + lp.rowName(r) + " cannot be satisfied");
            }
            if (lo == minAct && hi == maxAct) {
                continue;
            }
            cp.addLinearConstraint(LinearExpr.weightedSum(rv, rc), lo, hi);
        }
        cp.minimize(LinearExpr.weightedSum(java.util.Arrays.copyOf(objVars, objCount),
                java.util.Arrays.copyOf(objCoefs, objCount)));
        if (hint != null) {
            for (int j = 0; j < n; j++) {
                if (!Double.isNaN(hint[j])) {
                    if (vars[j] instanceof BoolVar) {
                        cp.addHint((BoolVar) vars[j], hint[j] > 0.5);
                    } else {
                        cp.addHint(vars[j], Math.round(hint[j]));
                    }
                }
            }
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(Math.max(1, threads));
        if (!deadline.isNone()) {
            solver.getParameters().setMaxTimeInSeconds(deadline.secondsLeft());
        }
        solver.getParameters().setLogSearchProgress(false);
        if (relativeGap > EXACT_GAP) {
            solver.getParameters().setRelativeGapLimit(relativeGap);
        }
        Callback callback = new Callback(vars, onSolution);
        if (cancel.isCancelled()) {
            return BackendOutcome.none(BackendOutcome.Kind.NO_SOLUTION, Double.NEGATIVE_INFINITY, "cancelled");
        }
        CpSolverStatus status;
        try (AutoCloseable hook = cancel.interruptUntilClosed(solver::stopSearch)) {
            status = solver.solve(cp, callback);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        double bound = solver.bestObjectiveBound();
        switch (status) {
            case INFEASIBLE:
                return BackendOutcome.none(BackendOutcome.Kind.INFEASIBLE, bound, "cpsat: infeasible");
            case OPTIMAL:
            case FEASIBLE: {
                double[] x = new double[n];
                for (int j = 0; j < n; j++) {
                    x[j] = solver.value(vars[j]);
                }
                BackendOutcome.Kind kind = status == CpSolverStatus.OPTIMAL
                        ? BackendOutcome.Kind.OPTIMAL : BackendOutcome.Kind.FEASIBLE;
                return new BackendOutcome(kind, x, solver.objectiveValue(), bound, "cpsat: " + status);
            }
            case UNKNOWN:
                return BackendOutcome.none(BackendOutcome.Kind.NO_SOLUTION, Double.NEGATIVE_INFINITY,
                        "cpsat: no solution (" + status + ")");
            default:
                return BackendOutcome.none(BackendOutcome.Kind.ERROR, Double.NEGATIVE_INFINITY,
                        "cpsat: " + status + " " + solver.getSolutionInfo());
        }
    }

    private static long asLong(double v, String what) {
        if (v != Math.rint(v) || Math.abs(v) > 1e15) {
            throw new IllegalArgumentException("cpsat needs integer data: " + what + " is " + v);
        }
        return (long) v;
    }

    private static final class Callback extends CpSolverSolutionCallback {
        private final IntVar[] vars;
        private final Consumer<double[]> sink;

        Callback(IntVar[] vars, Consumer<double[]> sink) {
            this.vars = vars;
            this.sink = sink;
        }

        @Override
        public void onSolutionCallback() {
            double[] x = new double[vars.length];
            for (int j = 0; j < vars.length; j++) {
                x[j] = value(vars[j]);
            }
            sink.accept(x);
        }
    }
}

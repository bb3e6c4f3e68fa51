package org.poetexplorer.milp.heuristic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

/**
 * Lower bounds on the energy of any valid schedule (poet-model.md section 4), cheap enough to
 * compute on every budget change. A bound here lets the solver call a schedule OPTIMAL, so
 * each one comes with its argument.
 */
public final class LowerBounds {
    /** Relative margin taken off every bound, so that rounding can never overstate it. */
    private static final double SAFETY = 1e-9;
    private static final int SWEEPS = 30;

    private LowerBounds() {
    }

    /** Every node is computed at least once, in its own stage (constraint 1: R[t][t] = 1). */
    public static double computeOnlyJ(TrainingGraph g) {
        return g.plainEnergyJ();
    }

    /**
     * A lower bound on the energy of any schedule within {@code b}; {@code +Infinity} when no
     * schedule can exist (a stage cannot fit whatever is paged or recomputed).
     *
     * <p>Argument. Look at the moment stage t computes node t. Then node t's output and all its
     * inputs are in RAM (set M_t). Let X_t be the other outputs i &lt; t that some node after t
     * still needs. Each i in X_t is either in RAM at that moment, and counts against the budget,
     * or it is not; then, as node j &gt; t needs it in RAM in stage j, it must come back after
     * that moment: by a computation of i in a stage after t (stage t computes in increasing
     * index order, so a computation of i in stage t precedes node t), which is a second
     * computation of i beyond the one in stage i, costing computeJ[i]; or by a page-in, which
     * needs a copy on storage and so a page-out of i: pageInJ[i] + pageOutJ[i]. So "i is away
     * at some such moment" costs at least c_i = min of the allowed ways, once per tensor, on top
     * of computing every node once. Writing y_i = 1 for the tensors that are away at some
     * moment, every schedule satisfies, for every stage t,
     * {@code sum_{i in X_t} ram_i y_i >= ram(M_t) + ram(X_t) - budget}, and pays at least
     * {@code sum_i c_i y_i} extra. Any dual feasible solution of the LP relaxation of this
     * covering problem bounds that extra from below (weak duality); we take lambda_t &gt;= 0 per
     * stage and the best mu_i for it, improved by exact coordinate ascent.
     *
     * <p>Without recomputation, node t-1's output is never away when node t is computed if
     * anything after t needs it: it cannot be on storage yet (a page-out needs it in RAM at the
     * start of a stage, and stage t is the first where it can be), and stage t computes nothing
     * before node t that could consume and free it. It then belongs to M_t.
     */
    public static double energyJ(TrainingGraph g, Budget b) {
        Cover cover = Cover.of(g, b);
        if (cover == null) {
            return Double.POSITIVE_INFINITY;
        }
        double extra = cover.dualBound();
        double base = computeOnlyJ(g);
        return (base + extra) * (1 - SAFETY);
    }

    /** True when {@link #energyJ} proves that no schedule fits the budget. */
    public static boolean provablyInfeasible(TrainingGraph g, Budget b) {
        return Double.isInfinite(energyJ(g, b));
    }

    /** The covering problem of {@link #energyJ}: stages with a positive need and their crossing outputs. */
    private static final class Cover {
        final int[][] members; // per stage: the crossing outputs that may leave
        final double[][] coef; // per stage and member: min(ram_i, need_t)
        final double[] need;
        final double[] cost;

        private Cover(int[][] members, double[][] coef, double[] need, double[] cost) {
            this.members = members;
            this.coef = coef;
            this.need = need;
            this.cost = cost;
        }

        static Cover of(TrainingGraph g, Budget b) {
            int n = g.size();
            if (b.runtimeRatio() < 1 && g.plainRuntimeS() > 0) {
                return null;
            }
            int[] last = MinimalRam.lastUse(g);
            double[] cost = new double[n];
            for (int i = 0; i < n; i++) {
                double c = Double.POSITIVE_INFINITY;
                if (b.remat()) {
                    c = g.computeJ(i);
                }
                if (b.paging()) {
                    c = Math.min(c, g.pageInJ(i) + g.pageOutJ(i));
                }
                cost[i] = c;
            }
            int[][] members = new int[n][];
            double[][] coef = new double[n][];
            double[] need = new double[n];
            boolean[] isDep = new boolean[n];
            int[] buf = new int[n];
            for (int t = 0; t < n; t++) {
                double fixed = g.ram(t);
                for (int d : g.deps(t)) {
                    fixed += g.ram(d);
                    isDep[d] = true;
                }
                int m = 0;
                double crossing = 0;
                for (int i = 0; i < t; i++) {
                    if (isDep[i] || last[i] <= t || g.ram(i) == 0) {
                        continue;
                    }
                    boolean forced = Double.isInfinite(cost[i]) || (!b.remat() && i == t - 1);
                    if (forced) {
                        fixed += g.ram(i);
                    } else {
                        buf[m++] = i;
                        crossing += g.ram(i);
                    }
                }
                for (int d : g.deps(t)) {
                    isDep[d] = false;
                }
                if (fixed > b.ramBytes()) {
                    return null;
                }
                need[t] = fixed + crossing - b.ramBytes();
                members[t] = need[t] > 0 ? Arrays.copyOf(buf, m) : new int[0];
                coef[t] = new double[members[t].length];
                for (int j = 0; j < members[t].length; j++) {
                    // For 0/1 choices, sum ram_i y_i >= need holds iff sum min(ram_i, need) y_i >= need:
                    // one output as large as the need covers it alone. The capped form has the
                    // same integer solutions and a tighter relaxation.
                    coef[t][j] = Math.min(g.ram(members[t][j]), need[t]);
                }
            }
            return new Cover(members, coef, need, cost);
        }

        /**
         * max over lambda >= 0 (coordinate ascent) of
         * sum_t lambda_t need_t - sum_i max(0, sum_t lambda_t coef_ti - c_i).
         */
        double dualBound() {
            int n = need.length;
            double[] lambda = new double[n];
            double[] price = new double[n]; // sum_t lambda_t coef_ti, per output
            int bestStage = -1;
            double best = 0;
            for (int t = 0; t < n; t++) {
                if (need[t] > 0) {
                    double x = bestStep(t, price);
                    setLambda(t, x, lambda, price);
                    double v = value(lambda);
                    setLambda(t, 0, lambda, price);
                    if (v > best) {
                        best = v;
                        bestStage = t;
                    }
                }
            }
            if (bestStage < 0) {
                return 0;
            }
            setLambda(bestStage, bestStep(bestStage, price), lambda, price);
            double value = value(lambda);
            for (int sweep = 0; sweep < SWEEPS; sweep++) {
                for (int t = 0; t < n; t++) {
                    if (need[t] > 0) {
                        setLambda(t, 0, lambda, price);
                        setLambda(t, bestStep(t, price), lambda, price);
                    }
                }
                double v = value(lambda);
                if (v <= value * (1 + 1e-12)) {
                    value = Math.max(value, v);
                    break;
                }
                value = v;
            }
            return Math.max(0, value(lambda));
        }

        private void setLambda(int t, double x, double[] lambda, double[] price) {
            double delta = x - lambda[t];
            lambda[t] = x;
            for (int j = 0; j < members[t].length; j++) {
                price[members[t][j]] += delta * coef[t][j];
            }
        }

        /** Dual objective, recomputed from scratch (no drift from the incremental prices). */
        private double value(double[] lambda) {
            double v = 0;
            double[] price = new double[cost.length];
            for (int t = 0; t < need.length; t++) {
                v += lambda[t] * need[t];
                for (int j = 0; j < members[t].length; j++) {
                    price[members[t][j]] += lambda[t] * coef[t][j];
                }
            }
            for (int i = 0; i < price.length; i++) {
                v -= Math.max(0, price[i] - cost[i]);
            }
            return v;
        }

        /**
         * The best lambda_t given the others (lambda_t currently 0): the slope in lambda_t is
         * need_t minus the coefficients of members whose price already exceeds their cost;
         * walk the breakpoints (c_i - price_i) / coef_ti in increasing order until it turns
         * non-positive.
         */
        private double bestStep(int t, double[] price) {
            int[] ms = members[t];
            double slope = need[t];
            List<double[]> points = new ArrayList<>();
            for (int j = 0; j < ms.length; j++) {
                double x = (cost[ms[j]] - price[ms[j]]) / coef[t][j];
                if (x <= 0) {
                    slope -= coef[t][j];
                } else {
                    points.add(new double[] {x, coef[t][j]});
                }
            }
            if (slope <= 0) {
                return 0;
            }
            points.sort((p, q) -> Double.compare(p[0], q[0]));
            for (double[] p : points) {
                slope -= p[1];
                if (slope <= 0) {
                    return p[0];
                }
            }
            return 0; // cannot happen: need_t <= the members' bytes
        }
    }
}

package org.poetexplorer.milp.heuristic;

import java.util.Arrays;
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
        final int[][] members; // per constrained stage: indices into the tensor list
        final double[] need;
        final double[] ram;
        final double[] cost;

        private Cover(int[][] members, double[] need, double[] ram, double[] cost) {
            this.members = members;
            this.need = need;
            this.ram = ram;
            this.cost = cost;
        }

        static Cover of(TrainingGraph g, Budget b) {
            int n = g.size();
            if (b.runtimeRatio() < 1 && g.plainRuntimeS() > 0) {
                return null;
            }
            int[] last = MinimalRam.lastUse(g);
            double[] cost = new double[n];
            double[] ram = new double[n];
            for (int i = 0; i < n; i++) {
                double c = Double.POSITIVE_INFINITY;
                if (b.remat()) {
                    c = g.computeJ(i);
                }
                if (b.paging()) {
                    c = Math.min(c, g.pageInJ(i) + g.pageOutJ(i));
                }
                cost[i] = c;
                ram[i] = g.ram(i);
            }
            int[][] members = new int[n][];
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
                    if (isDep[i] || last[i] <= t) {
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
            }
            return new Cover(members, need, ram, cost);
        }

        /** max over lambda >= 0 (coordinate ascent) of sum lambda_t need_t - sum_i max(0, ram_i Lambda_i - c_i). */
        double dualBound() {
            int n = need.length;
            double[] lambda = new double[n];
            double[] big = new double[n]; // Lambda_i
            // start from the best single stage, then sweep
            int bestStage = -1;
            double best = 0;
            for (int t = 0; t < n; t++) {
                if (need[t] > 0) {
                    double x = bestStep(t, big);
                    double v = x * need[t] - penaltyWith(t, x, big);
                    if (v > best) {
                        best = v;
                        bestStage = t;
                    }
                }
            }
            if (bestStage < 0) {
                return 0;
            }
            setLambda(bestStage, bestStep(bestStage, big), lambda, big);
            double value = value(lambda, big);
            for (int sweep = 0; sweep < SWEEPS; sweep++) {
                for (int t = 0; t < n; t++) {
                    if (need[t] > 0) {
                        setLambda(t, 0, lambda, big);
                        setLambda(t, bestStep(t, big), lambda, big);
                    }
                }
                double v = value(lambda, big);
                if (v <= value * (1 + 1e-12)) {
                    value = Math.max(value, v);
                    break;
                }
                value = v;
            }
            return Math.max(0, value(lambda, big));
        }

        private void setLambda(int t, double x, double[] lambda, double[] big) {
            double delta = x - lambda[t];
            lambda[t] = x;
            for (int i : members[t]) {
                big[i] += delta;
            }
        }

        /** Dual objective, recomputed from scratch. */
        private double value(double[] lambda, double[] big) {
            double v = 0;
            for (int t = 0; t < need.length; t++) {
                v += lambda[t] * need[t];
            }
            double[] exact = new double[big.length];
            for (int t = 0; t < need.length; t++) {
                for (int i : members[t]) {
                    exact[i] += lambda[t];
                }
            }
            for (int i = 0; i < exact.length; i++) {
                v -= Math.max(0, ram[i] * exact[i] - cost[i]);
            }
            return v;
        }

        /** Penalty of stage t's members when lambda_t = x and stage t contributed nothing before. */
        private double penaltyWith(int t, double x, double[] big) {
            double p = 0;
            for (int i : members[t]) {
                p += Math.max(0, ram[i] * (big[i] + x) - cost[i]) - Math.max(0, ram[i] * big[i] - cost[i]);
            }
            return p;
        }

        /**
         * The best lambda_t given the others (with lambda_t currently 0): the slope in lambda_t is
         * need_t minus the bytes of members whose price ram_i * Lambda_i already exceeds c_i; walk
         * the breakpoints c_i / ram_i - Lambda_i in increasing order until it turns non-positive.
         */
        private double bestStep(int t, double[] big) {
            int[] ms = members[t];
            int m = 0;
            double slope = need[t];
            for (int i : ms) {
                if (ram[i] <= 0) {
                    continue;
                }
                if (cost[i] / ram[i] - big[i] <= 0) {
                    slope -= ram[i];
                } else {
                    m++;
                }
            }
            if (slope <= 0) {
                return 0;
            }
            Integer[] order = new Integer[m];
            int c = 0;
            for (int i : ms) {
                if (ram[i] > 0 && cost[i] / ram[i] - big[i] > 0) {
                    order[c++] = i;
                }
            }
            Arrays.sort(order, (p, q) -> Double.compare(cost[p] / ram[p] - big[p], cost[q] / ram[q] - big[q]));
            for (Integer i : order) {
                slope -= ram[i];
                if (slope <= 0) {
                    return cost[i] / ram[i] - big[i];
                }
            }
            // cannot happen: need_t <= bytes of the members
            return 0;
        }
    }
}

package org.poetexplorer.solver.phases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;

/**
 * The cover bound: a lower bound on the energy of any valid schedule (docs/model.md section 4)
 * from the outputs that must leave RAM while each stage computes its node, cheap enough to
 * compute on every budget change, and the proof that no schedule fits when those outputs cannot
 * leave. A bound here lets the solver call a schedule OPTIMAL, so it comes with its argument.
 */
public final class CoverBound {
    /** Relative margin taken off every bound, so that rounding can never overstate it. */
    private static final double SAFETY = 1e-9;
    private static final int SWEEPS = 30;
    private static final int MU_STEPS = 20;

    private CoverBound() {
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
     *
     * <p>Runtime. A tensor that is away and brought back by computation adds at least its
     * runtime to the compute time, and all recomputations together fit in the slack
     * s = (ratio - 1) * plain runtime. Split the away tensors into those computed again (set R,
     * cost computeJ_i, time runtime_i) and the others (paged, cost pageIn_i + pageOut_i). For
     * any mu &gt;= 0, extra &gt;= sum_R computeJ_i + sum_others page_i &gt;= sum_R (computeJ_i +
     * mu runtime_i) + sum_others page_i - mu s &gt;= cover bound with c_i = min(computeJ_i + mu
     * runtime_i, page_i), minus mu s. We take the best mu of a geometric grid. Without paging,
     * if even the least runtime the cover needs exceeds s, nothing fits. When transfers take
     * time, a paged tensor also spends at least pageInS_i + pageOutS_i of the slack (one
     * page-out, at least one page-in), so c_i = min(computeJ_i + mu runtime_i, page_i + mu
     * (pageInS_i + pageOutS_i)) by the same argument; leaving that term out (mu = 0 on it, or
     * no recomputation) is a relaxation and stays a valid bound.
     */
    public static double energyJ(TrainingGraph g, Budget b) {
        return energyJ(g, b, () -> false);
    }

    /**
     * As {@link #energyJ(TrainingGraph, Budget)}, ending early once {@code stop} says so: then a
     * weaker bound (any point of the ascent is a dual feasible solution), or
     * {@code -Infinity} (no bound) when the covering rows were not all made.
     */
    public static double energyJ(TrainingGraph g, Budget b, BooleanSupplier stop) {
        Cover cover = Cover.of(g, b, stop);
        if (cover == Cover.STOPPED) {
            return Double.NEGATIVE_INFINITY;
        }
        if (cover == null) {
            return Double.POSITIVE_INFINITY;
        }
        cover.stop = stop;
        int n = g.size();
        double[] page = new double[n];
        double[] compute = new double[n];
        double[] time = new double[n];
        double[] pageTime = new double[n];
        for (int i = 0; i < n; i++) {
            page[i] = b.paging() ? g.pageInJ(i) + g.pageOutJ(i) : Double.POSITIVE_INFINITY;
            compute[i] = g.computeJ(i);
            time[i] = g.runtime(i);
            pageTime[i] = b.transfersTakeTime() ? g.pageInS(i) + g.pageOutS(i) : 0;
        }
        double extra;
        if (!b.remat()) {
            extra = cover.dualBound(page);
        } else {
            double slack = Math.max(0, (b.runtimeRatio() - 1) * g.plainRuntimeS());
            if (recomputationExceedsRuntime(cover, g, b)) {
                return Double.POSITIVE_INFINITY;
            }
            // mu on a geometric grid around the plain step's energy per second (k = -1: mu = 0),
            // first every 4th point, then the neighbours of the best
            double scale = g.plainRuntimeS() > 0 ? g.plainEnergyJ() / g.plainRuntimeS() : 0;
            double[] byStep = new double[MU_STEPS + 2];
            Arrays.fill(byStep, Double.NaN);
            int bestK = -1;
            for (int k = -1; k <= MU_STEPS; k += k < 0 ? 1 : 4) {
                byStep[k + 1] = lagrangian(cover, compute, time, page, pageTime, slack, mu(scale, k));
                if (byStep[k + 1] > byStep[bestK + 1]) {
                    bestK = k;
                }
            }
            for (int k : new int[] {bestK - 2, bestK + 2, bestK - 1, bestK + 1}) {
                if (k >= 0 && k <= MU_STEPS && Double.isNaN(byStep[k + 1])) {
                    byStep[k + 1] = lagrangian(cover, compute, time, page, pageTime, slack, mu(scale, k));
                }
            }
            extra = 0;
            for (double v : byStep) {
                if (!Double.isNaN(v)) {
                    extra = Math.max(extra, v);
                }
            }
        }
        // every node is computed at least once, in its own stage (constraint 1: R[t][t] = 1)
        return (g.plainEnergyJ() + extra) * (1 - SAFETY);
    }

    private static double mu(double scale, int k) {
        return k < 0 ? 0 : scale * Math.pow(2, k - MU_STEPS / 2.0);
    }

    private static double lagrangian(Cover cover, double[] compute, double[] time, double[] page, double[] pageTime,
            double slack, double mu) {
        double[] c = new double[compute.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.min(compute[i] + mu * time[i], page[i] + mu * pageTime[i]);
        }
        return cover.dualBound(c) - mu * slack;
    }

    /**
     * One covering row of {@link #energyJ}'s argument: at the moment stage {@code stage}
     * computes its node, the outputs in {@code members} that are away (not in RAM, each brought
     * back later at a cost) must together free at least {@code needBytes}; member j counts
     * {@code capBytes[j]} = min(its RAM, the need), which has the same 0/1 solutions.
     */
    public record Row(int stage, int[] members, double[] capBytes, double needBytes) {
    }

    /**
     * The covering rows of {@link #energyJ} (stages with a positive need only), for an exact
     * solution of the covering problem elsewhere; null when no schedule can exist.
     */
    public static List<Row> rows(TrainingGraph g, Budget b) {
        return rows(g, b, () -> false);
    }

    /** As {@link #rows(TrainingGraph, Budget)}; null also when {@code stop} says stop before the rows are made. */
    public static List<Row> rows(TrainingGraph g, Budget b, BooleanSupplier stop) {
        Cover cover = Cover.of(g, b, stop);
        if (cover == null || cover == Cover.STOPPED) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < cover.need.length; t++) {
            if (cover.need[t] > 0) {
                rows.add(new Row(t, cover.members[t].clone(), cover.coef[t].clone(), cover.need[t]));
            }
        }
        return rows;
    }

    /** True when {@link #energyJ} proves that no schedule fits the budget. */
    public static boolean provesInfeasible(TrainingGraph g, Budget b) {
        return provesInfeasible(g, b, () -> false);
    }

    /** As {@link #provesInfeasible(TrainingGraph, Budget)}; false (no proof) when {@code stop} comes first. */
    public static boolean provesInfeasible(TrainingGraph g, Budget b, BooleanSupplier stop) {
        Cover cover = Cover.of(g, b, stop);
        if (cover == Cover.STOPPED) {
            return false;
        }
        cover = cover == null ? null : cover.stoppingAt(stop);
        return cover == null || recomputationExceedsRuntime(cover, g, b) && !stop.getAsBoolean();
    }

    /** Without paging, the least compute time the outputs that must leave take to come back exceeds the slack. */
    private static boolean recomputationExceedsRuntime(Cover cover, TrainingGraph g, Budget b) {
        if (b.paging() || !b.remat()) {
            return false;
        }
        double[] time = new double[g.size()];
        for (int i = 0; i < time.length; i++) {
            time[i] = g.runtime(i);
        }
        double slack = Math.max(0, (b.runtimeRatio() - 1) * g.plainRuntimeS());
        return cover.dualBound(time) > slack * (1 + SAFETY) + SAFETY * g.plainRuntimeS();
    }

    /** The covering problem of {@link #energyJ}: stages with a positive need and their crossing outputs. */
    private static final class Cover {
        /** Made in place of a cover when the stop signal came before all its rows were. */
        static final Cover STOPPED = new Cover(new int[0][], new double[0][], new double[0]);

        final int[][] members; // per stage: the crossing outputs that may leave
        final double[][] coef; // per stage and member: min(ram_i, need_t)
        final double[] need;
        double[] cost;
        /** Ends the ascent early; the bound is then weaker but still a bound. */
        BooleanSupplier stop = () -> false;

        private Cover(int[][] members, double[][] coef, double[] need) {
            this.members = members;
            this.coef = coef;
            this.need = need;
        }

        Cover stoppingAt(BooleanSupplier signal) {
            this.stop = signal;
            return this;
        }

        /** The cover, null when no schedule can exist, or {@link #STOPPED}. */
        static Cover of(TrainingGraph g, Budget b, BooleanSupplier stop) {
            int n = g.size();
            if (b.runtimeRatio() < 1 && g.plainRuntimeS() > 0) {
                return null;
            }
            int[][] members = new int[n][];
            double[][] coef = new double[n][];
            double[] need = new double[n];
            boolean[] isDep = new boolean[n];
            int[] buf = new int[n];
            // the outputs before t that a node after t still reads, in increasing order
            int[] crossingBefore = new int[n];
            int crossingCount = 0;
            for (int t = 0; t < n; t++) {
                if (stop.getAsBoolean()) {
                    return STOPPED;
                }
                int kept = 0;
                for (int q = 0; q < crossingCount; q++) {
                    if (Plans.lastReader(g, crossingBefore[q]) > t) {
                        crossingBefore[kept++] = crossingBefore[q];
                    }
                }
                crossingCount = kept;
                double fixed = g.ram(t);
                for (int d : g.deps(t)) {
                    fixed += g.ram(d);
                    isDep[d] = true;
                }
                int m = 0;
                double crossing = 0;
                for (int q = 0; q < crossingCount; q++) {
                    int i = crossingBefore[q];
                    if (isDep[i] || g.ram(i) == 0) {
                        continue;
                    }
                    boolean forced = !b.remat() && (!b.paging() || i == t - 1);
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
                if (Plans.lastReader(g, t) > t) {
                    crossingBefore[crossingCount++] = t;
                }
            }
            return new Cover(members, coef, need);
        }

        /**
         * max over lambda >= 0 (coordinate ascent) of
         * sum_t lambda_t need_t - sum_i max(0, sum_t lambda_t coef_ti - c_i).
         */
        double dualBound(double[] costs) {
            this.cost = costs;
            int n = need.length;
            double[] lambda = new double[n];
            double[] price = new double[n]; // sum_t lambda_t coef_ti, per output
            int bestStage = -1;
            double best = 0;
            for (int t = 0; t < n; t++) {
                if (stop.getAsBoolean()) {
                    return 0; // lambda = 0: the trivial bound
                }
                if (need[t] > 0) {
                    double v = singleStageValue(t, bestStep(t, price));
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
            for (int sweep = 0; sweep < SWEEPS && !stop.getAsBoolean(); sweep++) {
                for (int t = 0; t < n && !stop.getAsBoolean(); t++) {
                    if (need[t] > 0) {
                        setLambda(t, 0, lambda, price);
                        setLambda(t, bestStep(t, price), lambda, price);
                    }
                }
                double v = value(lambda);
                if (v <= value + 1e-7 * Math.abs(value)) {
                    value = Math.max(value, v);
                    break;
                }
                value = v;
            }
            return stop.getAsBoolean() ? 0 : Math.max(0, value(lambda));
        }

        private void setLambda(int t, double x, double[] lambda, double[] price) {
            double delta = x - lambda[t];
            lambda[t] = x;
            for (int j = 0; j < members[t].length; j++) {
                price[members[t][j]] += delta * coef[t][j];
            }
        }

        /**
         * {@link #value} of lambda_t = x and every other lambda 0, in the time of stage t's
         * members rather than of all stages (the members are distinct and ascending, so the
         * terms are summed in the same order as there).
         */
        private double singleStageValue(int t, double x) {
            double v = x * need[t];
            for (int j = 0; j < members[t].length; j++) {
                v -= Math.max(0, x * coef[t][j] - cost[members[t][j]]);
            }
            return v;
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
            long[] points = new long[ms.length];
            int m = 0;
            for (int j = 0; j < ms.length; j++) {
                double x = (cost[ms[j]] - price[ms[j]]) / coef[t][j];
                if (x <= 0) {
                    slope -= coef[t][j];
                } else {
                    // order by the breakpoint (float precision is enough: any lambda >= 0 gives a
                    // valid bound, the order only steers the ascent), member index in the low bits
                    points[m++] = ((long) Float.floatToIntBits((float) x) << 32) | j;
                }
            }
            if (slope <= 0) {
                return 0;
            }
            Arrays.sort(points, 0, m);
            for (int p = 0; p < m; p++) {
                int j = (int) (points[p] & 0xffffffffL);
                slope -= coef[t][j];
                if (slope <= 0) {
                    return (cost[ms[j]] - price[ms[j]]) / coef[t][j];
                }
            }
            return 0; // cannot happen: need_t <= the members' bytes
        }
    }
}

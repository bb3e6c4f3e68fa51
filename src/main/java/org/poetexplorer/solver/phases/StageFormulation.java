package org.poetexplorer.solver.phases;

import static org.poetexplorer.solver.phases.StageModel.ABSENT;
import static org.poetexplorer.solver.phases.StageModel.ONE;

import java.util.function.BooleanSupplier;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.StagePlan;
import org.poetexplorer.solver.backends.LinearModel;

/**
 * Builds the stage MILP of docs/model.md section 4 in two forms.
 *
 * <p>{@link #plain}: the model as written there, unscaled (joules, bytes, seconds), every
 * variable of every stage with constraint (1) as bounds. Used for MPS export and comparison.
 *
 * <p>{@link #reduced}: the same optimum from a smaller, better conditioned model. Every
 * change keeps the set of optimal energies; the reasons:
 * <ul>
 * <li>no column for decisions (1) fixes, nor for decisions that can only cost: paging in or out
 *   in the last stage (there is no later stage to use it), keeping, paging or recomputing an
 *   output that no node reads (a node without successors);</li>
 * <li>Free is only bounded above, disaggregated: Free[t][(i,k)] &lt;= R[t][k],
 *   &lt;= 1 - SRam[t+1][i], &lt;= 1 - R[t][j] for each later successor j. The integer points are
 *   those of (6) except that a free may be skipped; skipping a free only raises RAM use, so it is
 *   never needed and every solution of (6) stays feasible. Frees that (6) forces to zero because
 *   a later successor is node t itself get no column.</li>
 * <li>U[t][k] only for k &lt;= t (nothing changes in stage t after node t);</li>
 * <li>R[t][t] = 1 is folded into constants: the objective omits the plain energy (added back as
 *   an offset) and the runtime row bounds the recomputation time only (and, when transfers take
 *   time, the page-out and page-in times: tidying and the timing moves below only remove
 *   transfers or move them between stages, so their total time never grows).</li>
 * <li>Dominance rows, each satisfied by the tidied form of any solution ({@link org.poetexplorer.schedule.PlanTidy}: same
 *   or lower energy and RAM, still feasible), so the optimum is unchanged while the LP gets
 *   tighter: storage carry (4) as an equality (a copy on storage is kept, it costs nothing, so
 *   an output is written at most once); SRam[t][i] + R[t][i] + MIn[t][i] &lt;= 1 (made resident
 *   one way only); MIn[t][i] &lt;= SRam[t+1][i] (a page-in is kept); R[t][i] &lt;= sum of R[t][j] for
 *   readers j &lt;= t, plus SRam[t+1][i] (a recomputation is read or kept).</li>
 * <li>Timing dominance, same argument: a page-out can move to the start of the output's stay in
 *   RAM, which follows a computation (MOut[t][i] &lt;= R[t-1][i] for t &gt; i+1, and no column where
 *   that R has none, so without recomputation only MOut[i+1][i] exists); a page-in can move to
 *   just before the next stage that reads the output (MIn[t][i] &lt;= reads of i in stage t+1); an
 *   output is kept into stage t only to be read there, kept further or written
 *   (SRam[t][i] &lt;= reads in t + SRam[t+1][i] + MOut[t][i]).</li>
 * </ul>
 * Measured on vgg16_cifar/a72 at 1.5 MB and 1.5x: without the storage equality or without the
 * resident-once and useful-recomputation rows SCIP did not prove the optimum in 150 s; with all
 * rows SCIP proved it in 31-138 s and HiGHS in 58 s (without the timing rows HiGHS did not
 * within 150 s). The machine was shared, so the times vary by a factor of two or more.
 * Scaling: with {@code integer == false} RAM is in units of the budget (the budget is 1),
 * energy in units of one plain step and runtime in units of the plain runtime. With
 * {@code integer == true} (for CP-SAT) RAM is in bytes, exactly; energy coefficients are
 * {@code floor(J / plain * 1e9)}, so the integer objective never overstates a schedule's
 * energy and its bound is a valid lower bound; runtime weights are
 * {@code floor(s / plain * 1e9)} against {@code ceil((ratio - 1) * 1e9)}, a relaxation by at
 * most one part in 1e9 per term, so an INFEASIBLE answer is a proof. Every solution is rechecked
 * exactly afterwards, which catches what the relaxation lets through.
 */
public final class StageFormulation {
    /** Resolution of the integer model's energy and runtime: parts of one plain step. */
    public static final double INTEGER_SCALE = 1e9;

    private StageFormulation() {
    }

    /**
     * About how many bytes of Java heap {@link #reduced} and a backend's copy of it take for
     * {@code g} (the backend's native solver then takes several times more outside the heap):
     * the rows grow with stages x edges. The model alone, measured on generated layered graphs of
     * 100 to 400 nodes with and without paging: 18 to 450 MB, about 190 bytes per row and
     * 2.9 n E rows, under 600 n (E + n) bytes. A whole solve on 250 nodes had up to 400 MB in
     * use, on 500 nodes (estimate 816 MB by the model alone) 1.9 GB: hence 1500 n (E + n).
     */
    public static long estimatedHeapBytes(TrainingGraph g) {
        return 1500L * g.size() * ((long) g.edgeCount() + g.size());
    }

    public static StageModel reduced(TrainingGraph g, Budget b, boolean integer) {
        return reduced(g, b, integer, () -> false);
    }

    /** As {@link #reduced(TrainingGraph, Budget, boolean)}; throws {@link LinearModel.Stopped} once {@code stop} says so. */
    public static StageModel reduced(TrainingGraph g, Budget b, boolean integer, BooleanSupplier stop) {
        return new Reduced(g, b, integer, null, stop).build();
    }

    /**
     * The reduced model restricted to {@code window}: the decisions it leaves free are columns,
     * every other decision is the window's fixed plan, as a constant (see {@link StageWindow}).
     * Only the rows of the window's stages are made; its objective offset is the energy of the
     * fixed decisions, so {@link StageModel#energyJ} is the whole plan's energy and
     * {@link StageModel#round} the whole plan.
     */
    public static StageModel window(TrainingGraph g, Budget b, boolean integer, StageWindow window,
            BooleanSupplier stop) {
        return new Reduced(g, b, integer, window, stop).build();
    }

    /**
     * About how many columns {@link #reduced} makes, counted without building anything: one
     * keep decision per stage and earlier output that is read, plus a recomputation with
     * recomputation on and a storage, page-out and page-in decision with paging on.
     */
    public static long estimatedColumns(TrainingGraph g, Budget b) {
        int n = g.size();
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            if (g.succs(i).length > 0) {
                pairs += n - 1 - i;
            }
        }
        return pairs * decisionsPerPair(b);
    }

    /**
     * How many decisions the reduced model makes per stage and earlier output that is read: keep,
     * and recompute with recomputation on, and store, page out and page in with paging on.
     */
    public static int decisionsPerPair(Budget b) {
        return 1 + (b.remat() ? 1 : 0) + (b.paging() ? 3 : 0);
    }

    /** The literal section-4 model, unscaled: joules, bytes, seconds. */
    public static StageModel plain(TrainingGraph g, Budget b) {
        int n = g.size();
        LinearModel lp = new LinearModel(g.name() + "-plain");
        int[][] r = new int[n][n];
        int[][] sRam = new int[n][n];
        int[][] sSd = new int[n][n];
        int[][] mIn = new int[n][n];
        int[][] mOut = new int[n][n];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < n; i++) {
                double rLb = i == t ? 1 : 0;
                double rUb = i == t || (i < t && b.remat()) ? 1 : 0;
                r[t][i] = lp.addVar(rLb, rUb, true, g.computeJ(i), "R_" + t + "_" + i);
                sRam[t][i] = lp.addVar(0, i < t ? 1 : 0, true, 0, "SRam_" + t + "_" + i);
                sSd[t][i] = lp.addVar(0, i < t && b.paging() ? 1 : 0, true, 0, "SSd_" + t + "_" + i);
                mIn[t][i] = lp.addVar(0, i <= t && b.paging() ? 1 : 0, true, g.pageInJ(i), "MIn_" + t + "_" + i);
                mOut[t][i] = lp.addVar(0, i <= t && b.paging() ? 1 : 0, true, g.pageOutJ(i), "MOut_" + t + "_" + i);
            }
        }
        Row row = new Row(8);
        for (int t = 0; t < n; t++) {
            for (int v = 0; v < n; v++) {
                for (int u : g.deps(v)) {
                    row.clear().add(r[t][v], 1).add(r[t][u], -1).add(sRam[t][u], -1);
                    row.addTo(lp, -LinearModel.INF, 0, "dep_" + t + "_" + u + "_" + v);
                }
            }
        }
        for (int t = 0; t + 1 < n; t++) {
            for (int i = 0; i < n; i++) {
                row.clear().add(sRam[t + 1][i], 1).add(sRam[t][i], -1).add(r[t][i], -1).add(mIn[t][i], -1);
                row.addTo(lp, -LinearModel.INF, 0, "ramcarry_" + t + "_" + i);
                row.clear().add(sSd[t + 1][i], 1).add(sSd[t][i], -1).add(mOut[t][i], -1);
                row.addTo(lp, -LinearModel.INF, 0, "sdcarry_" + t + "_" + i);
            }
        }
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < n; i++) {
                row.clear().add(mIn[t][i], 1).add(sSd[t][i], -1);
                row.addTo(lp, -LinearModel.INF, 0, "pagein_" + t + "_" + i);
                row.clear().add(mOut[t][i], 1).add(sRam[t][i], -1);
                row.addTo(lp, -LinearModel.INF, 0, "pageout_" + t + "_" + i);
            }
        }
        int[][] u = new int[n][n];
        for (int t = 0; t < n; t++) {
            for (int k = 0; k < n; k++) {
                u[t][k] = lp.addVar(0, b.ramBytes(), false, 0, "U_" + t + "_" + k);
            }
        }
        // Free[t][(i,k)], grouped by k for the memory rows.
        int[][][] free = new int[n][n][];
        for (int t = 0; t < n; t++) {
            for (int k = 0; k < n; k++) {
                int[] deps = g.deps(k);
                free[t][k] = new int[deps.length];
                for (int d = 0; d < deps.length; d++) {
                    int i = deps[d];
                    int f = lp.addBool(0, "Free_" + t + "_" + i + "_" + k);
                    free[t][k][d] = f;
                    // hazards = 1 - R[t][k] + SRam[t+1][i] + sum_{j in succ(i), j > k} R[t][j]
                    row.clear();
                    int later = 0;
                    for (int j : g.succs(i)) {
                        if (j > k) {
                            row.add(r[t][j], 1);
                            later++;
                        }
                    }
                    row.add(r[t][k], -1);
                    if (t + 1 < n) {
                        row.add(sRam[t + 1][i], 1);
                    }
                    int maxHazards = (t + 1 < n ? 2 : 1) + later;
                    // 1 - F <= hazards  <=>  hazardTerms + F >= 0 (hazards = 1 + hazardTerms)
                    Row lower = row.copy().add(f, 1);
                    lower.addTo(lp, 0, LinearModel.INF, "free_lo_" + t + "_" + i + "_" + k);
                    // maxH (1 - F) >= hazards  <=>  hazardTerms + maxH F <= maxH - 1
                    Row upper = row.copy().add(f, maxHazards);
                    upper.addTo(lp, -LinearModel.INF, maxHazards - 1, "free_hi_" + t + "_" + i + "_" + k);
                }
            }
        }
        for (int t = 0; t < n; t++) {
            row.clear().add(u[t][0], 1).add(r[t][0], -g.ram(0));
            for (int i = 0; i < n; i++) {
                row.add(sRam[t][i], -g.ram(i));
            }
            row.addTo(lp, 0, 0, "mem_" + t + "_0");
            for (int k = 0; k + 1 < n; k++) {
                row.clear().add(u[t][k + 1], 1).add(u[t][k], -1).add(r[t][k + 1], -g.ram(k + 1));
                int[] deps = g.deps(k);
                for (int d = 0; d < deps.length; d++) {
                    row.add(free[t][k][d], g.ram(deps[d]));
                }
                row.addTo(lp, 0, 0, "mem_" + t + "_" + (k + 1));
            }
        }
        row.clear();
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < n; i++) {
                row.add(r[t][i], g.runtime(i));
                if (b.transfersTakeTime()) {
                    row.add(mOut[t][i], g.pageOutS(i)).add(mIn[t][i], g.pageInS(i));
                }
            }
        }
        row.addTo(lp, -LinearModel.INF, b.runtimeRatio() * g.plainRuntimeS(), "runtime");
        return new StageModel(g, b, lp, r, sRam, sSd, mIn, mOut, 1.0, 0.0, false, null, null);
    }

    /**
     * The reduced, scaled model (see the class comment), whole or restricted to a window
     * ({@link StageWindow}). A window's fixed decisions are constants in the index arrays
     * ({@link StageModel#ONE} or {@link StageModel#ABSENT}); the row builders are the same for
     * both, and {@link Row} moves a constant's term to the bounds. Only the window's stages get
     * rows: rows of other stages hold constants only, which the fixed plan satisfies. Dominance
     * rows whose tidying would change a fixed decision are left out for a window (a page-out at
     * its first stage, a page-in at its last stage, keeping a fixed output), so that no answer
     * the window could improve to is cut off.
     */
    private static final class Reduced {
        private final TrainingGraph g;
        private final Budget b;
        private final boolean integer;
        private final int n;
        /** The window, or null for the whole model. */
        private final StageWindow window;
        private final int from;
        private final int to;
        private final LinearModel lp;
        private final int[][] r;
        private final int[][] sRam;
        private final int[][] sSd;
        private final int[][] mIn;
        private final int[][] mOut;
        private final double energyUnit;
        private final double ramUnit;
        private final StageModel.Levels levels = new StageModel.Levels();

        Reduced(TrainingGraph g, Budget b, boolean integer, StageWindow window, BooleanSupplier stop) {
            this.g = g;
            this.b = b;
            this.integer = integer;
            this.n = g.size();
            this.window = window;
            this.from = window == null ? 0 : window.from();
            this.to = window == null ? n : window.to();
            this.lp = new LinearModel(g.name() + (integer ? "-integer" : "-scaled")
                    + (window == null ? "" : "-window-" + from + "-" + to), stop);
            this.r = filled();
            this.sRam = filled();
            this.sSd = filled();
            this.mIn = filled();
            this.mOut = filled();
            this.energyUnit = integer ? plainUnit(g) : costUnit(g, b.paging(), b.remat());
            this.ramUnit = integer ? 1.0 : (double) b.ramBytes();
        }

        /** Per stage, the columns of one decision (ABSENT at first); null for stages no row reads. */
        private int[][] filled() {
            int[][] m = new int[n][];
            for (int t = Math.max(0, from - 1); t <= Math.min(n - 1, to); t++) {
                m[t] = new int[n];
                java.util.Arrays.fill(m[t], ABSENT);
            }
            return m;
        }

        private double energyCoef(double joules) {
            double rel = joules / energyUnit;
            return integer ? Math.floor(rel * INTEGER_SCALE) : rel;
        }

        private double ramCoef(int i) {
            return g.ram(i) / ramUnit;
        }

        StageModel build() {
            boolean paging = b.paging();
            if (window != null) {
                fixStage(from - 1);
                fixStage(to);
            }
            for (int t = from; t < to; t++) {
                r[t][t] = ONE;
                boolean last = t == n - 1;
                for (int i = 0; i < t; i++) {
                    boolean read = g.succs(i).length > 0;
                    if (!read) {
                        continue;
                    }
                    if (window != null && !window.decidesNode(i)) {
                        fix(t, i);
                        continue;
                    }
                    if (b.remat()) {
                        r[t][i] = lp.addBool(energyCoef(g.computeJ(i)), "R_" + t + "_" + i);
                    }
                    // t > from, except in a window's first stage, whose RAM and storage are the fixed plan's
                    sRam[t][i] = t > from ? lp.addBool(0, "SRam_" + t + "_" + i) : fixedBit(window.fixed().sRam(t, i));
                    if (paging && i <= t - 2) {
                        sSd[t][i] = t > from ? lp.addBool(0, "SSd_" + t + "_" + i)
                                : fixedBit(window.fixed().sSd(t, i));
                    }
                    // what is in RAM can be written, what is on storage read; timing dominance below
                    boolean mayOut = t > from ? t == i + 1 || r[t - 1][i] != ABSENT : sRam[t][i] == ONE;
                    boolean mayIn = t > from ? mayOut && i <= t - 2 : sSd[t][i] == ONE;
                    if (paging && !last && mayOut) {
                        mOut[t][i] = lp.addBool(energyCoef(g.pageOutJ(i)), "MOut_" + t + "_" + i);
                    }
                    if (paging && !last && mayIn) {
                        mIn[t][i] = lp.addBool(energyCoef(g.pageInJ(i)), "MIn_" + t + "_" + i);
                    }
                }
            }
            Row row = new Row(16);
            dependencies(row);
            carries(row);
            memory(row);
            runtime(row);
            double unitJ = integer ? energyUnit / INTEGER_SCALE : energyUnit;
            double offsetJ = g.plainEnergyJ() + (window == null ? 0 : fixedCosts(true, true));
            return new StageModel(g, b, lp, r, sRam, sSd, mIn, mOut, unitJ, offsetJ, integer,
                    window == null ? null : window.fixed(), levels);
        }

        private static int fixedBit(boolean set) {
            return set ? ONE : ABSENT;
        }

        /** Node i's decisions in stage t as the window's fixed plan makes them. */
        private void fix(int t, int i) {
            StagePlan p = window.fixed();
            r[t][i] = fixedBit(p.r(t, i));
            sRam[t][i] = fixedBit(p.sRam(t, i));
            sSd[t][i] = fixedBit(p.sSd(t, i));
            mIn[t][i] = fixedBit(p.mIn(t, i));
            mOut[t][i] = fixedBit(p.mOut(t, i));
        }

        /** A stage next to the window (when there is one), as the fixed plan makes it. */
        private void fixStage(int t) {
            if (t < 0 || t >= n) {
                return;
            }
            for (int i = 0; i <= t; i++) {
                fix(t, i);
            }
        }

        /**
         * What fixed decisions of a window cost beyond the plain step: energy in joules, or
         * ({@code energy == false}) time as the runtime budget counts it, in seconds. Counted:
         * the recomputations, page-ins and page-outs of the stages outside the window, and with
         * {@code inside} those of the fixed nodes in the window's stages too.
         */
        private double fixedCosts(boolean energy, boolean inside) {
            StagePlan p = window.fixed();
            boolean transfers = b.transfersTakeTime();
            double sum = 0;
            for (int t = 0; t < n; t++) {
                if (!inside && t >= from && t < to) {
                    continue;
                }
                for (int i : p.computed(t)) {
                    if (i != t && !window.decides(t, i)) {
                        sum += energy ? g.computeJ(i) : g.runtime(i);
                    }
                }
                if (!energy && !transfers) {
                    continue;
                }
                for (int i : p.pageIns(t)) {
                    sum += window.decides(t, i) ? 0 : energy ? g.pageInJ(i) : g.pageInS(i);
                }
                for (int i : p.pageOuts(t)) {
                    sum += window.decides(t, i) ? 0 : energy ? g.pageOutJ(i) : g.pageOutS(i);
                }
            }
            return sum;
        }

        private void dependencies(Row row) {
            for (int t = from; t < to; t++) {
                for (int v = 0; v <= t; v++) {
                    if (r[t][v] == ABSENT) {
                        continue;
                    }
                    for (int u : g.deps(v)) {
                        // R[t][v] <= R[t][u] + SRam[t][u]; with R[t][v] = 1 a constant
                        row.clear().add(r[t][u], 1).add(sRam[t][u], 1).add(r[t][v], -1);
                        row.addTo(lp, 0, LinearModel.INF, "dep_" + t + "_" + u + "_" + v);
                    }
                }
            }
        }

        private void carries(Row row) {
            for (int t = from; t < to && t + 1 < n; t++) {
                for (int i = 0; i < t; i++) {
                    if (sRam[t + 1][i] != ABSENT) {
                        row.clear().add(sRam[t + 1][i], 1).add(sRam[t][i], -1).add(r[t][i], -1).add(mIn[t][i], -1);
                        row.addTo(lp, -LinearModel.INF, 0, "ramcarry_" + t + "_" + i);
                    }
                    if (sSd[t + 1][i] != ABSENT) {
                        // equality: a copy on storage is kept (it costs nothing) and written once
                        row.clear().add(sSd[t + 1][i], 1).add(sSd[t][i], -1).add(mOut[t][i], -1);
                        row.addTo(lp, 0, 0, "sdcarry_" + t + "_" + i);
                    }
                }
            }
            for (int t = from; t < to; t++) {
                for (int i = 0; i < t; i++) {
                    if (g.succs(i).length == 0) {
                        continue; // nothing reads it: no decision about it
                    }
                    // an output is made resident at most one way: kept, recomputed or paged in
                    row.clear().add(sRam[t][i], 1).add(r[t][i], 1).add(mIn[t][i], 1);
                    if (row.terms > 1) {
                        row.addTo(lp, -LinearModel.INF, 1, "once_" + t + "_" + i);
                    }
                    // a page-in is only worth it if the output is kept into the next stage
                    if (mIn[t][i] >= 0) {
                        row.clear().add(mIn[t][i], 1).add(sRam[t + 1][i], -1);
                        row.addTo(lp, -LinearModel.INF, 0, "inKept_" + t + "_" + i);
                    }
                    // a recomputation is only worth it if a later node of the stage reads it or it is kept
                    if (r[t][i] >= 0) {
                        row.clear().add(r[t][i], 1);
                        boolean readsByT = false;
                        for (int j : g.succs(i)) {
                            if (j <= t) {
                                if (r[t][j] == ONE) {
                                    readsByT = true;
                                }
                                row.add(r[t][j], -1);
                            }
                        }
                        if (t + 1 < n) {
                            row.add(sRam[t + 1][i], -1);
                        }
                        if (!readsByT) {
                            row.addTo(lp, -LinearModel.INF, 0, "useful_" + t + "_" + i);
                        }
                    }
                    if (mIn[t][i] >= 0) {
                        row.clear().add(mIn[t][i], 1).add(sSd[t][i], -1);
                        row.addTo(lp, -LinearModel.INF, 0, "pagein_" + t + "_" + i);
                    }
                    if (mOut[t][i] >= 0) {
                        row.clear().add(mOut[t][i], 1).add(sRam[t][i], -1);
                        row.addTo(lp, -LinearModel.INF, 0, "pageout_" + t + "_" + i);
                        if (t > i + 1 && t > from) {
                            // written at the start of its residency, which follows a computation
                            row.clear().add(mOut[t][i], 1).add(r[t - 1][i], -1);
                            row.addTo(lp, -LinearModel.INF, 0, "outEarly_" + t + "_" + i);
                        }
                    }
                    if (mIn[t][i] >= 0 && t + 1 < to) {
                        // paged in just before a stage that reads it
                        row.clear().add(mIn[t][i], 1);
                        boolean readNext = false;
                        for (int j : g.succs(i)) {
                            if (j <= t + 1) {
                                readNext |= r[t + 1][j] == ONE;
                                row.add(r[t + 1][j], -1);
                            }
                        }
                        if (!readNext) {
                            row.addTo(lp, -LinearModel.INF, 0, "inLate_" + t + "_" + i);
                        }
                    }
                    if (sRam[t][i] < 0) {
                        continue; // kept as the fixed plan keeps it
                    }
                    // kept only to be read, kept further or written
                    row.clear().add(sRam[t][i], 1);
                    boolean readNow = false;
                    for (int j : g.succs(i)) {
                        if (j <= t) {
                            readNow |= r[t][j] == ONE;
                            row.add(r[t][j], -1);
                        }
                    }
                    if (t + 1 < n) {
                        row.add(sRam[t + 1][i], -1);
                    }
                    row.add(mOut[t][i], -1);
                    if (!readNow) {
                        row.addTo(lp, -LinearModel.INF, 0, "keptFor_" + t + "_" + i);
                    }
                }
            }
        }

        private void memory(Row row) {
            double budget = integer ? b.ramBytes() : 1.0;
            int[] pendingFrees = new int[8];
            int[] pendingFreed = new int[8];
            for (int t = from; t < to; t++) {
                boolean last = t == n - 1;
                int prevU = -1;
                int pending = 0;
                for (int k = 0; k <= t; k++) {
                    // in a window, the RAM level after a node that is not computed equals the level before
                    if (k == 0 || window == null || r[t][k] != ABSENT) {
                        int uk = lp.addVar(0, budget, integer, 0, "U_" + t + "_" + k);
                        // U[t][k] = U[t][k-1] + R[t][k] ram[k] - frees since  (k = 0: + kept outputs)
                        row.clear().add(uk, 1).add(r[t][k], -ramCoef(k));
                        if (k == 0) {
                            for (int i = 0; i < t; i++) {
                                row.add(sRam[t][i], -ramCoef(i));
                            }
                        } else {
                            row.add(prevU, -1);
                            for (int q = 0; q < pending; q++) {
                                row.add(pendingFrees[q], ramCoef(pendingFreed[q]));
                            }
                        }
                        levels.level(uk, row.addTo(lp, 0, 0, "mem_" + t + "_" + k));
                        prevU = uk;
                        pending = 0;
                    }
                    // frees right after node k in stage t
                    if (r[t][k] != ABSENT && k < t) { // frees after node t change nothing in stage t
                        for (int i : g.deps(k)) {
                            int f = freeVar(t, i, k, last);
                            if (f >= 0) {
                                if (pending == pendingFrees.length) {
                                    pendingFrees = java.util.Arrays.copyOf(pendingFrees, pending * 2);
                                    pendingFreed = java.util.Arrays.copyOf(pendingFreed, pending * 2);
                                }
                                pendingFrees[pending] = f;
                                pendingFreed[pending] = i;
                                pending++;
                            }
                        }
                    }
                }
            }
        }

        /** Column of Free[t][(i,k)] with its upper bounds, or -1 when it is fixed to zero. */
        private int freeVar(int t, int i, int k, boolean last) {
            for (int j : g.succs(i)) {
                if (j > k && j <= t && r[t][j] == ONE) {
                    return -1;
                }
            }
            if (!last && sRam[t + 1][i] == ONE) {
                return -1; // kept into the next stage by the fixed plan
            }
            int f = lp.addBool(0, "Free_" + t + "_" + i + "_" + k);
            levels.free(f, t, i, k);
            Row row = new Row(2);
            if (r[t][k] >= 0) {
                row.clear().add(f, 1).add(r[t][k], -1).addTo(lp, -LinearModel.INF, 0, "freeR_" + t + "_" + i + "_" + k);
            }
            if (!last && sRam[t + 1][i] >= 0) {
                row.clear().add(f, 1).add(sRam[t + 1][i], 1).addTo(lp, -LinearModel.INF, 1, "freeKeep_" + t + "_" + i + "_" + k);
            }
            for (int j : g.succs(i)) {
                if (j > k && j <= t && r[t][j] >= 0) {
                    row.clear().add(f, 1).add(r[t][j], 1).addTo(lp, -LinearModel.INF, 1,
                            "freeLater_" + t + "_" + i + "_" + k + "_" + j);
                }
            }
            return f;
        }

        private void runtime(Row row) {
            double plainRuntime = g.plainRuntimeS();
            boolean transfers = b.transfersTakeTime();
            if (!(plainRuntime > 0) && !transfers) {
                return;
            }
            // with no compute time at all, a budget of 0 s in units of 1 s
            double unit = plainRuntime > 0 ? plainRuntime : 1;
            row.clear();
            for (int t = from; t < to; t++) {
                for (int i = 0; i < t; i++) {
                    timed(row, r[t][i], g.runtime(i) / unit);
                    if (transfers) {
                        timed(row, mOut[t][i], g.pageOutS(i) / unit);
                        timed(row, mIn[t][i], g.pageInS(i) / unit);
                    }
                }
            }
            if (window != null) {
                // the stages outside the window, as the fixed plan spends their time
                timed(row, ONE, fixedCosts(false, false) / unit);
            }
            double slack = plainRuntime > 0 ? b.runtimeRatio() - 1 : 0;
            double rhs = integer ? Math.ceil(slack * INTEGER_SCALE) : slack;
            row.addTo(lp, -LinearModel.INF, rhs, "runtime");
        }

        /** A decision's time in the runtime row, in plain steps (rounded down in the integer model). */
        private void timed(Row row, int column, double rel) {
            if (column != ABSENT && rel > 0) {
                row.add(column, integer ? Math.floor(rel * INTEGER_SCALE) : rel);
            }
        }
    }

    /** One plain step's energy (1 J if that is zero): the integer model's energy unit. */
    static double plainUnit(TrainingGraph g) {
        double plain = g.plainEnergyJ();
        return plain > 0 ? plain : 1.0;
    }

    /**
     * The scaled models' energy unit: the geometric mean of the smallest and largest positive
     * cost a decision can carry, so that the objective coefficients sit around 1 on both sides
     * (MIP solvers judge costs against absolute tolerances near 1e-7).
     */
    static double costUnit(TrainingGraph g, boolean paging, boolean remat) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = 0; i < g.size(); i++) {
            if (g.succs(i).length == 0) {
                continue;
            }
            double[] costs = {remat ? g.computeJ(i) : 0, paging ? g.pageInJ(i) : 0, paging ? g.pageOutJ(i) : 0};
            for (double c : costs) {
                if (c > 0) {
                    min = Math.min(min, c);
                    max = Math.max(max, c);
                }
            }
        }
        return max > 0 ? Math.sqrt(min * max) : plainUnit(g);
    }

    /**
     * A sparse row under construction: absent columns (fixed to zero) are skipped, and a
     * decision fixed to one ({@link StageModel#ONE}) adds its coefficient to a constant that
     * {@link #addTo} moves to the bounds. A row left with constants only says nothing about the
     * columns: it is not added when the constants satisfy it (when they do not, it is, and makes
     * the model infeasible, as it is).
     */
    static final class Row {
        private int[] cols;
        private double[] coefs;
        private int size;
        private double constant;
        /** Columns and constants added (a term whose coefficient is zero is not counted). */
        int terms;

        Row(int capacity) {
            cols = new int[capacity];
            coefs = new double[capacity];
        }

        Row clear() {
            size = 0;
            constant = 0;
            terms = 0;
            return this;
        }

        Row add(int col, double coef) {
            if (col == ONE && coef != 0) {
                constant += coef;
                terms++;
                return this;
            }
            if (col < 0 || coef == 0) {
                return this;
            }
            if (size == cols.length) {
                cols = java.util.Arrays.copyOf(cols, size * 2);
                coefs = java.util.Arrays.copyOf(coefs, size * 2);
            }
            cols[size] = col;
            coefs[size] = coef;
            size++;
            terms++;
            return this;
        }

        Row copy() {
            Row c = new Row(Math.max(1, size + 1));
            for (int q = 0; q < size; q++) {
                c.add(cols[q], coefs[q]);
            }
            c.constant = constant;
            c.terms = terms;
            return c;
        }

        /** Adds the row; returns its index, or -1 when it holds constants only and they satisfy it. */
        int addTo(LinearModel lp, double lb, double ub, String name) {
            if (size == 0 && terms > 0) {
                double slack = 1e-9 * Math.max(1, Math.abs(constant));
                if (lb - slack <= constant && constant <= ub + slack) {
                    return -1;
                }
            }
            return lp.addRow(lb - constant, ub - constant, cols, coefs, size, name);
        }
    }
}

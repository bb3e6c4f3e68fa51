package org.poetexplorer.solver.phases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.StagePlan;
import org.poetexplorer.solver.backends.LinearModel;

/**
 * The covering problem of the {@link CoverBound}, solved exactly as a small integer program (a
 * few binaries per output and stretch between two of its reads, instead of a stage model with
 * n^2 of each): a stronger lower bound, and from its solution a schedule that often meets it.
 *
 * <p>Bound. "Moment t" is the moment stage t computes node t, "row t" the covering row of
 * {@link CoverBound#energyJ} for it. Output i's reads r_1 &lt; r_2 &lt; ... (its readers'
 * stages) cut the stages after i into segments (r_(k-1), r_k], with r_0 = i; member i of row t
 * lies in the segment k with r_(k-1) &lt; t &lt; r_k (i is no input of node t). Let f_k be the
 * first row stage of segment k where i is a member. Every schedule gives the following 0/1
 * point:
 * <ul>
 * <li>A_ik = 1 when i is computed in a stage in (f_k, r_k]; G_ik = 1 (with paging) when i is
 * paged in in a stage in [f_k, r_k - 1]; O_i = 1 when i is ever paged out. The windows of
 * different segments are disjoint and after stage i, so each A_ik counts a computation of its own
 * beyond the one in stage i, and each G_ik a page-in of its own; a page-in needs a copy on
 * storage, so a page-out: G_ik &lt;= O_i. The extra energy over computing every node once is at
 * least sum computeJ_i A_ik + pageInJ_i G_ik + pageOutJ_i O_i, and the computations' runtime
 * (with the transfers' when they take time) fits in (ratio - 1) * plain runtime.</li>
 * <li>V_ik = 1 when i is away (not in RAM) at the moment of some row of segment k where it is a
 * member. Away at moment t, it must be in RAM at r_k: it comes back by a computation in (t, r_k]
 * (one in stage t precedes node t) or a page-in in [t, r_k - 1] (a page-in puts it in RAM from
 * the next stage on; nothing else does), so V_ik &lt;= A_ik + G_ik. The covering rows hold with
 * V_ik for member i of row t, by {@link CoverBound#energyJ}'s argument.</li>
 * <li>Member i of row i + 1: away at moment i + 1, i was not in RAM at the start of stage i + 1
 * (no reader of i comes before node i + 1 to free it after, and one computed in that stage
 * before node i + 1 would still be in RAM), nor of any stage since; a page-out needs it in RAM
 * at the start of its stage, so no page-out comes before its return, which is then a
 * computation: the row counts A_ik there in place of V_ik.</li>
 * </ul>
 * So the optimum of min sum computeJ_i A_ik + pageInJ_i G_ik + pageOutJ_i O_i subject to these
 * rows is at most the extra energy of every schedule, and so is the backend's proven bound on
 * it. {@link CoverInputs} adds the inputs those computations need (columns and rows with their
 * own argument there, charging only computations and page-ins other than those A and G charge),
 * for all members or for some (fewer valid rows), so the same holds for the program with them;
 * {@link CoverRecomputations} adds the RAM those computations need while they run (its argument
 * there), which keeps it too.
 * The cover bound's LP-dual bound is a bound on a relaxation of the same problem (A_i, P_i per
 * output: every segment's return charged once).
 *
 * <p>Schedule. Each output leaves RAM for each segment whose A or G is chosen, from the stage
 * after the read before it (from the second stage after its own when paged) to the segment's
 * read, and comes back for that read: by computation in that stage (A) or by a page-in at the end
 * of the stage before it (G), after one page-out in the stage after its own. A computation
 * whose input is not in RAM then computes that input there too: an input recomputed later in the
 * same segment comes back there instead, and stays in RAM up to that read; an input whose last
 * read comes before that stage is kept in RAM up to it (as {@link CoverInputs}' K allows). The
 * plan is a guess: the caller verifies it like any solver answer.
 */
public final class CoverProgram implements CoverModel {

    private final TrainingGraph g;
    private final LinearModel lp;
    /** (output, read that ends the segment) -> {A, G} (G -1 without paging). */
    private final Map<Long, int[]> segments;
    private final double unitJ;
    private final boolean inputsCut;

    private CoverProgram(TrainingGraph g, LinearModel lp, Map<Long, int[]> segments, double unitJ, boolean inputsCut) {
        this.g = g;
        this.lp = lp;
        this.segments = segments;
        this.unitJ = unitJ;
        this.inputsCut = inputsCut;
    }

    /** The program for a budget with recomputation on, or null when the cover rows rule out every schedule. */
    public static CoverProgram build(TrainingGraph g, Budget b) {
        return build(g, b, () -> false);
    }

    /** As {@link #build(TrainingGraph, Budget)}; null also when {@code stop} says stop before the program is built. */
    public static CoverProgram build(TrainingGraph g, Budget b, BooleanSupplier stop) {
        return build(g, b, stop, true);
    }

    /** As {@link #build(TrainingGraph, Budget, BooleanSupplier)}, with or without {@link CoverInputs}' rows. */
    public static CoverProgram build(TrainingGraph g, Budget b, BooleanSupplier stop, boolean withInputs) {
        return build(g, b, CoverBound.rows(g, b, stop), stop, withInputs);
    }

    /**
     * As {@link #build(TrainingGraph, Budget, BooleanSupplier, boolean)}, on the covering rows
     * {@link CoverBound#rows} made for {@code g} and {@code b} (null: none were made), so that
     * programs with and without the inputs' rows share them.
     */
    public static CoverProgram build(TrainingGraph g, Budget b, List<CoverBound.Row> rows, BooleanSupplier stop,
            boolean withInputs) {
        return build(g, b, rows, stop, withInputs ? everyOutput(g) : null);
    }

    /**
     * As {@link #build(TrainingGraph, Budget, List, BooleanSupplier, boolean)}, with {@link CoverInputs}'
     * rows for the members {@code inputsOf} marks only (null: none), such as the outputs an
     * earlier solution computed again ({@link #recomputedOutputs}): fewer of those valid rows, a
     * smaller program.
     */
    public static CoverProgram build(TrainingGraph g, Budget b, List<CoverBound.Row> rows, BooleanSupplier stop,
            boolean[] inputsOf) {
        return build(g, b, rows, stop, inputsOf, CoverInputs.MAX_COLUMNS);
    }

    /**
     * As {@link #build(TrainingGraph, Budget, List, BooleanSupplier, boolean[])}, with about
     * {@code maxColumns} columns at most for {@link CoverInputs}' rows.
     */
    static CoverProgram build(TrainingGraph g, Budget b, List<CoverBound.Row> rows, BooleanSupplier stop,
            boolean[] inputsOf, int maxColumns) {
        return build(g, b, rows, stop, inputsOf, maxColumns, true);
    }

    /**
     * As {@link #build(TrainingGraph, Budget, List, BooleanSupplier, boolean[], int)}, with or
     * without {@link CoverRecomputations}' rows.
     */
    static CoverProgram build(TrainingGraph g, Budget b, List<CoverBound.Row> rows, BooleanSupplier stop,
            boolean[] inputsOf, int maxColumns, boolean atRecomputations) {
        if (rows == null || !b.remat() || stop.getAsBoolean()) {
            return null;
        }
        int n = g.size();
        double unitJ = StageFormulation.costUnit(g, b.paging(), true);
        LinearModel lp = new LinearModel(g.name() + "-cover", stop);
        CoverCosts costs = new CoverCosts(g, b, lp, unitJ);
        Returns returns = new Returns(g, b, lp, unitJ, costs);
        int[][] recomputedAt = new int[rows.size()][];
        int[][] pagedAt = new int[rows.size()][];
        int[][] awayAt = new int[rows.size()][];
        for (int q = 0; q < rows.size(); q++) {
            CoverBound.Row row = rows.get(q);
            recomputedAt[q] = new int[row.members().length];
            pagedAt[q] = new int[row.members().length];
            awayAt[q] = new int[row.members().length];
            for (int j = 0; j < row.members().length; j++) {
                int[] ways = returns.of(row.members()[j], row.stage());
                recomputedAt[q][j] = ways[0];
                pagedAt[q][j] = ways[1];
                awayAt[q][j] = ways[2];
            }
        }
        CoverInputs inputs = inputsOf != null
                ? CoverInputs.add(g, b, lp, rows, recomputedAt, pagedAt, costs, inputsOf, unitJ, maxColumns)
                : CoverInputs.none(rows, n);
        double ram = b.ramBytes();
        for (int q = 0; q < rows.size(); q++) {
            CoverBound.Row row = rows.get(q);
            int m = row.members().length;
            int[] kept = inputs.keptAt(q);
            double extraNeed = 0;
            for (int d : kept) {
                extraNeed += g.ram(inputs.keptOutput(d));
            }
            int[] cols = new int[2 * m + kept.length];
            double[] coefs = new double[2 * m + kept.length];
            int count = 0;
            for (int j = 0; j < m; j++) {
                int i = row.members()[j];
                // capped at the largest need the row can have (its own plus every input kept over it)
                double cap = Math.min(g.ram(i), row.needBytes() + extraNeed) / ram;
                int[] ways = inputs.awayColumns(q, j) != null ? inputs.awayColumns(q, j)
                        : new int[] {awayAt[q][j]};
                for (int c : ways) {
                    if (c >= 0) {
                        cols[count] = c;
                        coefs[count] = cap;
                        count++;
                    }
                }
            }
            for (int k : kept) {
                cols[count] = k;
                coefs[count] = -g.ram(inputs.keptOutput(k)) / ram;
                count++;
            }
            lp.addRow(row.needBytes() / ram, LinearModel.INF, cols, coefs, count, "cover_" + row.stage());
        }
        if (atRecomputations) {
            CoverRecomputations.add(g, b, lp, rows, returns.bySegment, inputs, costs, unitJ);
        }
        for (int i = 0; i < n; i++) {
            if (inputs.late(i) >= 0) {
                costs.addRuntime(inputs.late(i), g.runtime(i));
            }
        }
        costs.addRuntimeRow();
        return new CoverProgram(g, lp, returns.bySegment, unitJ, inputs.cut());
    }

    @Override
    public LinearModel lp() {
        return lp;
    }

    /** A lower bound on every schedule's energy from a proven bound on this program's objective. */
    @Override
    public double energyBoundJ(double objectiveBound) {
        return CoverModel.energyBoundJ(g.plainEnergyJ(), unitJ, objectiveBound);
    }

    /** True when {@link CoverInputs}' columns stopped at their limit: some marked member may have none. */
    public boolean inputsCut() {
        return inputsCut;
    }

    /** The key of output i's segment that ends at {@code read}. */
    static long segmentKey(int i, int read) {
        return Returns.key(i, read);
    }

    /** i's first read after {@code stage} (a member of a row is read after it). */
    static int nextRead(TrainingGraph g, int i, int stage) {
        for (int j : g.succs(i)) {
            if (j > stage) {
                return j;
            }
        }
        throw new IllegalArgumentException(i + " is not read after stage " + stage);
    }

    private static boolean[] everyOutput(TrainingGraph g) {
        boolean[] all = new boolean[g.size()];
        Arrays.fill(all, true);
        return all;
    }

    /**
     * The outputs {@code marked} marks and those a solution computes again (some A is 1), or null
     * when the solution adds none.
     */
    public boolean[] recomputedOutputs(double[] x, boolean[] marked) {
        boolean[] out = marked == null ? new boolean[g.size()] : marked.clone();
        boolean added = false;
        for (Map.Entry<Long, int[]> segment : segments.entrySet()) {
            int i = (int) (segment.getKey() >>> 32);
            if (x[segment.getValue()[0]] > 0.5 && !out[i]) {
                out[i] = true;
                added = true;
            }
        }
        return added ? out : null;
    }

    /** The schedule built from a solution (see the class comment); to be verified by the caller. */
    @Override
    public StagePlan plan(double[] x) {
        int n = g.size();
        StagePlan.Builder plan = Plans.plainBuilder(g);
        // computations to give their inputs, the highest node first: an input's return moves before
        // its own computation's inputs are settled
        PriorityQueue<int[]> computations = new PriorityQueue<>((p, q) -> p[1] != q[1] ? q[1] - p[1] : p[0] - q[0]);
        Map<Integer, List<int[]>> recomputedStretches = new HashMap<>(); // output -> {first stage away, read}
        for (int i = 0; i < n; i++) {
            boolean pagedOut = false;
            int from = i; // the read before the segment, or stage i
            for (int read : g.succs(i)) {
                int[] ways = segments.get(Returns.key(i, read));
                if (ways != null && x[ways[0]] > 0.5) {
                    plan.keep(i, from + 1, read - 1, false).setSRam(read, i, false).setR(read, i, true);
                    computations.add(new int[] {read, i});
                    recomputedStretches.computeIfAbsent(i, k -> new ArrayList<>()).add(new int[] {from + 1, read});
                } else if (ways != null && ways[1] >= 0 && x[ways[1]] > 0.5 && read >= i + 3) {
                    if (!pagedOut) {
                        plan.setMOut(i + 1, i, true).store(i, i + 2, n - 1, true);
                        pagedOut = true;
                    }
                    plan.keep(i, Math.max(from + 1, i + 2), read - 1, false).setMIn(read - 1, i, true);
                }
                from = read;
            }
        }
        while (!computations.isEmpty()) {
            int[] c = computations.poll();
            int stage = c[0];
            if (!plan.r(stage, c[1])) {
                continue; // its return moved earlier
            }
            for (int d : g.deps(c[1])) {
                if (plan.sRam(stage, d) || plan.r(stage, d)) {
                    continue;
                }
                int last = Plans.lastReader(g, d);
                if (last < stage) {
                    plan.keep(d, last + 1, stage, true); // past its last read: kept in RAM from there
                    continue;
                }
                plan.setR(stage, d, true);
                computations.add(new int[] {stage, d});
                for (int[] away : recomputedStretches.getOrDefault(d, List.of())) {
                    if (away[0] <= stage && stage < away[1]) { // one computation serves both: back here, kept
                        plan.keep(d, stage + 1, away[1], true).setR(away[1], d, false);
                    }
                }
            }
        }
        return plan.build();
    }

    /**
     * The A and G columns of the class comment, one pair per output and segment (the stretch
     * between two of its reads, named by the later read), made when a row first needs them, with
     * O per output and the G &lt;= O rows.
     */
    private static final class Returns {
        private final TrainingGraph g;
        private final Budget b;
        private final LinearModel lp;
        private final double unitJ;
        final Map<Long, int[]> bySegment = new HashMap<>();
        private final CoverCosts costs;

        Returns(TrainingGraph g, Budget b, LinearModel lp, double unitJ, CoverCosts costs) {
            this.g = g;
            this.b = b;
            this.lp = lp;
            this.unitJ = unitJ;
            this.costs = costs;
        }

        /**
         * {A, G, V} of member i of the row at {@code stage}: G -1 without paging, or at the moment
         * right after i's own stage; V the column the row counts (A where G is -1).
         */
        int[] of(int i, int stage) {
            int read = nextRead(g, i, stage);
            int[] ways = bySegment.computeIfAbsent(key(i, read), key -> {
                int a = lp.addBool(g.computeJ(i) / unitJ, "A_" + i + "_" + read);
                costs.addRuntime(a, g.runtime(i));
                if (!b.paging()) {
                    return new int[] {a, -1, a};
                }
                int p = costs.pageIn(i, "G_" + i + "_" + read, "O_" + i + "_" + read);
                int v = lp.addVar(0, 1, false, 0, "V_" + i + "_" + read);
                lp.addRow(-LinearModel.INF, 0, new int[] {v, a, p}, new double[] {1, -1, -1}, 3, "V_" + i + "_" + read);
                return new int[] {a, p, v};
            });
            // away at the moment right after its own stage, i was never in RAM at the start of a
            // stage since, so no page-out came before the return: it is computed again
            return stage == i + 1 ? new int[] {ways[0], -1, ways[0]} : ways;
        }

        static long key(int i, int read) {
            return ((long) i << 32) | read;
        }

    }
}

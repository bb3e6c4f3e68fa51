package org.poetexplorer.solver.phases;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.StagePlan;
import org.poetexplorer.solver.backends.LinearModel;

/**
 * The covering problem of the {@link CoverBound}, solved exactly as a small
 * integer program (two binaries per output instead of a stage model with n^2 of each): a
 * stronger lower bound, and from its solution a schedule that often meets it.
 *
 * <p>Bound. For each output i: A_i = 1 when i is away (not in RAM) at the moment some stage t
 * computes its node while a later node j still needs i, and comes back from there (first, before
 * that read) by a computation - of i in a stage in (t, j], a computation beyond the one in stage
 * i; P_i = 1 when it is away at such a moment and every such return is a page-in, which needs a
 * page-out. Every schedule gives such a 0/1 point: the covering rows
 * hold by the argument of {@link CoverBound#energyJ} (an output away at stage t's
 * moment is A or P, A_i + P_i &lt;= 1); its extra energy over computing every node once is at
 * least sum computeJ_i A_i + (pageIn_i + pageOut_i) P_i (each tensor charged once, for a
 * cost it really pays); and its recomputation time, at least sum runtime_i A_i, fits in
 * (ratio - 1) * plain runtime (when transfers take time, together with the transfer time of the
 * P outputs, at least sum (pageOutS_i + pageInS_i) P_i: one page-out and a page-in each). So the
 * optimum of
 * min sum computeJ_i A_i + page_i P_i s.t. covering rows, runtime row, A_i + P_i &lt;= 1
 * is at most the extra energy of every schedule, and so is the backend's proven bound on it.
 * {@link CoverInputs} adds the inputs those computations need (columns and rows with their own
 * argument there, charging only computations and page-ins other than those A and P charge), so
 * the same holds for the program with them.
 * The cover bound's LP-dual bound is a bound on the same problem's relaxation.
 *
 * <p>Schedule. Each chosen output leaves RAM for the longest stretch between two of its reads
 * (from the stage of one read to the stage of the next) and comes back for the later read: by
 * recomputation in that stage (A) or by a page-in at the end of the stage before it, after one
 * page-out at the start of the stage after its own (P). An output recomputed from an input
 * that is away at that stage brings that input back in the same stage (earlier than its own
 * return), and it stays in RAM from then on; an input whose last read comes before that stage
 * is kept in RAM up to it (as {@link CoverInputs}' K allows). The plan is a guess: the caller verifies it like
 * any solver answer.
 */
public final class CoverProgram implements CoverModel {

    private final TrainingGraph g;
    private final LinearModel lp;
    private final int[] recomputed;
    private final int[] paged;
    private final double unitJ;

    private CoverProgram(TrainingGraph g, LinearModel lp, int[] recomputed, int[] paged, double unitJ) {
        this.g = g;
        this.lp = lp;
        this.recomputed = recomputed;
        this.paged = paged;
        this.unitJ = unitJ;
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
        if (rows == null || !b.remat() || stop.getAsBoolean()) {
            return null;
        }
        int n = g.size();
        double unitJ = StageFormulation.costUnit(g, b.paging(), true);
        LinearModel lp = new LinearModel(g.name() + "-cover", stop);
        int[] recomputed = new int[n];
        int[] paged = new int[n];
        java.util.Arrays.fill(recomputed, -1);
        java.util.Arrays.fill(paged, -1);
        for (CoverBound.Row row : rows) {
            for (int i : row.members()) {
                if (recomputed[i] < 0) {
                    recomputed[i] = lp.addBool(g.computeJ(i) / unitJ, "A_" + i);
                    if (b.paging()) {
                        paged[i] = lp.addBool((g.pageInJ(i) + g.pageOutJ(i)) / unitJ, "P_" + i);
                        lp.addRow(-LinearModel.INF, 1, new int[] {recomputed[i], paged[i]}, new double[] {1, 1}, 2,
                                "once_" + i);
                    }
                }
            }
        }
        CoverInputs inputs = withInputs ? CoverInputs.add(g, b, lp, rows, recomputed, paged, unitJ)
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
                        : new int[] {recomputed[i], paged[i]};
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
        double plainRuntime = g.plainRuntimeS();
        if (plainRuntime > 0) {
            int[] cols = new int[3 * n];
            double[] coefs = new double[3 * n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (recomputed[i] >= 0 && g.runtime(i) > 0) {
                    cols[count] = recomputed[i];
                    coefs[count] = g.runtime(i) / plainRuntime;
                    count++;
                }
                if (inputs.late(i) >= 0 && g.runtime(i) > 0) {
                    cols[count] = inputs.late(i);
                    coefs[count] = g.runtime(i) / plainRuntime;
                    count++;
                }
                double transfers = g.pageOutS(i) + g.pageInS(i);
                if (b.transfersTakeTime() && paged[i] >= 0 && transfers > 0) {
                    cols[count] = paged[i];
                    coefs[count] = transfers / plainRuntime;
                    count++;
                }
            }
            lp.addRow(-LinearModel.INF, b.runtimeRatio() - 1, cols, coefs, count, "runtime");
        }
        return new CoverProgram(g, lp, recomputed, paged, unitJ);
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

    /** The schedule built from a solution (see the class comment); to be verified by the caller. */
    @Override
    public StagePlan plan(double[] x) {
        int n = g.size();
        boolean[] away = new boolean[n];
        boolean[] byCompute = new boolean[n];
        for (int i = 0; i < n; i++) {
            byCompute[i] = recomputed[i] >= 0 && x[recomputed[i]] > 0.5;
            away[i] = byCompute[i] || paged[i] >= 0 && x[paged[i]] > 0.5;
        }
        StagePlan.Builder plan = Plans.plainBuilder(g);
        int[] leave = new int[n]; // away from stage leave+1 ...
        int[] back = new int[n]; // ... to the read in stage back
        for (int i = 0; i < n; i++) {
            int[] readers = g.succs(i);
            if (readers.length == 0) {
                continue;
            }
            int from = i + 1;
            int longest = 0;
            for (int j : readers) {
                if (j - from > longest) {
                    longest = j - from;
                    leave[i] = from;
                    back[i] = j;
                }
                from = Math.max(from, j);
            }
            if (longest == 0) {
                away[i] = false;
            }
        }
        // an input of a recomputation that is away in that stage comes back there (inputs have
        // lower indices, so going down settles every return before it is propagated)
        for (int i = n - 1; i >= 0; i--) {
            if (away[i] && byCompute[i]) {
                for (int d : g.deps(i)) {
                    if (away[d] && leave[d] < back[i] && back[i] < back[d]) {
                        back[d] = back[i];
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!away[i]) {
                continue;
            }
            plan.keep(i, leave[i] + 1, back[i] - 1, false);
            if (byCompute[i]) {
                plan.setSRam(back[i], i, false).setR(back[i], i, true);
            } else {
                plan.setMOut(i + 1, i, true).store(i, i + 2, n - 1, true).setMIn(back[i] - 1, i, true);
            }
        }
        // an input read for the last time before such a stage is kept in RAM up to it
        for (int i = 0; i < n; i++) {
            if (!away[i] || !byCompute[i]) {
                continue;
            }
            for (int d : g.deps(i)) {
                int last = Plans.lastReader(g, d);
                boolean computedThere = away[d] && byCompute[d] && back[d] == back[i];
                if (last < back[i] && !computedThere) {
                    plan.keep(d, last + 1, back[i], true);
                }
            }
        }
        return plan.build();
    }
}

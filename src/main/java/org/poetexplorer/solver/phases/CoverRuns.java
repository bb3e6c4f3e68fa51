package org.poetexplorer.solver.phases;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.StagePlan;
import org.poetexplorer.solver.backends.LinearModel;

/**
 * The covering problem of the {@link CoverBound} with one column per row and member: whether
 * that output is away at that row's moment, rather than, as in the {@link CoverProgram}, one
 * column per output and stretch between two of its reads that counts it away at every row there. An output away at a row and needed again
 * must come back before its next read, once per stretch away; a computation that brings it back
 * needs its inputs in RAM then, which an input away over that whole stretch is not, and RAM
 * must hold them at the moment of that computation too. On the bundled suite's 100-node graph at
 * 0.8 of the plain peak its bound is met by the schedule from its solution: 1.01708 x plain
 * energy with recomputation only, 1.01519 with paging, where the {@link CoverProgram}'s (then with one return per output) with
 * {@link CoverInputs}' rows is 1.01596 and 1.01331.
 *
 * <p>Argument. "Moment t" is the moment stage t computes node t, "row t" the covering row of
 * {@link CoverBound#energyJ} for it, and an output is "in RAM" at a moment when the stage
 * model's RAM in use after that node counts it. For a member i of row t, let r = i's first read
 * after t (i is read after t, or it would not be a member) and t+ = the next row after t where i
 * is a member, if it comes before r, else r. Every schedule gives the following 0/1 point:
 * <ul>
 * <li>W_ti = 1 when i is away (not in RAM) at moment t. The covering rows hold with W in place of
 * the cover's "away at some moment", by {@link CoverBound#energyJ}'s argument.</li>
 * <li>i away at moment t must be in RAM by moment t+ (at a read it is an input, at a row where
 * W_t+i = 0 it is in RAM): it comes back through a computation of i in a stage in (t, t+] (a
 * computation in stage t precedes node t, i &lt; t) or a page-in of i in a stage in [t, t+ - 1]
 * (a page-in in stage s puts i in RAM from stage s + 1 on; nothing else puts an output in RAM,
 * stage model constraints 3 and 7). Let C_ti = 1 when there is such a computation, else
 * G_ti = 1 when there is such a page-in: C_ti + G_ti &gt;= W_ti - W_t+i (the W_t+i term only
 * when t+ is a row). The windows (t, t+] of the rows of i are disjoint and all after stage i,
 * so each C counts a computation beyond the one in stage i and each G a page-in of its own:
 * the extra energy is at least sum computeJ_i C_ti + pageInJ_i G_ti, plus pageOutJ_i once for
 * O_i = 1 when i is ever paged out (O_i &gt;= G_ti, and O_d &gt;= F_d below: a page-in needs a
 * copy on storage).</li>
 * <li>Runtime: the computations C (and E below) take runtime_i each within
 * (ratio - 1) * plain runtime; when transfers take time the page-ins G take pageInS_i and O
 * pageOutS_i of it too.</li>
 * <li>Inputs past their last read. With L_d the stage of d's last reader and f_d the first row
 * after L_d: E_d = 1 when d is computed in a stage after f_d, F_d = 1 (with paging) when d is
 * paged in in a stage after L_d; neither is a C or G of d, whose windows end by L_d. K_td = 1
 * when d is in RAM at the moments of every row in (L_d, t]; row t then needs ram_d more (at
 * moment t, d is neither node t, its input nor a member), and K_td &lt;= K_t'd for the row t'
 * before t in that range. If C_ti = 1 and d is an input of i with L_d &lt; t, the computation
 * of i in a stage s in (t, t+] reads d there (constraint 2: d computed in stage s before i, or
 * in RAM at its start), after its last read. Unless K_td, d is away at a row moment t' in
 * (L_d, t] and comes back in (t', s] by a computation, in a stage after t' &gt;= f_d (E_d), or
 * by a page-in in [t', s - 1] (F_d): C_ti &lt;= K_td + E_d + F_d. (A computation in stage t'
 * comes before moment t', as d &lt; t', and leaves d away there only if freed again.)</li>
 * <li>Inputs of late computations. If E_d = 1, d is computed in a stage s &gt; f_d, which
 * reads each input e of d there (constraint 2). For an input e with a row in (L_e, f_d]
 * (so f_e &lt;= f_d and s is after e's last read), the argument above with that computation in
 * place of the one of i and f_d in place of t gives E_d &lt;= K_(f_d)e + E_e + F_e: unless e
 * is in RAM at every row moment of (L_e, f_d], it is away at one, t' &gt;= f_e, and comes
 * back in (t', s] by a computation in a stage after f_e or by a page-in after L_e. These rows
 * are made for every output with an E, those they give an E included.</li>
 * <li>Inputs away across the window. If C_ti = 1 and d is an input of i read again only after
 * t+ (next read n_d &gt; t+), let a be the last row in (p_d, t] where d is a member, with p_d
 * d's last read up to t (or stage d), and z the first row in [t+, n_d) where d is a member.
 * If d is away at both a and z and none of its C or G at the rows from a to z (z excluded) is
 * 1, d is away at every row moment of [a, z] where it is a member (a row where it is in RAM
 * between two where it is away would need a return) and nothing put it in RAM in any stage of
 * (a, z] (every computation of d there is in the window of one of those rows, every page-in in
 * [a, z - 1] too, and from RAM carry d away at moment a can be in RAM at the start of stage
 * a + 1 only by a page-in in stage a: were it in RAM at the start of stage a, or computed in
 * it, it is away at moment a only if freed after a reader, which constraint 6 allows only when
 * it is not in RAM at the start of stage a + 1). So it is not in RAM in stage s, which the
 * computation of i needs: C_ti + W_ad + W_zd - sum (C_xd + G_xd) &lt;= 2.</li>
 * <li>Computation moments. When s - 1 and s are both row stages and k is a member of row s - 1,
 * its window is stage s alone, so C_(s-1)k = 1 means k is computed in stage s; RAM after that
 * computation (the stage model's U, at most the budget) holds k and its inputs (freed only after
 * their last reader in the stage) and every output x &lt; s read from s on other than those, unless
 * x is away then. Such an x away then is away at moment s (W_sx), or in RAM at moment s and so
 * computed in stage s after node k (a page-in in stage s puts it in RAM from stage s + 1 on):
 * when x is a member of row s - 1, a computation in that row's window, C_(s-1)x (its next read
 * is after s when it is also a member of row s, and it is s when it is not, as then it is an
 * input of node s); when it is not (x is node s - 1 or one of its inputs), V_sx = 1, a
 * computation of its own (cost computeJ_x, time runtime_x): x's windows of rows before s - 1 end
 * by stage s - 1, those from row s on start after stage s, and its E is after its last read,
 * which is s or later. U_sx = min(1, W_sx + C_(s-1)x), or the one of W_sx + V_sx, C_(s-1)x,
 * V_sx that applies, is 1 when x is away after k. An input d past its last read with K_sd is in
 * RAM then too, unless computed in stage s after k: E_d, when s &gt; f_d; where s = f_d, d is
 * left out (the row without it holds, RAM holds d or not). So, with need = ram_k + ram of k's
 * inputs + ram of those x - budget and R the ram of those d with s &gt; f_d:
 * sum min(ram_x, need + R) U_sx - (need + R) C_(s-1)k + sum ram_d (E_d - K_sd) &gt;= -R,
 * which says nothing when C_(s-1)k = 0.</li>
 * </ul>
 * So the optimum of min sum of those costs, subject to these rows, is at most every schedule's
 * extra energy over computing every node once, and so is the backend's proven bound on it.
 * The program is only built up to {@link #MAX_CELLS} cells: larger ones are not proven in the
 * share of a time limit.
 */
public final class CoverRuns implements CoverModel {
    /**
     * At most this many (row, member) cells, each two or three columns and about as many rows;
     * beyond, no program. Measured (m4, generated graphs, 0.8 of the plain peak, SCIP, 1 thread,
     * busy 2-core machine): 172 cells proven in 5-15 s; 1,510 not solved at all in 20 s.
     */
    static final int MAX_CELLS = 600;

    private final TrainingGraph g;
    private final LinearModel lp;
    private final double unitJ;
    private final Builder cells;

    private CoverRuns(TrainingGraph g, LinearModel lp, double unitJ, Builder cells) {
        this.g = g;
        this.lp = lp;
        this.unitJ = unitJ;
        this.cells = cells;
    }

    /**
     * The program for a budget with recomputation on, on the covering rows {@link CoverBound#rows}
     * made for {@code g} and {@code b}; null when none were made, when they have more than
     * {@link #MAX_CELLS} members in all, or when {@code stop} says stop.
     */
    public static CoverRuns build(TrainingGraph g, Budget b, List<CoverBound.Row> rows, BooleanSupplier stop) {
        if (rows == null || !b.remat() || stop.getAsBoolean()) {
            return null;
        }
        long pairs = 0;
        for (CoverBound.Row row : rows) {
            pairs += row.members().length;
        }
        if (pairs > MAX_CELLS) {
            return null;
        }
        return new Builder(g, b, rows, stop).build();
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

    /**
     * The schedule a solution describes, to be verified by the caller (it may not fit: RAM is
     * only watched at the rows' moments and at some computations). Every stretch of rows where an
     * output is away ends with its return at the end of its window: a computation there (C), or
     * else a page-in in the stage before (G), after one page-out in the stage before its first
     * paged stretch. A computation whose input is not in RAM then computes that input there too
     * (inputs have lower indices, so it comes first), or, for an input past its last read, keeps
     * it in RAM from that read on.
     */
    @Override
    public StagePlan plan(double[] x) {
        int n = g.size();
        StagePlan.Builder plan = Plans.plainBuilder(g);
        java.util.ArrayDeque<int[]> computations = new java.util.ArrayDeque<>();
        boolean[] pagedOutYet = new boolean[n];
        for (int i = 0; i < n; i++) {
            List<Integer> of = cells.rowsOf.get(i);
            int first = -1; // the first row of the current stretch away
            for (int at = 0; at < of.size(); at++) {
                int q = of.get(at);
                int[] cell = cells.cell.get(Builder.key(q, i));
                if (x[cell[0]] < 0.5) {
                    first = -1;
                    continue;
                }
                if (first < 0) {
                    first = q;
                }
                int next = cells.nextRowOf(q, i);
                if (next >= 0 && x[cells.cell.get(Builder.key(next, i))[0]] > 0.5) {
                    continue; // the stretch goes on
                }
                int from = cells.stages[first];
                int back = cells.backBy(q, i);
                boolean paged = cell[2] >= 0 && x[cell[2]] > 0.5 && x[cell[1]] < 0.5;
                if (paged && from >= i + 2) {
                    if (!pagedOutYet[i]) {
                        plan.setMOut(from - 1, i, true).store(i, from, n - 1, true);
                        pagedOutYet[i] = true;
                    }
                    plan.keep(i, from, back - 1, false).setMIn(back - 1, i, true);
                } else {
                    plan.keep(i, from, back, false).setSRam(back, i, false).setR(back, i, true);
                    computations.add(new int[] {back, i});
                }
                first = -1;
            }
        }
        while (!computations.isEmpty()) {
            int[] c = computations.poll();
            int stage = c[0];
            for (int d : g.deps(c[1])) {
                if (plan.sRam(stage, d) || plan.r(stage, d)) {
                    continue;
                }
                int last = Plans.lastReader(g, d);
                if (last < stage) {
                    plan.keep(d, last + 1, stage, true);
                } else {
                    plan.setR(stage, d, true);
                    computations.add(new int[] {stage, d});
                }
            }
        }
        return plan.build();
    }

    /** Makes the columns and rows of the class comment. */
    private static final class Builder {
        private final TrainingGraph g;
        private final Budget b;
        private final List<CoverBound.Row> rows;
        private final int[] stages; // of the rows, ascending
        private final LinearModel lp;
        private final double unitJ;
        /** Per output: the rows (indices) where it is a member, ascending. */
        private final List<List<Integer>> rowsOf = new ArrayList<>();
        /** (row, output) -> W, C, G columns (G -1 without paging). */
        private final Map<Long, int[]> cell = new HashMap<>();
        private final CoverCosts costs;
        private final int[] late;
        private final int[] pagedLate;
        private final Map<Long, Integer> kept = new HashMap<>();
        private final List<List<Integer>> keptAt = new ArrayList<>();
        /** (stage, output) -> U column of {@link #awayInStage}. */
        private final Map<Long, Integer> awayInStage = new HashMap<>();
        /** (stage, output) -> V column. */
        private final Map<Long, Integer> computedIn = new HashMap<>();

        Builder(TrainingGraph g, Budget b, List<CoverBound.Row> rows, BooleanSupplier stop) {
            this.g = g;
            this.b = b;
            this.rows = rows;
            this.stages = rows.stream().mapToInt(CoverBound.Row::stage).toArray();
            this.lp = new LinearModel(g.name() + "-cover-runs", stop);
            this.unitJ = StageFormulation.costUnit(g, b.paging(), true);
            this.costs = new CoverCosts(g, b, lp, unitJ);
            int n = g.size();
            for (int i = 0; i < n; i++) {
                rowsOf.add(new ArrayList<>());
            }
            for (int q = 0; q < rows.size(); q++) {
                keptAt.add(new ArrayList<>());
                for (int i : rows.get(q).members()) {
                    rowsOf.get(i).add(q);
                }
            }
            late = new int[n];
            pagedLate = new int[n];
            Arrays.fill(late, -1);
            Arrays.fill(pagedLate, -1);
        }

        CoverRuns build() {
            for (int q = 0; q < rows.size(); q++) {
                for (int i : rows.get(q).members()) {
                    cellColumns(q, i);
                }
            }
            for (int q = 0; q < rows.size(); q++) {
                for (int i : rows.get(q).members()) {
                    returnRow(q, i);
                    inputRows(q, i);
                }
            }
            lateInputRows();
            for (int q = 0; q < rows.size(); q++) {
                coverRow(q);
            }
            for (int q = 0; q + 1 < rows.size(); q++) {
                if (stages[q + 1] == stages[q] + 1) {
                    for (int k : rows.get(q).members()) {
                        computationRow(q, k);
                    }
                }
            }
            if (costs.hasRuntimeTerms()) {
                costs.addRuntimeRow();
            }
            return new CoverRuns(g, lp, unitJ, this);
        }

        private static long key(int q, int i) {
            return ((long) q << 32) | i;
        }

        private void cellColumns(int q, int i) {
            int t = stages[q];
            int w = lp.addBool(0, "W_" + t + "_" + i);
            int c = lp.addBool(g.computeJ(i) / unitJ, "C_" + t + "_" + i);
            costs.addRuntime(c, g.runtime(i));
            int p = b.paging() ? costs.pageIn(i, "G_" + t + "_" + i, "O_" + t + "_" + i) : -1;
            cell.put(key(q, i), new int[] {w, c, p});
        }

        /** i's first read after {@code stage}. */
        private int nextRead(int i, int stage) {
            for (int j : g.succs(i)) {
                if (j > stage) {
                    return j;
                }
            }
            return Integer.MAX_VALUE;
        }

        /** i's last read up to {@code stage}, or stage i when none. */
        private int previousRead(int i, int stage) {
            int last = i;
            for (int j : g.succs(i)) {
                if (j <= stage) {
                    last = Math.max(last, j);
                }
            }
            return last;
        }

        /** The next row after row q where i is a member before i's next read, or -1. */
        private int nextRowOf(int q, int i) {
            List<Integer> of = rowsOf.get(i);
            int at = of.indexOf(q);
            if (at + 1 < of.size()) {
                int next = of.get(at + 1);
                if (stages[next] < nextRead(i, stages[q])) {
                    return next;
                }
            }
            return -1;
        }

        /** The stage by which i, away at row q's moment, is in RAM again: t+. */
        private int backBy(int q, int i) {
            int next = nextRowOf(q, i);
            return next >= 0 ? stages[next] : nextRead(i, stages[q]);
        }

        /** C + G - W(t) + W(t+) >= 0. */
        private void returnRow(int q, int i) {
            int[] x = cell.get(key(q, i));
            int next = nextRowOf(q, i);
            int[] cols = new int[4];
            double[] coefs = new double[4];
            int count = 0;
            cols[count] = x[1];
            coefs[count++] = 1;
            if (x[2] >= 0) {
                cols[count] = x[2];
                coefs[count++] = 1;
            }
            cols[count] = x[0];
            coefs[count++] = -1;
            if (next >= 0) {
                cols[count] = cell.get(key(next, i))[0];
                coefs[count++] = 1;
            }
            lp.addRow(0, LinearModel.INF, cols, coefs, count, "back_" + stages[q] + "_" + i);
        }

        /** The rows that tie C_ti to i's inputs: past their last read, or away across (t, t+]. */
        private void inputRows(int q, int i) {
            int t = stages[q];
            int c = cell.get(key(q, i))[1];
            int until = backBy(q, i);
            for (int d : g.deps(i)) {
                int lastRead = Plans.lastReader(g, d);
                if (lastRead < t) {
                    if (firstRowAfter(lastRead) <= q) { // some row in (L_d, t]
                        pastLastRead(c, q, d, "in_" + t + "_" + d);
                    }
                } else if (nextRead(d, t) > until) {
                    awayAcross(c, q, d, until);
                }
            }
        }

        /** c &lt;= K(row q, d) + E_d + F_d, for c a C_ti (d an input of i) or an E of an output d is an input of. */
        private void pastLastRead(int c, int q, int d, String name) {
            int k = kept(d, q);
            if (late[d] < 0) {
                late[d] = lp.addBool(g.computeJ(d) / unitJ, "E_" + d);
                costs.addRuntime(late[d], g.runtime(d));
                if (b.paging()) {
                    pagedLate[d] = costs.pageIn(d, "F_" + d, "OF_" + d);
                }
            }
            int[] cols = {c, k, late[d], pagedLate[d]};
            double[] coefs = {1, -1, -1, -1};
            lp.addRow(-LinearModel.INF, 0, cols, coefs, pagedLate[d] >= 0 ? 4 : 3, name);
        }

        /**
         * E_d &lt;= K(f_d, e) + E_e + F_e for each output d with an E and each input e of d with a
         * row in (L_e, f_d], and so on for those e (the class comment's "Inputs of late
         * computations"). Made before the cover rows, which count the K it adds. On a generated
         * 100-node graph (seed 2, width 0.27) at 0.8 of the plain peak, recomputation only, they
         * raise the bound from 1.04409x to 1.06218x the plain energy (best schedule known 1.08270x):
         * without them, keeping an output past its last read (K) or computing it late (E) cost
         * nothing for the inputs that late computation needs.
         */
        private void lateInputRows() {
            ArrayDeque<Integer> waiting = new ArrayDeque<>();
            boolean[] done = new boolean[g.size()];
            for (int d = 0; d < g.size(); d++) {
                if (late[d] >= 0) {
                    waiting.add(d);
                }
            }
            while (!waiting.isEmpty()) {
                int d = waiting.poll();
                if (done[d]) {
                    continue;
                }
                done[d] = true;
                int f = firstRowAfter(Plans.lastReader(g, d));
                for (int e : g.deps(d)) {
                    if (firstRowAfter(Plans.lastReader(g, e)) <= f) {
                        pastLastRead(late[d], f, e, "late_" + d + "_" + e);
                        waiting.add(e);
                    }
                }
            }
        }

        /** K(row q, d), made with the K of the rows before it (down to the first after L_d) when missing. */
        private int kept(int d, int q) {
            Integer k = kept.get(key(q, d));
            if (k != null) {
                return k;
            }
            int before = q > firstRowAfter(Plans.lastReader(g, d)) ? kept(d, q - 1) : -1;
            k = lp.addBool(0, "K_" + stages[q] + "_" + d);
            kept.put(key(q, d), k);
            keptAt.get(q).add(d);
            if (before >= 0) {
                lp.addRow(-LinearModel.INF, 0, new int[] {k, before}, new double[] {1, -1}, 2,
                        "Kon_" + stages[q] + "_" + d);
            }
            return k;
        }

        /** C_ti + W_ad + W_zd - sum (C_xd + G_xd) &lt;= 2, when d has such rows a and z. */
        private void awayAcross(int c, int q, int d, int until) {
            int t = stages[q];
            int previous = previousRead(d, t);
            int next = nextRead(d, t);
            int a = -1;
            int z = -1;
            for (int r : rowsOf.get(d)) {
                if (stages[r] > previous && stages[r] <= t) {
                    a = r;
                }
                if (z < 0 && stages[r] >= until && stages[r] < next) {
                    z = r;
                }
            }
            if (a < 0 || z < 0) {
                return;
            }
            List<Integer> cols = new ArrayList<>(List.of(c, cell.get(key(a, d))[0], cell.get(key(z, d))[0]));
            List<Double> coefs = new ArrayList<>(List.of(1.0, 1.0, 1.0));
            for (int r : rowsOf.get(d)) {
                if (r >= a && r < z) {
                    int[] x = cell.get(key(r, d));
                    for (int col : new int[] {x[1], x[2]}) {
                        if (col >= 0) {
                            cols.add(col);
                            coefs.add(-1.0);
                        }
                    }
                }
            }
            lp.addRow(-LinearModel.INF, 2, cols.stream().mapToInt(Integer::intValue).toArray(),
                    coefs.stream().mapToDouble(Double::doubleValue).toArray(), cols.size(),
                    "across_" + t + "_" + stages[a] + "_" + d);
        }

        private void coverRow(int q) {
            CoverBound.Row row = rows.get(q);
            double ram = b.ramBytes();
            List<Integer> keptOutputs = keptAt.get(q);
            double extraNeed = 0;
            for (int d : keptOutputs) {
                extraNeed += g.ram(d);
            }
            int m = row.members().length;
            int[] cols = new int[m + keptOutputs.size()];
            double[] coefs = new double[cols.length];
            int count = 0;
            for (int i : row.members()) {
                cols[count] = cell.get(key(q, i))[0];
                // capped at the largest need the row can have (its own plus every input kept over it)
                coefs[count++] = Math.min(g.ram(i), row.needBytes() + extraNeed) / ram;
            }
            for (int d : keptOutputs) {
                cols[count] = kept.get(key(q, d));
                coefs[count++] = -g.ram(d) / ram;
            }
            lp.addRow(row.needBytes() / ram, LinearModel.INF, cols, coefs, count, "cover_" + row.stage());
        }

        /**
         * The moment after member k of row q (stage s - 1) is computed in stage s, where row q + 1
         * is: sum over the outputs x that may be away then of cap_x times what x away then
         * implies, &gt;= need times C_(s-1)k. Without a positive need, no row.
         */
        private void computationRow(int q, int k) {
            int s = stages[q] + 1;
            boolean[] fixed = new boolean[g.size()];
            double need = g.ram(k) - b.ramBytes();
            fixed[k] = true;
            for (int d : g.deps(k)) {
                need += g.ram(d);
                fixed[d] = true;
            }
            List<Integer> away = new ArrayList<>();
            for (int x = 0; x < s; x++) {
                if (!fixed[x] && g.ram(x) > 0 && Plans.lastReader(g, x) >= s) {
                    away.add(x);
                    need += g.ram(x);
                }
            }
            if (need <= 0) {
                return;
            }
            // inputs past their last read kept in RAM up to moment s, unless computed in stage s;
            // where s is d's first row after its last read, E_d does not count a computation in s
            List<Integer> keptOver = new ArrayList<>();
            double extraNeed = 0;
            for (int d : keptAt.get(q + 1)) {
                if (!fixed[d] && firstRowAfter(Plans.lastReader(g, d)) < q + 1) {
                    keptOver.add(d);
                    extraNeed += g.ram(d);
                }
            }
            double ram = b.ramBytes();
            List<Integer> cols = new ArrayList<>();
            List<Double> coefs = new ArrayList<>();
            for (int x : away) {
                cols.add(awayInStage(q, x));
                coefs.add(Math.min(g.ram(x), need + extraNeed) / ram);
            }
            for (int d : keptOver) {
                cols.add(kept.get(key(q + 1, d)));
                coefs.add(-g.ram(d) / ram);
                cols.add(late[d]);
                coefs.add(g.ram(d) / ram);
            }
            cols.add(cell.get(key(q, k))[1]);
            coefs.add(-(need + extraNeed) / ram);
            lp.addRow(-extraNeed / ram, LinearModel.INF, cols.stream().mapToInt(Integer::intValue).toArray(),
                    coefs.stream().mapToDouble(Double::doubleValue).toArray(), cols.size(), "computed_" + s + "_" + k);
        }

        /**
         * A column that is at least 1 when x is away at a moment of stage s = stage of row q + 1
         * before node s: min(1, W_sx + C_(s-1)x) when x is a member of both rows (away at moment
         * s, or back by a computation in stage s, in row q's window), C_(s-1)x when only of row q
         * (in RAM at moment s: back in that window), W_sx + V_sx when only of row q + 1 and V_sx
         * when of neither (x is node s - 1 or its input: no window holds stage s).
         */
        private int awayInStage(int q, int x) {
            int s = stages[q + 1];
            int[] before = cell.get(key(q, x));
            int[] after = cell.get(key(q + 1, x));
            if (after == null) {
                return before != null ? before[1] : computedIn(s, x);
            }
            return awayInStage.computeIfAbsent(key(s, x), key -> {
                int a = lp.addVar(0, 1, false, 0, "U_" + s + "_" + x);
                int back = before != null ? before[1] : computedIn(s, x);
                lp.addRow(-LinearModel.INF, 0, new int[] {a, after[0], back}, new double[] {1, -1, -1}, 3,
                        "U_" + s + "_" + x);
                return a;
            });
        }

        /** V_sx: x is computed in stage s (made when missing). */
        private int computedIn(int s, int x) {
            return computedIn.computeIfAbsent(key(s, x), key -> {
                int v = lp.addBool(g.computeJ(x) / unitJ, "V_" + s + "_" + x);
                costs.addRuntime(v, g.runtime(x));
                return v;
            });
        }

        /** Index of the first row whose stage is after {@code stage} (the row count if none). */
        private int firstRowAfter(int stage) {
            int q = Arrays.binarySearch(stages, stage + 1);
            return q >= 0 ? q : -q - 1;
        }
    }
}

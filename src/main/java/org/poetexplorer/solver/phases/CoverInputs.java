package org.poetexplorer.solver.phases;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.solver.backends.LinearModel;

/**
 * The inputs of the computations that the {@link CoverProgram} charges: an output brought back
 * by computation needs its inputs in RAM then, and an input past its last plain read is either
 * kept in RAM at the cover rows' moments in between (RAM the rows must find) or computed again
 * itself (energy). These columns and rows only cut off points no schedule has, so the program's
 * optimum stays a lower bound. Their argument, with L_d the stage of d's last reader (its plain
 * lifetime ends there) and "moment t" the moment stage t computes node t:
 * <ul>
 * <li>Y_ti = 1 when member i of row t, in i's segment k there, is away at moment t and comes
 *   back (first, after t) by computation; that computation is in (t, r_k], so A_ik = 1
 *   (Y_ti &lt;= A_ik, by A's definition in {@link CoverProgram}); with paging Z_ti = 1 when it
 *   comes back by a page-in instead, in [t, r_k - 1], so G_ik = 1 (Z_ti &lt;= G_ik). The first
 *   return is one of the two: Y_ti + Z_ti &lt;= 1, and i away at t makes one of them 1, so the
 *   row counts Y_ti + Z_ti where it counted V_ik.</li>
 * <li>E_d = 1 when d is computed in some stage after L_d + 1 (cost computeJ_d, time runtime_d:
 *   a computation other than the one in stage d and than those the A_dk charge, which are in
 *   stages up to a read of d, so at most L_d); F_d = 1, with paging, when d is paged in in a
 *   stage after L_d (cost pageInJ_d, and pageInS_d of the runtime when transfers take time: a
 *   page-in other than those the G_dk charge, which are in stages before a read of d; the
 *   page-out it needs is the one O_d charges: F_d &lt;= O_d).</li>
 * <li>K_td = 1 when d is in RAM at the moment of every row t' in (L_d, t], where no read of d
 *   keeps it in the plain schedule: row t then needs ram_d more (the outputs in RAM at moment t
 *   include d, which is neither node t's input or output nor a member), and K_td &lt;= K_t'd for
 *   the row t' before t in that range.</li>
 * <li>Y_ti = 1 and d an input of i with L_d &lt; t: i is computed in a stage s &gt; t (a
 *   computation in stage t precedes node t), with d in RAM. Unless d is in RAM at the moment of
 *   every row t' in (L_d, t] (K_td), it is away at one of them and comes back in (t', s] by a
 *   computation, in a stage &gt;= L_d + 2 (E_d), or by a page-in in a stage &gt;= t' &gt; L_d
 *   (F_d): Y_ti &lt;= K_td + E_d + F_d.</li>
 * <li>E_d = 1 and e an input of d with L_e &lt;= L_d + 1: that computation of d, in a stage
 *   s &gt;= L_d + 2 &gt; L_e, needs e; with t'' the last row in (L_e, L_d + 1], by the same
 *   argument, E_d &lt;= K_t''e + E_e + F_e.</li>
 * </ul>
 * The covering rows keep their argument with the larger need: at moment t the outputs in RAM are
 * node t's inputs and output, the members not away, and the inputs kept; a member's coefficient
 * is capped at the largest need the row can have. The columns are made only for the members
 * the caller marks, and stop at about a number of columns the caller gives (the program must
 * stay quick to prove on large graphs): fewer of these valid rows still give a bound.
 */
final class CoverInputs {
    /**
     * About this many columns at most in the first rounds' programs (measured: a few hundred prove
     * in well under a second). Made in row order, so beyond it the later rows have none:
     * {@link CoverRounds} then doubles it.
     */
    static final int MAX_COLUMNS = 2_000;

    private final int[][][] away; // per row and member: {Y, Z}, or null where the row counts V
    private final List<List<Integer>> keptAt = new ArrayList<>(); // per row: K columns
    private final Map<Integer, Integer> keptOutput = new HashMap<>(); // K column -> output
    private final Map<Long, Integer> kept = new HashMap<>(); // (row, output) -> K column
    private final ArrayDeque<Integer> cascade = new ArrayDeque<>(); // outputs with a new E
    private final int[] late; // E_d
    private final int[] pagedLate; // F_d
    private final int[] stages; // of the rows, ascending
    private boolean cut; // the columns stopped at the caller's limit
    private CoverCosts costs; // O_i's column, made when missing, and the runtime terms

    private CoverInputs(int[] stages, int n) {
        this.stages = stages;
        away = new int[stages.length][][];
        for (int q = 0; q < stages.length; q++) {
            keptAt.add(new ArrayList<>());
        }
        late = new int[n];
        pagedLate = new int[n];
        Arrays.fill(late, -1);
        Arrays.fill(pagedLate, -1);
    }

    /** No columns and no rows: the covering rows as {@link CoverBound} makes them. */
    static CoverInputs none(List<CoverBound.Row> rows, int n) {
        return new CoverInputs(stagesOf(rows), n);
    }

    /**
     * Adds the columns and rows of the class comment to {@code lp} for the members that
     * {@code inputsOf} marks, given per row and member the A and G columns ({@code recomputed},
     * {@code paged}: -1 where there is none), with O_d and the runtime terms of F_d in
     * {@code costs} (E_d's runtime is the caller's, {@link #late}), about {@code maxColumns} columns at
     * most; the covering rows are the caller's.
     */
    static CoverInputs add(TrainingGraph g, Budget b, LinearModel lp, List<CoverBound.Row> rows, int[][] recomputed,
            int[][] paged, CoverCosts costs, boolean[] inputsOf, double unitJ, int maxColumns) {
        CoverInputs in = new CoverInputs(stagesOf(rows), g.size());
        in.costs = costs;
        int start = lp.numVars();
        for (int q = 0; q < rows.size() && lp.numVars() - start < maxColumns; q++) {
            CoverBound.Row row = rows.get(q);
            int t = row.stage();
            in.away[q] = new int[row.members().length][];
            for (int j = 0; j < row.members().length && lp.numVars() - start < maxColumns; j++) {
                int i = row.members()[j];
                if (!inputsOf[i]) {
                    continue;
                }
                boolean needsInputs = false;
                for (int d : g.deps(i)) {
                    needsInputs |= in.firstRowAfter(Plans.lastReader(g, d)) <= q;
                }
                if (!needsInputs) {
                    continue;
                }
                int y = lp.addBool(0, "Y_" + t + "_" + i);
                lp.addRow(-LinearModel.INF, 0, new int[] {y, recomputed[q][j]}, new double[] {1, -1}, 2,
                        "Yr_" + t + "_" + i);
                int z = -1;
                if (paged[q][j] >= 0) {
                    z = lp.addBool(0, "Z_" + t + "_" + i);
                    lp.addRow(-LinearModel.INF, 0, new int[] {z, paged[q][j]}, new double[] {1, -1}, 2,
                            "Zg_" + t + "_" + i);
                    lp.addRow(-LinearModel.INF, 1, new int[] {y, z}, new double[] {1, 1}, 2, "YZ_" + t + "_" + i);
                }
                in.away[q][j] = new int[] {y, z};
                for (int d : g.deps(i)) {
                    if (in.firstRowAfter(Plans.lastReader(g, d)) <= q) {
                        in.needs(g, b, lp, y, d, q, unitJ);
                    }
                }
            }
        }
        while (!in.cascade.isEmpty() && lp.numVars() - start < maxColumns) {
            int d = in.cascade.poll();
            int reachable = Plans.lastReader(g, d) + 1; // the computation E_d charges is in a later stage
            int last = in.firstRowAfter(reachable) - 1; // the last row up to it
            for (int e : g.deps(d)) {
                int lastE = Plans.lastReader(g, e);
                if (lastE <= reachable && last >= in.firstRowAfter(lastE)) {
                    in.needs(g, b, lp, in.late[d], e, last, unitJ);
                }
            }
        }
        in.cut = lp.numVars() - start >= maxColumns;
        return in;
    }

    /** True when the columns stopped at the caller's limit (some marked member may have none). */
    boolean cut() {
        return cut;
    }

    private static int[] stagesOf(List<CoverBound.Row> rows) {
        return rows.stream().mapToInt(CoverBound.Row::stage).toArray();
    }

    /** Row: {@code when} &lt;= K(row q, d) + E_d + F_d. */
    private void needs(TrainingGraph g, Budget b, LinearModel lp, int when, int d, int q, double unitJ) {
        int k = kept(g, lp, d, q);
        if (late[d] < 0) {
            late[d] = lp.addBool(g.computeJ(d) / unitJ, "E_" + d);
            if (b.paging()) {
                pagedLate[d] = costs.pageIn(d, "F_" + d, "OF_" + d);
            }
            cascade.add(d);
        }
        int[] cols = {when, k, late[d], pagedLate[d]};
        double[] coefs = {1, -1, -1, -1};
        lp.addRow(-LinearModel.INF, 0, cols, coefs, pagedLate[d] >= 0 ? 4 : 3, "in_" + stages[q] + "_" + d);
    }

    /** K(row q, d), made with the K of the rows before it (down to the first after L_d) when missing. */
    private int kept(TrainingGraph g, LinearModel lp, int d, int q) {
        long key = (long) q * g.size() + d;
        Integer k = kept.get(key);
        if (k != null) {
            return k;
        }
        int before = q > firstRowAfter(Plans.lastReader(g, d)) ? kept(g, lp, d, q - 1) : -1;
        k = lp.addBool(0, "K_" + stages[q] + "_" + d);
        kept.put(key, k);
        keptAt.get(q).add(k);
        keptOutput.put(k, d);
        if (before >= 0) {
            lp.addRow(-LinearModel.INF, 0, new int[] {k, before}, new double[] {1, -1}, 2,
                    "Kon_" + stages[q] + "_" + d);
        }
        return k;
    }

    /** Index of the first row whose stage is after {@code stage} (the row count if none). */
    private int firstRowAfter(int stage) {
        int q = Arrays.binarySearch(stages, stage + 1);
        return q >= 0 ? q : -q - 1;
    }

    /** Y and Z of member j of row q, or null where the row counts V. */
    int[] awayColumns(int q, int j) {
        return away[q] == null ? null : away[q][j];
    }

    /** The K columns of row q. */
    int[] keptAt(int q) {
        return keptAt.get(q).stream().mapToInt(Integer::intValue).toArray();
    }

    /** The output a K column keeps. */
    int keptOutput(int column) {
        return keptOutput.get(column);
    }

    /** E_d's column, -1 when none. */
    int late(int d) {
        return late[d];
    }
}

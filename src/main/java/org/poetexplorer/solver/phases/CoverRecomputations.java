package org.poetexplorer.solver.phases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.solver.backends.LinearModel;

/**
 * RAM at the moments of the {@link CoverProgram}'s recomputations: an output computed again needs
 * itself and its inputs in RAM while it runs, on top of what is held then. These columns and rows
 * cut off only points no schedule has, so the program's optimum stays a lower bound. The argument,
 * with "moment (s, i)" the moment stage s computes output i (s &gt; i: a computation again):
 * <ul>
 * <li>W_si = 1 when i is computed in stage s (no cost: the A and Y columns charge it). A_ik = 1
 * means i is computed in some stage of (f_k, r_k] ({@link CoverProgram}), and Y_ti = 1 ({@link
 * CoverInputs}) in some stage of (t, r_k], so A_ik &lt;= sum of W_si over that window, and the
 * same for Y_ti. Such a row is made only when every stage of the window has a W (each has the
 * RAM row below), and the window is short (a longer one is left without the row: fewer valid
 * rows).</li>
 * <li>At moment (s, i), these outputs are in RAM: i, its inputs, and node s's inputs below i (node
 * s reads them at moment s, later in the same stage; stage s computes in increasing index order,
 * so none of them is computed between, and a page-in puts an output in RAM only from the next
 * stage on). Call their bytes F. Every other output j &lt; s, j not i, read by node s (then j &gt;
 * i) or by a node after s, is in RAM then or away. Away, it must be in RAM again at its next read
 * r &gt;= s: by a computation in (s, r], or in stage s after i when j &gt; i, or by a page-in in
 * [s, r - 1]. Where j's segment (r', r] (r' its read before, or j) has its A and G columns with
 * f &lt;= s (f &lt; s when j &gt; i), their windows hold all these returns, so V_j (A_j without
 * paging) is 1. Without paging, where no row made columns for that segment, C_jr = 1 when j is
 * computed in some stage of (r', r] (cost computeJ_j, time runtime_j): a computation other than
 * the one in stage j, than those of the A of j's other segments (their windows lie in those
 * segments) and than the late one E_j of {@link CoverInputs} charges (after j's last read + 1),
 * so the extra energy still counts each once. The other such outputs are left out of the row (as
 * if they could leave for free: a relaxation). With C the bytes of the outputs counted, the budget
 * gives {@code sum_away ram_j >= F + C - budget} when W_si = 1:
 * {@code sum_j min(ram_j, need) (V_j or C_jr) >= need W_si} with need = F + C - budget (capped as
 * in {@link CoverBound}: the same 0/1 solutions; no W when the need is not positive).</li>
 * </ul>
 * Measured on Moccasin's random layered n = 100 graph at 0.8 of the plain peak, recomputation
 * only: the full program's bound rose from 0.53276 J to 0.53667 J, the proven optimum, with about
 * 30 more columns.
 */
final class CoverRecomputations {
    /**
     * Windows of at most this many stages get their rows. Measured on the n = 100 graph above: 3
     * gives the whole rise; on the bundled suite's 250-node graph at 0.8 a limit of 12 added 600
     * columns to the first round's program (1,000 without a limit) and raised no round's bound.
     */
    static final int MAX_WINDOW = 4;

    private final TrainingGraph g;
    private final Budget b;
    private final LinearModel lp;
    private final Map<Long, int[]> segments;
    private final Map<Long, Integer> firstRow; // segment -> f, the first row stage where it is a member
    private final Map<Long, Integer> moments = new HashMap<>(); // (s, i) -> W, -1 where the need is not positive
    private final boolean[] mark;
    private final Map<Long, Integer> wholeSegment = new HashMap<>(); // segment without A -> C
    private final CoverCosts costs;
    private final double unitJ;

    private CoverRecomputations(TrainingGraph g, Budget b, LinearModel lp, Map<Long, int[]> segments,
            Map<Long, Integer> firstRow, CoverCosts costs, double unitJ) {
        this.costs = costs;
        this.unitJ = unitJ;
        this.g = g;
        this.b = b;
        this.lp = lp;
        this.segments = segments;
        this.firstRow = firstRow;
        this.mark = new boolean[g.size()];
    }

    /**
     * Adds the columns and rows of the class comment for the A columns in {@code segments}
     * ((output, read) -&gt; {A, G, V}) and the Y columns of {@code inputs}, for windows of at most
     * {@link #MAX_WINDOW} stages, with the C columns' costs and runtime in {@code costs}.
     */
    static void add(TrainingGraph g, Budget b, LinearModel lp, List<CoverBound.Row> rows, Map<Long, int[]> segments,
            CoverInputs inputs, CoverCosts costs, double unitJ) {
        Map<Long, Integer> firstRow = new HashMap<>();
        for (CoverBound.Row row : rows) {
            for (int i : row.members()) {
                firstRow.putIfAbsent(CoverProgram.segmentKey(i, CoverProgram.nextRead(g, i, row.stage())), row.stage());
            }
        }
        CoverRecomputations r = new CoverRecomputations(g, b, lp, segments, firstRow, costs, unitJ);
        for (Map.Entry<Long, int[]> segment : segments.entrySet()) {
            int i = (int) (segment.getKey() >>> 32);
            int read = (int) (long) segment.getKey();
            Integer f = firstRow.get(segment.getKey());
            if (f != null) {
                r.window(segment.getValue()[0], i, f, read, "Aw_" + i + "_" + read);
            }
        }
        for (int q = 0; q < rows.size(); q++) {
            CoverBound.Row row = rows.get(q);
            for (int j = 0; j < row.members().length; j++) {
                int[] away = inputs.awayColumns(q, j);
                if (away != null) {
                    int i = row.members()[j];
                    r.window(away[0], i, row.stage(), CoverProgram.nextRead(g, i, row.stage()),
                            "Yw_" + row.stage() + "_" + i);
                }
            }
        }
    }

    /** Row: {@code column} &lt;= sum of W_si over s in (after, read], when each has its RAM row. */
    private void window(int column, int i, int after, int read, String name) {
        if (read - after > MAX_WINDOW) {
            return;
        }
        int[] cols = new int[read - after + 1];
        double[] coefs = new double[cols.length];
        for (int s = after + 1; s <= read; s++) {
            int w = moment(s, i);
            if (w < 0) {
                return;
            }
            cols[s - after - 1] = w;
            coefs[s - after - 1] = 1;
        }
        cols[cols.length - 1] = column;
        coefs[cols.length - 1] = -1;
        lp.addRow(0, LinearModel.INF, cols, coefs, cols.length, name);
    }

    /** W_si with its RAM row, made when missing; -1 when the need at moment (s, i) is not positive. */
    private int moment(int s, int i) {
        long key = CoverProgram.segmentKey(s, i);
        Integer known = moments.get(key);
        if (known != null) {
            return known;
        }
        double fixed = g.ram(i);
        mark[i] = true;
        for (int d : g.deps(i)) {
            if (!mark[d]) {
                fixed += g.ram(d);
                mark[d] = true;
            }
        }
        for (int d : g.deps(s)) {
            if (d < i && !mark[d]) {
                fixed += g.ram(d);
                mark[d] = true;
            }
        }
        int[] members = new int[s];
        int[] memberColumns = new int[s];
        int m = 0;
        double crossing = 0;
        for (int j = 0; j < s; j++) {
            if (mark[j] || g.ram(j) == 0 || Plans.lastReader(g, j) < s) {
                continue;
            }
            int read = CoverProgram.nextRead(g, j, s - 1);
            int column = awayColumn(j, read, s, i);
            if (column >= 0) {
                memberColumns[m] = column;
                members[m++] = j;
                crossing += g.ram(j);
            }
        }
        mark[i] = false;
        for (int d : g.deps(i)) {
            mark[d] = false;
        }
        for (int d : g.deps(s)) {
            mark[d] = false;
        }
        double need = fixed + crossing - b.ramBytes();
        int w = -1;
        if (need > 0) {
            w = lp.addBool(0, "W_" + s + "_" + i);
            double ram = b.ramBytes();
            int[] cols = new int[m + 1];
            double[] coefs = new double[m + 1];
            for (int k = 0; k < m; k++) {
                int j = members[k];
                cols[k] = memberColumns[k];
                coefs[k] = Math.min(g.ram(j), need) / ram;
            }
            cols[m] = w;
            coefs[m] = -need / ram;
            lp.addRow(0, LinearModel.INF, cols, coefs, m + 1, "ramW_" + s + "_" + i);
        }
        moments.put(key, w);
        return w;
    }

    /**
     * The column that is 1 when output j, next read at {@code read}, is away at moment (s, i): V of
     * its segment when its window holds the returns; without paging, in a segment no row made
     * columns for, C (j computed again in that segment); -1 when there is none.
     */
    private int awayColumn(int j, int read, int s, int i) {
        long key = CoverProgram.segmentKey(j, read);
        int[] ways = segments.get(key);
        Integer f = firstRow.get(key);
        if (ways != null) {
            return f != null && (j < i ? f <= s : f < s) ? ways[2] : -1;
        }
        if (b.paging()) {
            return -1;
        }
        return wholeSegment.computeIfAbsent(key, k -> {
            int c = lp.addBool(g.computeJ(j) / unitJ, "C_" + j + "_" + read);
            costs.addRuntime(c, g.runtime(j));
            return c;
        });
    }
}

package org.poetexplorer.schedule;

import java.util.Arrays;
import org.poetexplorer.model.TrainingGraph;

/**
 * A plan read node by node, for {@link PlanTidy}: per node i, the stages in which something
 * happens to it (its <em>events</em>: i computed, paged in, paged out, or a reader of i computed)
 * in increasing order, and the stages that keep it in RAM as maximal runs of consecutive stages.
 * Only stages from i to {@code last(i)} are indexed, the last stage in which the plan names i.
 *
 * <p>Built once in time and memory proportional to the plan's entries plus, per computation,
 * the computed node's inputs (each computation is a read of each of them); then tidying walks a
 * node's events and runs in order, with no search per stage. Decisions are only removed: a
 * computation, a page-in or a page-out, or a run's last stages.
 */
final class NodeLines {
    static final int COMPUTED = 1;
    static final int PAGED_IN = 2;
    static final int PAGED_OUT = 4;

    private final TrainingGraph g;
    private final int n;
    private final int[] last;
    private final int[][] stage;
    private final byte[][] flags;
    /** Per node and event: how many computations in that stage read the node's output. */
    private final int[][] reads;
    private final int[] events;
    /** Per node: runs as start, end pairs (inclusive); a run whose end is below its start is empty. */
    private final int[][] runs;
    private final int[] runCount;

    NodeLines(TrainingGraph g, StagePlan plan) {
        this.g = g;
        n = plan.size();
        last = lastNamed(plan);
        stage = new int[n][];
        flags = new byte[n][];
        reads = new int[n][];
        events = new int[n];
        runs = new int[n][];
        runCount = new int[n];
        for (int i = 0; i < n; i++) {
            stage[i] = new int[2];
            flags[i] = new byte[2];
            reads[i] = new int[2];
            runs[i] = new int[2];
        }
        for (int t = 0; t < n; t++) {
            for (int i : plan.computed(t)) {
                mark(i, t, COMPUTED);
                for (int p : g.deps(i)) {
                    if (p <= t && t <= last[p]) {
                        int e = event(p, t);
                        reads[p][e]++;
                    }
                }
            }
            for (int i : plan.pageIns(t)) {
                mark(i, t, PAGED_IN);
            }
            for (int i : plan.pageOuts(t)) {
                mark(i, t, PAGED_OUT);
            }
            for (int i : plan.kept(t)) {
                int r = runCount[i];
                if (r > 0 && runs[i][2 * r - 1] == t - 1) {
                    runs[i][2 * r - 1] = t;
                } else {
                    if (2 * r + 2 > runs[i].length) {
                        runs[i] = Arrays.copyOf(runs[i], 2 * runs[i].length);
                    }
                    runs[i][2 * r] = t;
                    runs[i][2 * r + 1] = t;
                    runCount[i]++;
                }
            }
        }
    }

    /**
     * Per node, the last stage in which the plan decides anything about it (its own stage at
     * least). Tidying only removes decisions, so nothing about a node lies beyond it.
     */
    private static int[] lastNamed(StagePlan plan) {
        int n = plan.size();
        int[] last = new int[n];
        for (int i = 0; i < n; i++) {
            last[i] = i;
        }
        for (int t = 0; t < n; t++) {
            for (int[] named : new int[][] {plan.computed(t), plan.kept(t), plan.stored(t), plan.pageIns(t),
                plan.pageOuts(t)}) {
                for (int i : named) {
                    last[i] = Math.max(last[i], t);
                }
            }
        }
        return last;
    }

    private void mark(int i, int t, int what) {
        int e = event(i, t); // may grow the arrays: index them after
        flags[i][e] |= (byte) what;
    }

    /** The event of node i in stage t, added after its others (stages are added in increasing order). */
    private int event(int i, int t) {
        int e = events[i];
        if (e > 0 && stage[i][e - 1] == t) {
            return e - 1;
        }
        if (e == stage[i].length) {
            int grown = 2 * e;
            stage[i] = Arrays.copyOf(stage[i], grown);
            flags[i] = Arrays.copyOf(flags[i], grown);
            reads[i] = Arrays.copyOf(reads[i], grown);
        }
        stage[i][e] = t;
        events[i] = e + 1;
        return e;
    }

    int size() {
        return n;
    }

    int last(int i) {
        return last[i];
    }

    int events(int i) {
        return events[i];
    }

    int stage(int i, int e) {
        return stage[i][e];
    }

    boolean has(int i, int e, int what) {
        return (flags[i][e] & what) != 0;
    }

    /** Whether a reader of i is computed in the stage of event e. */
    boolean read(int i, int e) {
        return reads[i][e] > 0;
    }

    /** Removes a page-in or page-out of event e. */
    void drop(int i, int e, int what) {
        flags[i][e] &= (byte) ~what;
    }

    /** Removes the computation of i in the stage of event e: its inputs are no longer read there. */
    void dropComputed(int i, int e) {
        flags[i][e] &= (byte) ~COMPUTED;
        int t = stage[i][e];
        for (int p : g.deps(i)) {
            if (p <= t && t <= last[p]) {
                reads[p][Arrays.binarySearch(stage[p], 0, events[p], t)]--;
            }
        }
    }

    int runs(int i) {
        return runCount[i];
    }

    int runStart(int i, int r) {
        return runs[i][2 * r];
    }

    int runEnd(int i, int r) {
        return runs[i][2 * r + 1];
    }

    /** Stops run r of node i before stage {@code from} (it then keeps i for no stage when from is its start). */
    void cutRun(int i, int r, int from) {
        runs[i][2 * r + 1] = Math.min(runs[i][2 * r + 1], from - 1);
    }

    /**
     * The plan as it now stands, with storage as {@code storedFrom} says: node i is on storage from
     * stage {@code storedFrom[i]} to the last (none when it is n or more).
     */
    StagePlan toPlan(int[] storedFrom) {
        int[][] count = new int[5][n + 1];
        for (int i = 0; i < n; i++) {
            for (int e = 0; e < events[i]; e++) {
                int t = stage[i][e];
                count[0][t] += flags[i][e] & COMPUTED;
                count[3][t] += (flags[i][e] & PAGED_IN) >> 1;
                count[4][t] += (flags[i][e] & PAGED_OUT) >> 2;
            }
            // kept and stored stages come in runs: counted as differences, summed below
            for (int r = 0; r < runCount[i]; r++) {
                if (runStart(i, r) <= runEnd(i, r)) {
                    count[1][runStart(i, r)]++;
                    count[1][runEnd(i, r) + 1]--;
                }
            }
            if (storedFrom[i] < n) {
                count[2][storedFrom[i]]++;
            }
        }
        for (int t = 1; t < n; t++) {
            count[1][t] += count[1][t - 1];
            count[2][t] += count[2][t - 1];
        }
        int[][][] nodes = new int[5][n][];
        for (int d = 0; d < 5; d++) {
            for (int t = 0; t < n; t++) {
                nodes[d][t] = new int[count[d][t]];
                count[d][t] = 0;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int e = 0; e < events[i]; e++) {
                int t = stage[i][e];
                if (has(i, e, COMPUTED)) {
                    nodes[0][t][count[0][t]++] = i;
                }
                if (has(i, e, PAGED_IN)) {
                    nodes[3][t][count[3][t]++] = i;
                }
                if (has(i, e, PAGED_OUT)) {
                    nodes[4][t][count[4][t]++] = i;
                }
            }
            for (int r = 0; r < runCount[i]; r++) {
                for (int t = runStart(i, r); t <= runEnd(i, r); t++) {
                    nodes[1][t][count[1][t]++] = i;
                }
            }
            for (int t = storedFrom[i]; t < n; t++) {
                nodes[2][t][count[2][t]++] = i;
            }
        }
        return StagePlan.ofStages(n, nodes[0], nodes[1], nodes[2], nodes[3], nodes[4]);
    }
}

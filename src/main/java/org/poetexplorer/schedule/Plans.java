package org.poetexplorer.schedule;

import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

/**
 * The plan every solve starts from and the RAM figures that follow from the graph alone: the
 * plain plan, its peak, and the working-set floor below which no plan fits. Every phase of the
 * solver, the app and the command line take these figures from here.
 */
public final class Plans {
    private Plans() {
    }

    /** The last node that reads i's output, or i itself when none does. */
    public static int lastReader(TrainingGraph g, int i) {
        int[] readers = g.succs(i);
        return readers.length == 0 ? i : readers[readers.length - 1];
    }

    /**
     * The plain plan: node t computed once, in stage t; each output kept in RAM from the stage
     * after its own up to the stage of its last reader; nothing paged or recomputed.
     */
    public static StagePlan plain(TrainingGraph g) {
        // written stage by stage at once (the same decisions as plainBuilder's, without a search per entry)
        int n = g.size();
        int[] held = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int last = lastReader(g, i);
            if (last > i) {
                held[i + 1]++;
                held[last + 1]--;
            }
        }
        int[][] computed = new int[n][];
        int[][] kept = new int[n][];
        int[][] none = new int[n][];
        int count = 0;
        for (int t = 0; t < n; t++) {
            count += held[t];
            computed[t] = new int[] {t};
            kept[t] = new int[count];
            none[t] = new int[0];
            held[t] = 0; // from here on: how many of stage t's kept outputs are written
        }
        for (int i = 0; i < n; i++) {
            for (int t = i + 1; t <= lastReader(g, i); t++) {
                kept[t][held[t]++] = i;
            }
        }
        return StagePlan.ofStages(n, computed, kept, none, none, none);
    }

    /** The plain plan's decisions, to change some of them. */
    public static StagePlan.Builder plainBuilder(TrainingGraph g) {
        StagePlan.Builder b = StagePlan.builder(g.size()).computeEachOnce();
        for (int i = 0; i < g.size(); i++) {
            b.keep(i, i + 1, lastReader(g, i), true);
        }
        return b;
    }

    /**
     * Peak RAM of the plain plan: the largest, over stages t, of node t's output plus the
     * outputs of earlier nodes that t or a later node still reads (those are in RAM when stage t
     * computes node t). With paging and recomputation off this is exactly the least RAM that
     * works; no schedule costs less energy than the plain one.
     */
    public static long plainPeakBytes(TrainingGraph g) {
        int n = g.size();
        long live = 0;
        long peak = 0;
        long[] leavesAt = new long[n + 1];
        for (int t = 0; t < n; t++) {
            live -= leavesAt[t];
            peak = Math.max(peak, live + g.ram(t));
            int last = lastReader(g, t);
            if (last > t) {
                live += g.ram(t);
                leavesAt[last + 1] += g.ram(t);
            }
        }
        return peak;
    }

    /**
     * A RAM budget stated as a share of the plain peak ({@code 0.8} for 80 %), in whole bytes:
     * the nearest byte, at least one. The bench suites, the command line's {@code --ram 80%} and
     * the app's carried budget all state budgets this way.
     */
    public static long shareOfPlainPeakBytes(long plainPeak, double share) {
        return Math.max(1, Math.round(plainPeak * share));
    }

    /**
     * The working-set floor: no plan fits below it. Computing node k needs all of k's inputs in
     * RAM and k's output allocated at once, so every schedule needs at least the largest, over
     * k, of ram[k] plus the RAM of k's inputs; this holds for any runtime budget and switches.
     */
    public static long workingSetFloorBytes(TrainingGraph g) {
        long floor = 0;
        for (int k = 0; k < g.size(); k++) {
            long need = g.ram(k);
            for (int d : g.deps(k)) {
                need += g.ram(d);
            }
            floor = Math.max(floor, need);
        }
        return floor;
    }

    /**
     * The plain schedule under the least budget it fits: its own peak, one plain step's compute
     * time, neither paging nor recomputation.
     */
    public static Schedule plainSchedule(TrainingGraph g) {
        Budget own = new Budget(Math.max(1, plainPeakBytes(g)), 1.0, false, false);
        return PlanReplay.of(g, own, plain(g)).schedule();
    }
}

package org.poetexplorer.milp.heuristic;

import org.poetexplorer.model.Allowance;
import org.poetexplorer.model.TrainingGraph;

/**
 * How little RAM a training step can get by with, so that the app can say "raise RAM to at
 * least X". All figures use the memory accounting of docs/model.md section 4.
 */
public final class MinimalRam {
    private MinimalRam() {
    }

    /**
     * No schedule fits below this: when stage t computes node t, node t's output and all its
     * inputs are in RAM together. Exact lower bound for any budget and any switches.
     */
    public static long necessaryBytes(TrainingGraph g) {
        long m = 0;
        for (int t = 0; t < g.size(); t++) {
            long s = g.ram(t);
            for (int d : g.deps(t)) {
                s += g.ram(d);
            }
            m = Math.max(m, s);
        }
        return m;
    }

    /**
     * Peak RAM of the plain schedule: every node once, each output freed as soon as nothing
     * later needs it, nothing paged. With paging and recomputation off this is exactly the
     * least RAM that works.
     */
    public static long plainPeakBytes(TrainingGraph g) {
        int n = g.size();
        int[] lastUse = lastUse(g);
        long live = 0;
        long m = 0;
        // live = outputs of nodes < t still needed at stage t or later
        long[] dropAt = new long[n + 1];
        for (int t = 0; t < n; t++) {
            live -= dropAt[t];
            m = Math.max(m, live + g.ram(t));
            if (lastUse[t] > t) {
                live += g.ram(t);
                dropAt[lastUse[t] + 1] += g.ram(t);
            }
        }
        return m;
    }

    /**
     * The least RAM that works with paging and without recomputation (exact). Stage t must
     * hold node t, its inputs, and node t-1's output if anything needs it later: that output
     * can only be paged out from a stage whose start has it in RAM, and stage t is the first.
     * Everything else can wait on storage and be paged in just before the stage that needs it.
     */
    public static long pagingOnlyBytes(TrainingGraph g) {
        long m = 0;
        for (int t = 0; t < g.size(); t++) {
            long s = g.ram(t);
            boolean prevCounted = false;
            for (int d : g.deps(t)) {
                s += g.ram(d);
                prevCounted |= d == t - 1;
            }
            if (t > 0 && !prevCounted && g.succs(t - 1).length > 0) {
                s += g.ram(t - 1);
            }
            m = Math.max(m, s);
        }
        return m;
    }

    /**
     * The least RAM for which {@code scheduler} finds a schedule with the budget's runtime ratio
     * and switches (searched by bisection between {@link #necessaryBytes} and the exact figure
     * of the plain or paging-only schedule), or -1 when it finds none even at that figure (for
     * example a runtime ratio below 1, or both switches off and too little RAM for plain).
     * Each probe runs the scheduler's repair only, so this is quick but not free.
     */
    public static long achievableBytes(TrainingGraph g, Allowance b, FastScheduler scheduler) {
        long lo = necessaryBytes(g);
        long hi = b.paging() ? pagingOnlyBytes(g) : plainPeakBytes(g);
        if (!scheduler.findsAny(g, b.withRam(hi))) {
            return -1;
        }
        if (!b.remat()) {
            return hi;
        }
        if (scheduler.findsAny(g, b.withRam(lo))) {
            return lo;
        }
        // invariant: lo fails, hi works
        while (hi - lo > Math.max(1, hi / 1000)) {
            long mid = lo + (hi - lo) / 2;
            if (scheduler.findsAny(g, b.withRam(mid))) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /**
     * The least RAM that {@link LowerBounds} does not prove too small for the budget's runtime
     * ratio and switches (bisection; the proof only gets easier with less RAM). No schedule
     * fits below it; with recomputation only it can lie well above {@link #necessaryBytes},
     * because the recomputations needed must fit the runtime budget.
     */
    public static long provenFloorBytes(TrainingGraph g, Allowance b) {
        long lo = necessaryBytes(g) - 1; // proved too small
        long hi = plainPeakBytes(g);
        if (LowerBounds.provablyInfeasible(g, b.withRam(hi))) {
            return -1;
        }
        if (lo < 1 || !LowerBounds.provablyInfeasible(g, b.withRam(lo))) {
            return Math.max(1, lo);
        }
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (LowerBounds.provablyInfeasible(g, b.withRam(mid))) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    static int[] lastUse(TrainingGraph g) {
        int n = g.size();
        int[] last = new int[n];
        for (int i = 0; i < n; i++) {
            int[] s = g.succs(i);
            last[i] = s.length == 0 ? i : s[s.length - 1];
        }
        return last;
    }
}

package org.poetexplorer.solver;

import java.util.function.LongPredicate;
import org.poetexplorer.model.Allowance;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.solver.heuristic.FastScheduler;
import org.poetexplorer.solver.phases.CoverBound;
import org.poetexplorer.solver.phases.StageWindowProof;

/**
 * How little RAM a training step can get by with, so that the app can say "raise RAM to at
 * least X". All figures use the memory accounting of docs/model.md section 4.
 */
public final class MinimalRam {
    private MinimalRam() {
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
     * and switches (searched by bisection between {@link Plans#workingSetFloorBytes} and the exact figure
     * of the plain or paging-only schedule), or -1 when it finds none even at that figure (for
     * example a runtime ratio below 1, or both switches off and too little RAM for plain).
     * Each probe runs the scheduler's repair only, so this is quick but not free.
     */
    public static long achievableBytes(TrainingGraph g, Allowance b, FastScheduler scheduler) {
        long lo = Plans.workingSetFloorBytes(g);
        long hi = b.paging() ? pagingOnlyBytes(g) : Plans.plainPeakBytes(g);
        if (!scheduler.findsAny(g, b.withRam(hi))) {
            return -1;
        }
        if (!b.remat()) {
            return hi;
        }
        if (scheduler.findsAny(g, b.withRam(lo))) {
            return lo;
        }
        return leastThatWorks(lo, hi, 1000, ram -> scheduler.findsAny(g, b.withRam(ram)));
    }

    /**
     * The least RAM that neither {@link CoverBound} nor, on small graphs, {@link StageWindowProof}
     * proves too small for the budget's runtime ratio and switches (bisection; each proof only
     * gets easier with less RAM: a schedule that fits less RAM fits more). No schedule fits below
     * it; with recomputation only it can lie well above {@link Plans#workingSetFloorBytes},
     * because the recomputations needed must fit the runtime budget, and the first and last
     * stages may need more than the largest working set however much is recomputed.
     */
    public static long provenFloorBytes(TrainingGraph g, Allowance b) {
        long lo = Plans.workingSetFloorBytes(g) - 1; // proved too small
        long hi = Plans.plainPeakBytes(g);
        LongPredicate tooSmall = ram -> CoverBound.provesInfeasible(g, b.withRam(ram))
                || StageWindowProof.provesInfeasible(g, b.withRam(ram), () -> false);
        if (tooSmall.test(hi)) {
            return -1;
        }
        if (lo < 1 || !tooSmall.test(lo)) {
            return Math.max(1, lo);
        }
        return leastThatWorks(lo, hi, Long.MAX_VALUE, tooSmall.negate());
    }

    /**
     * Bisection for a property that holds from some RAM on: {@code lo} fails, {@code hi} works;
     * returns a RAM that works and lies within one part in {@code parts} of it (at least a byte)
     * above one that fails.
     */
    private static long leastThatWorks(long lo, long hi, long parts, LongPredicate works) {
        while (hi - lo > Math.max(1, hi / parts)) {
            long mid = lo + (hi - lo) / 2;
            if (works.test(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}

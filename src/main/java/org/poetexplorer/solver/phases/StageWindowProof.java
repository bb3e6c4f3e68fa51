package org.poetexplorer.solver.phases;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

/**
 * A proof that no schedule fits, for small graphs with recomputation: a window of two or three
 * consecutive stages taken alone, with whatever RAM contents suit it at its start, already cannot
 * stay within the RAM budget; or windows that share no stage need more recomputation together
 * than the runtime budget leaves over one plain step.
 *
 * <p><b>Why it is a proof</b> (stage model of docs/model.md section 4). Take any schedule and a
 * window of its stages a to b. Stage b computes node b; every node a stage computes has each
 * input computed earlier in the stage or in RAM at its start (constraint 2). Call K the outputs
 * in RAM at the start of stage b that it reads, and C what it computes: going from b down to 0
 * and choosing, for each output that is needed, "at the start" or "computed here" (whose inputs
 * are then needed too) reaches (K', C') with K' within K and C' within C. A stage t before b
 * likewise: it computes t, and each output the next stage needs at its start was in RAM at the
 * start of t, computed in t, or - with paging - read back from storage during t, which needs the
 * output on storage at the start of t, so written out in an earlier stage from RAM at that
 * stage's start, so the output is at most t-2; what is read back needs nothing of stage t. RAM
 * in use (constraint 7): all of the start is in RAM at once, each computation adds its output,
 * and an output leaves after a computation only when that is its last reader in the stage and
 * it is not kept for the next stage (constraint 6); a page-in does not count in the stage it
 * happens in, a page-out frees nothing. Fewer outputs at the start, fewer computations and fewer
 * outputs kept never raise the RAM in use at any moment: so the enumerated choice (each stage
 * keeping exactly what the next one needs at its start and does not read back, stage b
 * nothing) peaks at most where the schedule peaks in every stage of the window, and its
 * recomputations (each costs its node's runtime) are no more than the schedule's there. Every
 * stage computes at least its own node, so recomputations in windows that share no stage add
 * up within the runtime budget over one plain step (transfer times, when they count, only add
 * to the schedule's). So when a window has no choice within the RAM budget, or the least
 * recomputation of disjoint windows adds up to more than the runtime budget leaves, no schedule
 * exists.
 *
 * <p>The enumeration is exponential in the worst case; it is run on graphs of at most
 * {@link #MAX_NODES} nodes (sets are bit masks) and gives up a window after {@link #MAX_STEPS}
 * steps (that window then proves nothing and adds no recomputation).
 */
public final class StageWindowProof {
    /** Graphs up to this many nodes: every set of nodes is one {@code long}. */
    public static final int MAX_NODES = 63;
    /** Enumeration steps after which a window of stages is given up. */
    static final int MAX_STEPS = 200_000;
    /** The most stages a window takes. */
    public static final int MAX_WINDOW = 3;
    /** Relative slack on the runtime budget, so that rounding never makes the proof too strong. */
    private static final double RUNTIME_SLACK = 1e-9;

    private final TrainingGraph g;
    private final long ramBudget;
    private final double extraRuntime;
    private final boolean paging;
    private final BooleanSupplier stop;
    private final int n;
    private final long[] depMask;
    private final long[] succMask;
    private int steps;
    private boolean ended;

    private StageWindowProof(TrainingGraph g, Budget b, BooleanSupplier stop) {
        this.g = g;
        this.ramBudget = b.ramBytes();
        double plain = g.plainRuntimeS();
        this.extraRuntime = (b.runtimeRatio() - 1) * plain + RUNTIME_SLACK * Math.max(1, plain) * b.runtimeRatio();
        this.paging = b.paging();
        this.stop = stop;
        this.n = g.size();
        this.depMask = new long[n];
        this.succMask = new long[n];
        for (int i = 0; i < n; i++) {
            for (int d : g.deps(i)) {
                depMask[i] |= 1L << d;
                succMask[d] |= 1L << i;
            }
        }
    }

    /** Whether the proof applies: recomputation on, and at most {@link #MAX_NODES} nodes. */
    public static boolean applies(TrainingGraph g, Budget b) {
        return b.remat() && g.size() >= 2 && g.size() <= MAX_NODES;
    }

    /**
     * Whether windows of stages prove that no schedule fits {@code b}: one window fits no
     * choice at all, or windows that share no stage need more recomputation time together than
     * the runtime budget leaves over one plain step (false too when the proof does not apply, or
     * {@code stop} came first). Windows of two stages first, then of three.
     */
    public static boolean provesInfeasible(TrainingGraph g, Budget b, BooleanSupplier stop) {
        if (!applies(g, b)) {
            return false;
        }
        StageWindowProof proof = new StageWindowProof(g, b, stop);
        int n = proof.n;
        double[][] least = new double[MAX_WINDOW + 1][n];
        for (int w = 2; w <= MAX_WINDOW; w++) {
            double[] most = new double[n + MAX_WINDOW]; // most recomputation time disjoint windows from stage a on need
            for (int a = n - w; a >= 0; a--) {
                if (stop.getAsBoolean()) {
                    return false;
                }
                least[w][a] = proof.leastExtra(a, w);
                most[a] = most[a + 1];
                for (int v = 2; v <= w; v++) {
                    if (a + v <= n && !Double.isNaN(least[v][a])) {
                        most[a] = Math.max(most[a], least[v][a] + most[a + v]);
                    }
                }
                if (most[a] > proof.extraRuntime) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The least recomputation time of stages a to a+w-1 taken alone within the RAM budget:
     * infinite when no choice fits, NaN when the enumeration gave up. From the last stage back:
     * for each start of a stage, the least time from it to the window's end.
     */
    private double leastExtra(int a, int w) {
        steps = 0;
        Map<Long, Double> after = Map.of(0L, 0.0); // start of the stage after -> least time from there
        for (int t = a + w - 1; t > a; t--) {
            Map<Long, Double> starts = new HashMap<>();
            for (Map.Entry<Long, Double> e : after.entrySet()) {
                long kept = e.getKey() & ~readBack(t);
                double later = e.getValue();
                if (!run(t, (1L << t) | kept, extraRuntime - later, (start, computed, extra) -> {
                    if (peak(start, computed, kept) <= ramBudget) {
                        starts.merge(start, later + extra, Math::min);
                    }
                    return false;
                })) {
                    return Double.NaN;
                }
            }
            if (starts.isEmpty()) {
                return Double.POSITIVE_INFINITY;
            }
            after = starts;
        }
        double[] least = {Double.POSITIVE_INFINITY};
        for (Map.Entry<Long, Double> e : after.entrySet()) {
            long kept = e.getKey() & ~readBack(a);
            double later = e.getValue();
            if (later >= least[0]) {
                continue;
            }
            if (!run(a, (1L << a) | kept, Math.min(extraRuntime, least[0]) - later, (start, computed, extra) -> {
                if (later + extra < least[0] && peak(start, computed, kept) <= ramBudget) {
                    least[0] = later + extra;
                }
                return least[0] == 0; // none less
            })) {
                return Double.NaN;
            }
            if (least[0] == 0) {
                break;
            }
        }
        return least[0];
    }

    /** With paging, the outputs stage t can read back from storage: 0 to t-2 (none without paging). */
    private long readBack(int t) {
        return paging && t >= 2 ? (1L << (t - 1)) - 1 : 0;
    }

    /** A way a stage can run: its start, what it computes, their recomputation time; true to end the enumeration. */
    private interface Choice {
        boolean take(long start, long computed, double extra);
    }

    /**
     * Every way stage t can provide {@code targets} (node t among them) within the RAM budget at
     * its start and {@code allowed} seconds of recomputation, to {@code choice}; false when it gave
     * up after {@link #MAX_STEPS} steps or was stopped.
     */
    private boolean run(int t, long targets, double allowed, Choice choice) {
        ended = false;
        return enumerate(t, t, targets, 0, 0, 0, 0, allowed, choice);
    }

    /**
     * For the needed outputs from v down to 0: each at the start of stage t or computed in it
     * (then its inputs are needed).
     */
    private boolean enumerate(int t, int v, long needed, long start, long computed, long startBytes, double extra,
            double allowed, Choice choice) {
        long below = v >= 63 ? -1L : (1L << (v + 1)) - 1;
        int top = 63 - Long.numberOfLeadingZeros(needed & below);
        if (top < 0) {
            ended = choice.take(start, computed, extra);
            return true;
        }
        if (++steps > MAX_STEPS || (steps & 1023) == 0 && stop.getAsBoolean()) {
            return false;
        }
        long bit = 1L << top;
        if (top < t && startBytes + g.ram(top) <= ramBudget) {
            if (!enumerate(t, top - 1, needed, start | bit, computed, startBytes + g.ram(top), extra, allowed, choice)) {
                return false;
            }
            if (ended) {
                return true;
            }
        }
        double more = top == t ? 0 : g.runtime(top);
        if (extra + more <= allowed) {
            return enumerate(t, top - 1, needed | depMask[top], start, computed | bit, startBytes, extra + more,
                    allowed, choice);
        }
        return true;
    }

    /**
     * The most RAM stage t uses: its start all in RAM, each computation (in index order) adds its
     * output, and an output leaves after its last reader in the stage unless it is in {@code kept}.
     */
    private long peak(long start, long computed, long kept) {
        long cur = 0;
        for (long s = start; s != 0; s &= s - 1) {
            cur += g.ram(Long.numberOfTrailingZeros(s));
        }
        long peak = 0;
        for (long c = computed; c != 0; c &= c - 1) {
            int k = Long.numberOfTrailingZeros(c);
            cur += g.ram(k);
            peak = Math.max(peak, cur);
            long later = computed & ~((1L << k) | ((1L << k) - 1)); // computed after k
            for (long d = depMask[k]; d != 0; d &= d - 1) {
                int u = Long.numberOfTrailingZeros(d);
                if ((kept & (1L << u)) == 0 && (succMask[u] & later) == 0) {
                    cur -= g.ram(u);
                }
            }
        }
        return peak;
    }
}

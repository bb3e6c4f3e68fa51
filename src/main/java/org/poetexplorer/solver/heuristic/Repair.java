package org.poetexplorer.solver.heuristic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import org.poetexplorer.model.TrainingGraph;

/**
 * Brings a schedule within its RAM budget: while some stage is over, take an output that only
 * passes through that stage (resident, not used there) and page it in where it is next needed,
 * or recompute it there together with the inputs that are not at hand, cheapest energy per
 * byte of the stage's excess first. A step is kept only if the total excess drops and the
 * runtime budget holds.
 */
final class Repair {
    private Repair() {
    }

    /** Largest number of nodes one repair step recomputes together in one stage. */
    private static final int MAX_CHAIN = 12;

    /**
     * One way to get tensor {@code tensor} out of RAM at a stage: page it in where it is next
     * needed ({@code chain} empty), or recompute it there together with the inputs that are not
     * at hand ({@code chain}, ascending; inputs not in it are paged in or kept).
     */
    record Fix(int tensor, int stage, int[] chain, double score) {
        boolean recompute() {
            return chain.length > 0;
        }
    }

    /** Brings every stage within budget by paging or recomputing outputs that pass through it. */
    static boolean run(PlanState s) {
        return run(s, -1, () -> false);
    }

    /**
     * As {@link #run(PlanState)}, never paging or recomputing {@code banned} (-1: none), and
     * giving up when {@code timeUp} says so.
     */
    static boolean run(PlanState s, int banned, BooleanSupplier timeUp) {
        return run(s, i -> i == banned, timeUp);
    }

    /** As {@link #run(PlanState, int, BooleanSupplier)}, never paging or recomputing the outputs {@code banned} names. */
    static boolean run(PlanState s, IntPredicate banned, BooleanSupplier timeUp) {
        Set<Long> tabu = new HashSet<>();
        ChainScratch scratch = new ChainScratch(s.n);
        int maxSteps = 20 * s.n + 100;
        for (int step = 0; step < maxSteps && s.overflowBytes() > 0; step++) {
            if (timeUp.getAsBoolean()) {
                return false;
            }
            int t = s.worstStage();
            List<Fix> fixes = fixesFor(s, t, tabu, banned, scratch);
            boolean applied = false;
            for (Fix f : fixes) {
                long before = s.overflowBytes();
                int m = s.mark();
                apply(s, f);
                s.refresh();
                if (s.overflowBytes() < before && s.runtimeOk()) {
                    applied = true;
                    break;
                }
                s.rollback(m);
                tabu.add(key(s, f));
            }
            if (!applied) {
                return false;
            }
        }
        return s.feasible();
    }

    private static long key(PlanState s, Fix f) {
        return ((long) f.tensor() * s.n + f.stage()) * 2 + (f.recompute() ? 1 : 0);
    }

    private static List<Fix> fixesFor(PlanState s, int t, Set<Long> tabu, IntPredicate banned,
            ChainScratch scratch) {
        List<Fix> fixes = new ArrayList<>();
        long excess = Math.max(1, s.peak[t] - s.ramBudget);
        for (int i = 0; i < t; i++) {
            if (!s.k[t][i] || s.dem[t][i] || banned.test(i)) {
                continue;
            }
            int d = s.nextDemand(i, t);
            if (d < 0) {
                continue;
            }
            double bytes = Math.min(excess, Math.max(1, s.g.ram(i)));
            if (s.paging && !s.pin[d][i]) {
                double cost = s.g.pageInJ(i) + (s.pageIns[i] == 0 ? s.g.pageOutJ(i) : 0);
                Fix f = new Fix(i, d, new int[0], cost / bytes);
                if (!tabu.contains(key(s, f))) {
                    fixes.add(f);
                }
            }
            if (s.remat) {
                Fix f = recomputeFix(s, i, d, t, excess, scratch);
                if (f != null && !tabu.contains(key(s, f))) {
                    fixes.add(f);
                }
            }
        }
        fixes.sort(Comparator.comparingDouble(Fix::score).thenComparingInt(Fix::tensor)
                .thenComparing(Fix::recompute));
        return fixes;
    }

    /**
     * Recomputing i in stage d to relieve stage t: inputs that are not at hand in d are
     * recomputed too when bringing them would itself load stage t (or cost more than computing
     * them), up to {@link #MAX_CHAIN} nodes; the others are paged in (or kept, without paging).
     * {@code w}: work arrays reused from call to call ({@link ChainScratch}).
     */
    static Fix recomputeFix(PlanState s, int i, int d, int t, long excess, ChainScratch w) {
        return recomputeFix(s, i, d, t, excess, MAX_CHAIN, w);
    }

    /**
     * Work arrays of {@link #recomputeFix}, sized to the graph and reused from call to call: a
     * search that asks for thousands of fixes would otherwise spend most of its time on sets of
     * boxed nodes.
     */
    static final class ChainScratch {
        /** Per node, the call that put it in the chain; of {@link #judged}, the call that judged it a bridge. */
        private final int[] inChain;
        private final int[] judged;
        /** Of a node judged a bridge: whether keeping it for stage d would load stage t. */
        private final boolean[] crosses;
        private final int[] work;
        private final int[] chain;
        private int call;

        ChainScratch(int n) {
            inChain = new int[n];
            judged = new int[n];
            crosses = new boolean[n];
            work = new int[n];
            chain = new int[n];
        }
    }

    /**
     * As {@link #recomputeFix(PlanState, int, int, int, long, ChainScratch)}, recomputing up to
     * {@code maxChain} nodes together.
     * Whether an input crosses stage t is decided once per call (it does not change while the
     * chain grows, and the chain only grows, so an input left out once is left out again).
     */
    static Fix recomputeFix(PlanState s, int i, int d, int t, long excess, int maxChain, ChainScratch w) {
        TrainingGraph g = s.g;
        int call = ++w.call;
        int chainSize = 0;
        int members = 1;
        int top = 0;
        w.work[top++] = i;
        w.inChain[i] = call;
        double cost = 0;
        double runtime = 0;
        double relief = g.ram(i);
        while (top > 0) {
            int x = w.work[--top];
            w.chain[chainSize++] = x;
            cost += g.computeJ(x);
            runtime += g.runtime(x);
            for (int j : g.deps(x)) {
                if (w.inChain[j] == call || s.available(d, j)) {
                    continue;
                }
                boolean crosses;
                if (w.judged[j] == call) {
                    crosses = w.crosses[j];
                } else {
                    // j >= t is computed in stage j, from t to before d: an event, no crossing
                    crosses = !s.paging && j < t && !s.k[t][j] && !s.eventIn(j, t, d);
                    w.judged[j] = call;
                    w.crosses[j] = crosses;
                }
                double bridge = s.paging ? g.pageInJ(j) + (s.pageIns[j] == 0 ? g.pageOutJ(j) : 0) : 0;
                if (members < maxChain && (crosses || g.computeJ(j) < bridge)) {
                    w.inChain[j] = call;
                    members++;
                    w.work[top++] = j;
                } else {
                    cost += bridge;
                    if (crosses) {
                        relief -= g.ram(j);
                    }
                }
            }
        }
        if (relief <= 0 || s.runtimeS() + runtime > s.runtimeLimit) {
            return null;
        }
        int[] c = Arrays.copyOf(w.chain, chainSize);
        Arrays.sort(c);
        return new Fix(i, d, c, cost / Math.min(excess, relief));
    }

    /** Makes the fix's decisions (the caller refreshes and judges). */
    static void apply(PlanState s, Fix f) {
        if (!f.recompute()) {
            s.setPin(f.stage(), f.tensor(), true);
            return;
        }
        int d = f.stage();
        for (int x : f.chain()) {
            for (int j : s.g.deps(x)) {
                if (!s.available(d, j) && Arrays.binarySearch(f.chain(), j) < 0) {
                    s.setPin(d, j, s.paging);
                }
            }
        }
        for (int x : f.chain()) {
            s.setR(d, x, true);
        }
    }
}

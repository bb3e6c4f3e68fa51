package org.poetexplorer.solver.heuristic;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.StagePlan;

/**
 * A first valid schedule for any graph shape, in time and memory that grow with the schedule
 * rather than with the square of the graph: walk the stages in order and, at each stage
 * boundary, keep in RAM what the next stage can afford, evicting the other outputs by a score;
 * an evicted output that a later stage reads comes back by recomputation (its missing inputs
 * recomputed too, recursively) or, with paging, by a page-in of a copy written earlier.
 *
 * <p>Why it is valid. Stage t's peak is decided at the boundary before it: the outputs kept into
 * t sit in RAM for the whole stage unless t reads them, so evicting one that t does not read
 * lowers every point of the stage by exactly its size. The peak is computed assuming every output
 * with a later reader is kept into t+1; dropping more at the next boundary only frees earlier, so
 * the figure is an upper bound. The finished plan is replayed ({@link PlanReplay}) all the same
 * and only a valid one is returned.
 *
 * <p>Several walks are tried, the cheapest valid plan wins: each eviction score of
 * {@link Ranking}, with and without keeping the inputs of an output evicted for recomputation
 * in RAM until it is needed again (recomputing it then takes one step rather than a chain, at
 * the price of their RAM). The cost of bringing an output back counts every input that is gone
 * by then, recursively, and what the outputs already evicted to be recomputed from it cost.
 */
public final class ForwardScheduler {

    /** How the outputs that may leave RAM at a boundary are ranked: the lowest score leaves first. */
    enum Ranking {
        /** Cost to bring back per byte freed per stage until the next read (DTR-like, with Belady's distance). */
        COST_PER_BYTE_STAGE,
        /** Cost to bring back per byte freed. */
        COST_PER_BYTE,
        /** Farthest next read first (Belady). */
        FARTHEST_READ,
        /** As the first, with the distance squared: favours outputs read much later. */
        COST_PER_BYTE_STAGE_SQUARED
    }

    private ForwardScheduler() {
    }

    /** The cheapest valid plan the walks give, or empty when none of them finds one (or {@code stop} says so). */
    public static Optional<StagePlan> schedule(TrainingGraph g, Budget b, BooleanSupplier stop) {
        return schedule(g, b, stop, plan -> { });
    }

    /**
     * As {@link #schedule(TrainingGraph, Budget, BooleanSupplier)}, handing each valid plan that
     * is cheaper than those before it to {@code onBetter} as soon as its walk ends, so that a first
     * schedule is at hand before the other walks run. {@code stop} is polled at every stage: a walk
     * cut short gives nothing, the best plan of the finished walks is kept. When transfers take
     * time, the replay that keeps a plan counts them, but the walks weigh compute time only: when
     * none of their plans fits, the walks are tried again without paging (such a plan is valid
     * under the budget as given).
     */
    public static Optional<StagePlan> schedule(TrainingGraph g, Budget b, BooleanSupplier stop,
            Consumer<StagePlan> onBetter) {
        Optional<StagePlan> best = walks(g, b, stop, onBetter);
        if (best.isEmpty() && b.transfersTakeTime() && b.paging() && !stop.getAsBoolean()) {
            return walks(g, b.withPaging(false), stop, onBetter);
        }
        return best;
    }

    private static Optional<StagePlan> walks(TrainingGraph g, Budget b, BooleanSupplier stop,
            Consumer<StagePlan> onBetter) {
        StagePlan best = null;
        double bestEnergy = Double.POSITIVE_INFINITY;
        for (boolean keepInputs : new boolean[] {true, false}) {
            for (Ranking ranking : Ranking.values()) {
                if (stop.getAsBoolean()) {
                    return Optional.ofNullable(best);
                }
                StagePlan plan = new Walk(g, b, ranking, keepInputs).run(stop);
                PlanReplay replay = plan == null ? null : PlanReplay.of(g, b, plan);
                if (replay != null && replay.valid() && replay.energyJ() < bestEnergy) {
                    bestEnergy = replay.energyJ();
                    best = plan;
                    onBetter.accept(plan);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** One walk through the stages under one ranking. */
    private static final class Walk {
        private final TrainingGraph g;
        private final Budget b;
        private final Ranking ranking;
        private final boolean keepInputs;
        private final int n;
        /** The last stage that needs each output: its last reader, or later when an evicted reader will be recomputed from it. */
        private final int[] horizon;
        private final StagePlan.Builder plan;

        /** Outputs in RAM at the current boundary (candidates to keep), and their membership. */
        private IntList resident = new IntList();
        private final boolean[] inRam;
        private final boolean[] stored;
        /** First stage of an output's current stay in RAM at stage starts (where a page-out may go). */
        private final int[] residentSince;
        /** Per node, the stage whose closure recomputes it / pins it / drops it after the stage. */
        private final int[] recomputedIn;
        private final int[] pinnedIn;
        private final int[] droppedAfter;
        private final int[] lastUseInStage;
        private final IntList recomputed = new IntList();
        private final IntList pagedIn = new IntList();
        private final IntList work = new IntList();
        private final IntList costWork = new IntList();
        /** Per output: what the evicted outputs to be recomputed from it cost, so evicting it too costs that as well. */
        private final double[] reliedOnJ;
        private final int[] costSeen;
        private int closureStamp;
        private double runtime;

        Walk(TrainingGraph g, Budget b, Ranking ranking, boolean keepInputs) {
            this.keepInputs = keepInputs;
            this.g = g;
            this.b = b;
            this.ranking = ranking;
            this.n = g.size();
            this.horizon = new int[n];
            for (int i = 0; i < n; i++) {
                horizon[i] = Plans.lastReader(g, i);
            }
            this.plan = StagePlan.builder(n);
            this.inRam = new boolean[n];
            this.stored = new boolean[n];
            this.residentSince = new int[n];
            this.recomputedIn = new int[n];
            this.pinnedIn = new int[n];
            this.droppedAfter = new int[n];
            this.lastUseInStage = new int[n];
            this.costSeen = new int[n];
            this.reliedOnJ = new double[n];
            Arrays.fill(recomputedIn, -1);
            Arrays.fill(pinnedIn, -1);
            Arrays.fill(droppedAfter, -1);
        }

        /** The walk's plan, or null when a stage cannot be made to fit, the runtime budget is passed or {@code stop} says so. */
        StagePlan run(BooleanSupplier stop) {
            double runtimeLimit = b.runtimeRatio() * g.plainRuntimeS();
            for (int t = 0; t < n; t++) {
                if (stop.getAsBoolean() || !gatherInputs(t) || !fitStage(t)) {
                    return null;
                }
                record(t);
                if (runtime > runtimeLimit * (1 + 1e-12)) {
                    return null;
                }
            }
            return plan.build();
        }

        /**
         * What stage t computes besides node t: every input missing from RAM is paged in at the end
         * of the stage before (when a copy is stored and that is cheaper) or recomputed, and so on
         * for the inputs of what is recomputed. Inputs found in RAM are pinned: they must stay.
         */
        private boolean gatherInputs(int t) {
            recomputed.clear();
            pagedIn.clear();
            work.clear();
            work.add(t);
            while (work.size() > 0) {
                int x = work.removeLast();
                for (int d : g.deps(x)) {
                    if (inRam[d]) {
                        pinnedIn[d] = t;
                    } else if (recomputedIn[d] != t) {
                        if (b.paging() && stored[d] && (!b.remat() || g.pageInJ(d) <= recomputeCostJ(d, t))) {
                            inRam[d] = true;
                            resident.add(d);
                            residentSince[d] = t;
                            pinnedIn[d] = t;
                            pagedIn.add(d);
                        } else if (b.remat()) {
                            recomputedIn[d] = t;
                            recomputed.add(d);
                            work.add(d);
                        } else {
                            return false;
                        }
                    }
                }
            }
            recomputed.sort();
            return true;
        }

        /**
         * Evicts outputs that stage t does not read until its peak fits; when that is not enough,
         * also frees after their last read in the stage the outputs it reads or recomputes.
         */
        private boolean fitStage(int t) {
            long over = peak(t) - b.ramBytes();
            if (over <= 0) {
                return true;
            }
            IntList movable = new IntList();
            for (int q = 0; q < resident.size(); q++) {
                int x = resident.get(q);
                if (pinnedIn[x] != t && canLeave(x, t)) {
                    movable.add(x);
                }
            }
            double[] score = new double[movable.size()];
            Integer[] order = new Integer[movable.size()];
            for (int q = 0; q < order.length; q++) {
                order[q] = q;
                score[q] = score(movable.get(q), t);
            }
            Arrays.sort(order, (p, q) -> Double.compare(score[p], score[q]));
            boolean[] leaves = new boolean[order.length];
            long freed = 0;
            int taken = 0;
            while (taken < order.length && freed < over) {
                int q = order[taken++];
                leaves[q] = true;
                freed += g.ram(movable.get(q));
            }
            // put back the dearest of those taken that the stage can still afford
            for (int p = taken - 1; p >= 0; p--) {
                int q = order[p];
                long size = g.ram(movable.get(q));
                if (freed - size >= over) {
                    leaves[q] = false;
                    freed -= size;
                }
            }
            for (int q = 0; q < order.length; q++) {
                if (leaves[q]) {
                    evict(movable.get(q), t);
                }
            }
            if (freed >= over) {
                return true;
            }
            // outputs in RAM at the start of the stage may be written now and read back later
            for (int q = 0; q < resident.size(); q++) {
                int x = resident.get(q);
                if (inRam[x] && (b.remat() || stored[x] || writeCopy(x, t + 1))) {
                    droppedAfter[x] = t;
                }
            }
            if (b.remat()) {
                for (int q = 0; q < recomputed.size(); q++) {
                    droppedAfter[recomputed.get(q)] = t;
                }
            }
            for (int q = 0; q < resident.size(); q++) {
                int x = resident.get(q);
                if (droppedAfter[x] == t && !stored[x]) {
                    keepInputsFor(x);
                }
            }
            return peak(t) <= b.ramBytes();
        }

        /** Whether x may leave RAM at the boundary before stage t: it can come back when read again. */
        private boolean canLeave(int x, int t) {
            return b.remat() || stored[x] || residentSince[x] < t;
        }

        /** Takes x out of RAM before stage t; with paging, a copy is written first when paging is its way back. */
        private void evict(int x, int t) {
            double recompute = b.remat() ? recomputeCostJ(x, t) : Double.POSITIVE_INFINITY;
            inRam[x] = false;
            if (!stored[x] && g.pageInJ(x) + g.pageOutJ(x) <= recompute && writeCopy(x, t)) {
                return;
            }
            if (!stored[x]) {
                keepInputsFor(x);
            }
        }

        /** x will be recomputed when read again: with {@code keepInputs}, its inputs in RAM stay as long as x is needed. */
        private void keepInputsFor(int x) {
            double cost = g.computeJ(x) + reliedOnJ[x];
            for (int d : g.deps(x)) {
                if (inRam[d]) {
                    reliedOnJ[d] += cost;
                    if (keepInputs) {
                        horizon[d] = Math.max(horizon[d], horizon[x]);
                    }
                }
            }
        }

        /**
         * Writes x to storage at the start of its current stay in RAM, when paging is on and that
         * stay began before stage {@code before}; says whether a copy is now stored.
         */
        private boolean writeCopy(int x, int before) {
            if (stored[x] || !b.paging() || residentSince[x] >= before) {
                return stored[x];
            }
            int s = residentSince[x];
            plan.setMOut(s, x, true).store(x, s + 1, n - 1, true);
            stored[x] = true;
            return true;
        }

        /** The stage's peak RAM, with every output that has a later reader kept for the next stage unless dropped. */
        private long peak(int t) {
            long mem = 0;
            for (int q = 0; q < resident.size(); q++) {
                int x = resident.get(q);
                if (inRam[x]) {
                    mem += g.ram(x);
                }
            }
            for (int q = 0; q < recomputed.size(); q++) {
                markReads(recomputed.get(q));
            }
            markReads(t);
            long peak = mem;
            for (int q = 0; q <= recomputed.size(); q++) {
                int k = q < recomputed.size() ? recomputed.get(q) : t;
                mem += g.ram(k);
                peak = Math.max(peak, mem);
                for (int d : g.deps(k)) {
                    if (lastUseInStage[d] == k && !keptAfter(d, t)) {
                        mem -= g.ram(d);
                    }
                }
            }
            return peak;
        }

        private void markReads(int k) {
            for (int d : g.deps(k)) {
                lastUseInStage[d] = k;
            }
        }

        private boolean keptAfter(int x, int t) {
            return horizon[x] > t && droppedAfter[x] != t;
        }

        /** Writes stage t's decisions and moves the boundary on to stage t+1. */
        private void record(int t) {
            IntList next = new IntList();
            for (int q = 0; q < resident.size(); q++) {
                int x = resident.get(q);
                if (!inRam[x]) {
                    continue;
                }
                plan.setSRam(t, x, true);
                if (keptAfter(x, t)) {
                    next.add(x);
                } else {
                    inRam[x] = false;
                }
            }
            for (int q = 0; q < pagedIn.size(); q++) {
                plan.setMIn(t - 1, pagedIn.get(q), true);
            }
            for (int q = 0; q <= recomputed.size(); q++) {
                int k = q < recomputed.size() ? recomputed.get(q) : t;
                plan.setR(t, k, true);
                if (k != t) {
                    for (int d : g.deps(k)) {
                        reliedOnJ[d] = 0;
                    }
                }
                runtime += g.runtime(k);
                if (keptAfter(k, t)) {
                    inRam[k] = true;
                    residentSince[k] = t + 1;
                    next.add(k);
                }
            }
            resident = next;
        }

        /**
         * Energy to bring x back by recomputation at its next read after stage t: x and every
         * input, recursively, that is out of RAM now or gone by then.
         */
        private double recomputeCostJ(int x, int t) {
            int read = nextRead(x, t);
            closureStamp++;
            double e = 0;
            costWork.clear();
            costWork.add(x);
            costSeen[x] = closureStamp;
            while (costWork.size() > 0) {
                int y = costWork.removeLast();
                e += g.computeJ(y) + reliedOnJ[y];
                for (int d : g.deps(y)) {
                    if (costSeen[d] != closureStamp && (!inRam[d] || horizon[d] < read)) {
                        costSeen[d] = closureStamp;
                        costWork.add(d);
                    }
                }
            }
            return e;
        }

        /** The cheapest way back for x, by the allowed means. */
        private double returnCostJ(int x, int t) {
            double cost = Double.POSITIVE_INFINITY;
            if (b.remat()) {
                cost = recomputeCostJ(x, t);
            }
            if (b.paging() && (stored[x] || residentSince[x] < t)) {
                cost = Math.min(cost, g.pageInJ(x) + (stored[x] ? 0 : g.pageOutJ(x)));
            }
            return cost;
        }

        /** The first reader of x after stage t (t itself does not read it), or x's last reader. */
        private int nextRead(int x, int t) {
            int[] readers = g.succs(x);
            if (readers.length == 0 || readers[readers.length - 1] <= t) {
                return Math.max(horizon[x], t + 1);
            }
            int lo = 0;
            int hi = readers.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (readers[mid] > t) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return readers[lo];
        }

        private double score(int x, int t) {
            double bytes = Math.max(1, g.ram(x));
            double distance = Math.max(1, nextRead(x, t) - t);
            double cost = returnCostJ(x, t) + 1e-300;
            return switch (ranking) {
                case COST_PER_BYTE_STAGE -> cost / (bytes * distance);
                case COST_PER_BYTE -> cost / bytes;
                case FARTHEST_READ -> -distance;
                case COST_PER_BYTE_STAGE_SQUARED -> cost / (bytes * distance * distance);
            };
        }
    }

    /** A growable list of ints. */
    private static final class IntList {
        private int[] items = new int[8];
        private int size;

        void add(int v) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = v;
        }

        int get(int q) {
            return items[q];
        }

        int size() {
            return size;
        }

        int removeLast() {
            return items[--size];
        }

        void clear() {
            size = 0;
        }

        void sort() {
            Arrays.sort(items, 0, size);
        }
    }
}

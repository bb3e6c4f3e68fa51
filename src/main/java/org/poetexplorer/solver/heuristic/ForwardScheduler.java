package org.poetexplorer.solver.heuristic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
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
 * the figure is an upper bound, and it is kept as each stage's recorded peak. An output may also
 * be brought back into RAM for stages already walked (kept from the stage it left to the current
 * one, so that an output evicted now is recomputed from it in one step rather than from a long
 * chain of recomputed ancestors): the stages between neither read nor compute it, so each of them
 * gains exactly its size, and the stage it left at most its size; it is done only when every
 * recorded peak of those stages plus its size is within the budget, and their recorded peaks are
 * raised by it, so they stay upper bounds. The finished plan is replayed ({@link PlanReplay}) all
 * the same and only a valid one is returned.
 *
 * <p>Several walks are tried, the cheapest valid plan wins: each eviction score of
 * {@link Ranking}, with and without keeping the inputs of an output evicted for recomputation
 * in RAM until it is needed again (recomputing it then takes one step rather than a chain, at
 * the price of their RAM). The cost of bringing an output back counts every input that is gone
 * by then, recursively, and what the outputs already evicted to be recomputed from it cost; each
 * output is scored by the cheaper of that chain and a short one from outputs kept or brought back
 * for it. A recomputation that would pass the runtime budget (with the plain compute time of the
 * stages left), or whose chain holds more bytes than the RAM budget, is ranked last.
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

    /** Most nodes one eviction may plan to recompute together from outputs kept for it ({@code Walk.evictViaInputs}). */
    private static final int CHAIN = 12;
    /** How many nodes of a recomputation's closure the first scoring of an output that follows it does ({@code Walk.Ranked}). */
    private static final int FIRST_CLOSURE = 16;
    /** How many times longer each further scoring of the same output follows its closure. */
    private static final int CLOSURE_GROWTH = 8;
    /** A node cap that follows a closure to its end. */
    private static final int WHOLE_CLOSURE = Integer.MAX_VALUE;
    /** Share of the budget by which each step of {@code withHeadroom} lowers what a stage is fitted to. */
    private static final double HEADROOM_STEP = 0.02;
    /**
     * Steps of {@code withHeadroom} after fitting to the budget: stages fitted down to 88 % of it.
     * Ten steps (80 %) left the 2 s anytime sweep's n = 1000 width 0.38 seed 5 at 0.8 remat-only no
     * time for the search over the budget after them; three (94 %) lost n = 1000 width 0.44 seed 1
     * at 0.8, whose plan comes from a later headroom walk (at 0.9 to 1.2 s with six or ten steps,
     * none in 2 s with three). With six, on the sweep's 120 remat-only cases of 500 and 1,000 nodes
     * at 0.8 and 0.85, both get a schedule within 2 s (in 4 of 5 runs for the first, near 1.87 s)
     * and only the three cases no step count reached are left without one.
     */
    private static final int HEADROOM_STEPS = 6;
    /** Share of the budget by which each step of {@code overBudgetStart} raises what the walk fits stages to. */
    private static final double OVER_BUDGET_STEP = 0.03;
    /** Steps of {@code overBudgetStart}: stages fitted to at most 130 % of the budget. */
    private static final int OVER_BUDGET_STEPS = 10;
    /** Rounds of evictions at one boundary before a stage is fitted by freeing what it reads ({@code Walk.dropAfterStage}). */
    private static final int FIT_ROUNDS = 3;

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
        return schedule(g, b, stop, onBetter, null);
    }

    /** What the first walk of {@link #schedule} gave: its plan, or null when it found none. */
    public record FirstWalk(StagePlan plan) {
    }

    /**
     * The first walk of {@link #schedule} alone (walks with chains, inputs kept, the first
     * ranking): on large graphs a first schedule before the slower phases run.
     */
    public static FirstWalk firstWalk(TrainingGraph g, Budget b, BooleanSupplier stop) {
        StagePlan plan = new Walk(g, b, Ranking.values()[0], true, true, false).run(stop);
        return new FirstWalk(plan);
    }

    /**
     * As {@link #schedule(TrainingGraph, Budget, BooleanSupplier, Consumer)}, with the first
     * walk's outcome already known ({@link #firstWalk}; null: not walked yet), so it is not walked
     * again; its plan, when valid and the cheapest so far, is handed to {@code onBetter} again.
     */
    public static Optional<StagePlan> schedule(TrainingGraph g, Budget b, BooleanSupplier stop,
            Consumer<StagePlan> onBetter, FirstWalk first) {
        Optional<StagePlan> best = walks(g, b, stop, onBetter, first);
        if (best.isEmpty() && retryWithoutPaging(b, stop)) {
            return walks(g, b.withPaging(false), stop, onBetter, null);
        }
        return best;
    }

    /**
     * Whether walks that found nothing are tried again without paging: when transfers take time
     * (the walks weigh compute time only, the replay that keeps a plan counts transfers too).
     */
    private static boolean retryWithoutPaging(Budget b, BooleanSupplier stop) {
        return b.transfersTakeTime() && b.paging() && !stop.getAsBoolean();
    }

    private static Optional<StagePlan> walks(TrainingGraph g, Budget b, BooleanSupplier stop,
            Consumer<StagePlan> onBetter, FirstWalk first) {
        StagePlan best = null;
        double[] bestEnergy = {Double.POSITIVE_INFINITY};
        for (boolean chains : new boolean[] {true, false}) {
            if (best != null) {
                break; // the walks without chains from kept outputs are the fallback
            }
            best = family(g, b, chains, stop, bestEnergy, onBetter, chains ? first : null);
        }
        if (best == null) {
            best = withHeadroom(g, b, stop);
            if (best != null) {
                onBetter.accept(best);
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The fallback when no walk finds a plan: walks that keep an input a stage lacks in RAM from
     * the stage it left rather than recompute it ({@code Walk.keepBack}), first fitting every
     * stage to the budget, then below it by a growing margin ({@link #HEADROOM_STEP} of it at a
     * time, at most {@link #HEADROOM_STEPS} steps), so that the recorded peaks leave room to keep
     * inputs back later (a walk fitted to the budget leaves its recorded peaks at the budget
     * wherever it was tight, and nothing can be kept back through them); the first valid plan, or
     * null. On generated graphs at 0.8 remat-only (250 to 1,000 nodes, widths 0.2 to 0.5) where
     * every walk of before ran out of RAM or runtime (a stage recomputing 125 to 300 nodes), most
     * get a plan from one of these.
     */
    private static StagePlan withHeadroom(TrainingGraph g, Budget b, BooleanSupplier stop) {
        if (!b.remat()) {
            return null;
        }
        for (int step = 0; step <= HEADROOM_STEPS; step++) {
            long fit = (long) (b.ramBytes() * (1 - step * HEADROOM_STEP));
            for (boolean keepInputs : new boolean[] {false, true}) {
                if (stop.getAsBoolean()) {
                    return null;
                }
                Walk w = new Walk(g, b, Ranking.COST_PER_BYTE_STAGE, keepInputs, true, true);
                w.fitBytes = fit;
                StagePlan plan = w.run(stop);
                if (plan != null && PlanReplay.of(g, b, plan).valid()) {
                    return plan;
                }
            }
        }
        return null;
    }

    /**
     * A start for {@link OverBudgetSearch} when no walk finds a plan: a headroom fallback walk
     * ({@code Walk.keepBack}) that leaves a stage it cannot fit over what it fits to and goes on
     * rather than giving up, fitting to the budget and then to more by {@link #OVER_BUDGET_STEP}
     * of it at a time (at most {@link #OVER_BUDGET_STEPS} steps): fitting tight stages by
     * recomputation is what runs such walks out of runtime. The first plan within the runtime
     * budget, or null. Its stages may be over the budget (by more than the step: those it could
     * not fit are left as they are).
     */
    static StagePlan overBudgetStart(TrainingGraph g, Budget b, BooleanSupplier stop) {
        for (int step = 0; step <= OVER_BUDGET_STEPS; step++) {
            if (stop.getAsBoolean()) {
                return null;
            }
            Budget raised = b.withRam((long) (b.ramBytes() * (1 + step * OVER_BUDGET_STEP)));
            Walk w = new Walk(g, raised, Ranking.COST_PER_BYTE_STAGE, false, true, true);
            w.overBudgetAllowed = true;
            StagePlan plan = w.run(stop);
            if (plan != null) {
                return plan;
            }
        }
        return null;
    }

    /**
     * Starts for an improving search: the cheapest valid plan of the walks with chains from kept
     * outputs and that of the walks without, each when one exists. The two families' plans differ
     * in kind, and which one improves further is not told by their own energies (on a generated
     * 100-node graph at 0.8 remat-only the plain walks' plan was 1.44x plain against 1.07x, and
     * improved to 1.04x against 1.07x). The cheaper first; when neither family finds a plan, they
     * are tried again without paging as {@link #schedule} does.
     */
    public static List<StagePlan> starts(TrainingGraph g, Budget b, BooleanSupplier stop) {
        List<StagePlan> starts = bothFamilies(g, b, stop);
        if (starts.isEmpty()) {
            StagePlan plan = withHeadroom(g, b, stop);
            if (plan != null) {
                starts = List.of(plan);
            }
        }
        if (starts.isEmpty() && retryWithoutPaging(b, stop)) {
            return bothFamilies(g, b.withPaging(false), stop);
        }
        return starts;
    }

    private static List<StagePlan> bothFamilies(TrainingGraph g, Budget b, BooleanSupplier stop) {
        double[] withChains = {Double.POSITIVE_INFINITY};
        double[] without = {Double.POSITIVE_INFINITY};
        StagePlan chained = family(g, b, true, stop, withChains, p -> { }, null);
        StagePlan plain = family(g, b, false, stop, without, p -> { }, null);
        List<StagePlan> starts = new ArrayList<>();
        for (StagePlan p : without[0] < withChains[0] ? new StagePlan[] {plain, chained}
                : new StagePlan[] {chained, plain}) {
            if (p != null) {
                starts.add(p);
            }
        }
        return starts;
    }

    /**
     * The cheapest valid plan of one family's walks under {@code bestEnergy[0]} (lowered as they
     * go), or null; {@code first}, when not null, is the outcome of its first walk.
     */
    private static StagePlan family(TrainingGraph g, Budget b, boolean chains, BooleanSupplier stop,
            double[] bestEnergy, Consumer<StagePlan> onBetter, FirstWalk first) {
        StagePlan best = null;
        for (boolean keepInputs : new boolean[] {true, false}) {
            for (Ranking ranking : Ranking.values()) {
                if (stop.getAsBoolean()) {
                    return best;
                }
                boolean walked = first != null && keepInputs && ranking == Ranking.values()[0];
                StagePlan plan = walked ? first.plan() : new Walk(g, b, ranking, keepInputs, chains, false).run(stop);
                PlanReplay replay = plan == null ? null : PlanReplay.of(g, b, plan);
                if (replay != null && replay.valid() && replay.energyJ() < bestEnergy[0]) {
                    bestEnergy[0] = replay.energyJ();
                    best = plan;
                    onBetter.accept(plan);
                }
            }
        }
        return best;
    }

    /**
     * One walk's plan, or null when it finds none; with {@code scoreInFull} every output is
     * scored on its whole closure, as before the scoring was made lazy ({@code Walk.Ranked}),
     * which must give the same plan.
     */
    static StagePlan walk(TrainingGraph g, Budget b, Ranking ranking, boolean keepInputs, boolean chains,
            boolean keepBack, boolean scoreInFull) {
        Walk w = new Walk(g, b, ranking, keepInputs, chains, keepBack);
        w.firstClosure = scoreInFull ? WHOLE_CLOSURE : 0;
        return w.run(() -> false);
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
        /** Of the last {@link #recomputeCostJ}: the closure's compute time, and the bytes of its nodes other than x. */
        private double closureRuntime;
        private long closureBytes;
        /** Of the last {@link #recomputeCostJ} and {@link #returnCostJ}: whether the closure was cut before its end. */
        private boolean closureCut;
        /** Of the last {@link #score}: whether it is the score rather than a lower bound on it. */
        private boolean scoreExact;
        /** Compute time of the stages from t on, each computing its own node once: what the walk must still spend. */
        private final double[] plainFrom;
        private final double runtimeLimit;
        private double runtime;
        /** Per node, the last stage it was in RAM in (resident or computed), and the last stage that computed it; -1: none yet. */
        private final int[] lastInRam;
        private final int[] computedAt;
        /** Per node, the stage at whose start it was last evicted (it is then still listed as resident there). */
        private final int[] evictedIn;
        /** An upper bound on each recorded stage's peak, raised as outputs are kept through it afterwards. */
        private final PeakTree peaks;
        /** Of the last ranking: per output, whether it leaves to be recomputed from inputs kept for it, and the bytes that frees. */
        private final boolean[] viaInputs;
        /** Of the last {@link #evictViaInputs}: its recomputation's energy and time. */
        private double chainJ;
        private double chainS;
        private final long[] freesBytes;

        /**
         * Whether an output may be evicted to be recomputed from outputs kept or brought back for
         * it, recomputations too long or too wide are ranked last, and a stage is fitted by
         * freeing as few outputs after their last read as fit it; without, the plain walks of
         * before (each recomputation ranked by its energy alone), run when these find nothing.
         */
        private final boolean chains;

        /**
         * Whether an input a stage needs that is out of RAM is kept in RAM from the stage it left
         * instead ({@link #canBringBack}), when the stages between can afford it, before it is
         * paged in or recomputed: keeping costs no energy, and a recomputation recomputes the
         * inputs it lacks too, which on general graphs reaches back through hundreds of nodes in
         * one stage (a generated 250-node graph at 0.8 remat-only: 125 nodes recomputed in stage
         * 225, over the budget). Used when the walks without it find nothing ({@link #withHeadroom}).
         */
        private final boolean keepBack;
        /** How much of each closure an output's first scoring follows ({@link Ranked}): 0, or the whole of it in tests. */
        private int firstClosure;
        /**
         * What each stage is fitted to: the budget, or less to leave room in the recorded peaks
         * for inputs kept back later ({@link #withHeadroom}); those are kept back up to the budget.
         */
        private long fitBytes;
        /** Whether a stage that cannot be made to fit is left over the budget and the walk goes on ({@link #overBudgetStart}). */
        private boolean overBudgetAllowed;

        Walk(TrainingGraph g, Budget b, Ranking ranking, boolean keepInputs, boolean chains, boolean keepBack) {
            this.keepBack = keepBack;
            this.fitBytes = b.ramBytes();
            this.chains = chains;
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
            this.plainFrom = new double[n + 1];
            for (int i = n - 1; i >= 0; i--) {
                plainFrom[i] = plainFrom[i + 1] + g.runtime(i);
            }
            this.runtimeLimit = b.runtimeRatio() * g.plainRuntimeS();
            this.lastInRam = new int[n];
            this.computedAt = new int[n];
            Arrays.fill(lastInRam, -1);
            Arrays.fill(computedAt, -1);
            this.evictedIn = new int[n];
            Arrays.fill(evictedIn, -1);
            this.peaks = new PeakTree(n);
            this.viaInputs = new boolean[n];
            this.freesBytes = new long[n];
            Arrays.fill(recomputedIn, -1);
            Arrays.fill(pinnedIn, -1);
            Arrays.fill(droppedAfter, -1);
        }

        /**
         * The walk's plan, or null when a stage cannot be made to fit, the runtime budget is passed
         * (known as soon as the time spent and the plain time of the stages left pass it: that
         * sum is at most the walk's final runtime, and the margin is far above the rounding of
         * either sum) or {@code stop} says so.
         */
        StagePlan run(BooleanSupplier stop) {
            for (int t = 0; t < n; t++) {
                if (stop.getAsBoolean() || !gatherInputs(t) || !fitStage(t) && !overBudgetAllowed) {
                    return null;
                }
                record(t);
                if (runtime + plainFrom[t + 1] > runtimeLimit * (1 + 1e-9)) {
                    return null; // every stage left computes its own node at least: the budget would be passed
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
                        if (stored[d] && pagingIsTheWayBack(d, t)) {
                            inRam[d] = true;
                            resident.add(d);
                            residentSince[d] = t;
                            pinnedIn[d] = t;
                            pagedIn.add(d);
                        } else if (keepBack && canBringBack(d, t)) {
                            bringBack(d, t);
                            pinnedIn[d] = t;
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
            for (int round = 0; round < (chains ? FIT_ROUNDS : 1); round++) {
                long over = peak(t) - fitBytes;
                if (over <= 0) {
                    return true;
                }
                IntList movable = new IntList();
                for (int q = 0; q < resident.size(); q++) {
                    int x = resident.get(q);
                    if (inRam[x] && pinnedIn[x] != t && canLeave(x, t)) {
                        movable.add(x);
                    }
                }
                if (movable.size() == 0) {
                    break;
                }
                Ranked order = new Ranked(movable, t);
                IntList leaving = new IntList();
                long freed = 0;
                while (leaving.size() < order.size() && freed < over) {
                    int x = order.get(leaving.size());
                    leaving.add(x);
                    freed += freesBytes[x];
                }
                boolean[] leaves = new boolean[leaving.size()];
                Arrays.fill(leaves, true);
                // put back the dearest of those taken that the stage can still afford
                for (int q = leaving.size() - 1; q >= 0; q--) {
                    long size = freesBytes[order.get(q)];
                    if (freed - size >= over) {
                        leaves[q] = false;
                        freed -= size;
                    }
                }
                for (int q = 0; q < leaves.length; q++) {
                    if (leaves[q]) {
                        int x = order.get(q);
                        if (viaInputs[x]) {
                            evictViaInputs(x, t, true);
                        } else {
                            evict(x, t);
                        }
                    }
                }
            }
            if (peak(t) <= fitBytes) {
                return true;
            }
            return chains ? dropAfterStage(t) : dropAllAfterStage(t);
        }

        /** The plain walks' way to fit a stage that eviction cannot: every output it reads or recomputes is freed after its last read in it. */
        private boolean dropAllAfterStage(int t) {
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
            return peak(t) <= fitBytes;
        }

        /**
         * When evicting at the boundary is not enough: outputs the stage reads or recomputes are
         * freed after their last read in it rather than kept for the next stage, cheapest way back
         * first, as few as make the peak fit (dropping more never raises it: found by doubling the
         * count until it fits, then bisection, so that only the outputs up to about twice that
         * count are ranked).
         */
        private boolean dropAfterStage(int t) {
            IntList droppable = new IntList();
            for (int q = 0; q < resident.size(); q++) {
                int x = resident.get(q);
                if (inRam[x] && keptAfter(x, t) && (b.remat() || stored[x] || canLeave(x, t + 1))) {
                    droppable.add(x);
                }
            }
            if (b.remat()) {
                for (int q = 0; q < recomputed.size(); q++) {
                    int k = recomputed.get(q);
                    if (keptAfter(k, t)) {
                        droppable.add(k);
                    }
                }
            }
            Ranked order = new Ranked(droppable, t + 1);
            if (!fitsDropping(order, order.size(), t)) {
                return false;
            }
            int lo = 0; // fewer than lo do not fit
            int hi = Math.min(1, order.size()); // hi fit, once the doubling ends
            while (hi < order.size() && !fitsDropping(order, hi, t)) {
                lo = hi + 1;
                hi = Math.min(order.size(), 2 * hi);
            }
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (fitsDropping(order, mid, t)) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            for (int q = 0; q < lo; q++) {
                int x = order.get(q);
                droppedAfter[x] = t;
                if (inRam[x]) {
                    arrangeWayBack(x, t + 1);
                }
            }
            return true;
        }

        /** Whether stage t fits when the first {@code count} of {@code order} are dropped after it (and no other). */
        private boolean fitsDropping(Ranked order, int count, int t) {
            IntList all = order.all();
            for (int q = 0; q < all.size(); q++) {
                droppedAfter[all.get(q)] = count == all.size() ? t : -1; // all of them: no ranking needed
            }
            for (int q = 0; q < count && count < all.size(); q++) {
                droppedAfter[order.get(q)] = t;
            }
            boolean fits = peak(t) <= fitBytes;
            for (int q = 0; q < all.size(); q++) {
                droppedAfter[all.get(q)] = -1;
            }
            return fits;
        }

        /**
         * The outputs of {@code list}, lowest score at stage t first (ties in list order), each
         * scored only as far as its place needs: every output first gets a lower bound on its
         * score from itself alone; the lowest entry is taken when it is a score, else scored again
         * on a longer part of its recomputation's closure ({@link #FIRST_CLOSURE} nodes, then
         * {@link #CLOSURE_GROWTH} times more each time, at last the whole of it), which gives its
         * score or a higher lower bound, and put back. An output is thus taken only when no other
         * can score lower, and the order is the one of scoring every output in full, while the
         * outputs that are never taken, the dear ones whose closures reach back hundreds of nodes,
         * are not followed to their end.
         */
        private final class Ranked {
            /** An output (its place in the list) with its score, or a lower bound on it when not exact. */
            private record Entry(double score, int place, int nodeCap, boolean exact) {
            }

            private final IntList list;
            private final int t;
            private final PriorityQueue<Entry> queue = new PriorityQueue<>(
                    Comparator.comparingDouble(Entry::score).thenComparingInt(Entry::place));
            private final IntList taken = new IntList();

            Ranked(IntList list, int t) {
                this.list = list;
                this.t = t;
                for (int q = 0; q < list.size(); q++) {
                    double s = score(list.get(q), t, firstClosure);
                    queue.add(new Entry(s, q, firstClosure, scoreExact));
                }
            }

            int size() {
                return list.size();
            }

            /** The outputs ranked, in the list's order. */
            IntList all() {
                return list;
            }

            /** The q-th output in the order (scoring as many as that needs). */
            int get(int q) {
                while (taken.size() <= q) {
                    taken.add(next());
                }
                return taken.get(q);
            }

            private int next() {
                while (true) {
                    Entry e = queue.poll();
                    int x = list.get(e.place());
                    if (e.exact()) {
                        return x; // its scoring set viaInputs[x] and freesBytes[x]
                    }
                    int cap = e.nodeCap() == 0 ? FIRST_CLOSURE
                            : e.nodeCap() > WHOLE_CLOSURE / CLOSURE_GROWTH ? WHOLE_CLOSURE : e.nodeCap() * CLOSURE_GROWTH;
                    double s = score(x, t, cap);
                    queue.add(new Entry(s, e.place(), cap, scoreExact));
                }
            }
        }

        /**
         * Evicting x before stage t to be recomputed at its next read from outputs kept in RAM
         * until then: x's inputs, those in RAM kept on, those gone brought back into RAM from the
         * stage after they left ({@link #bringBack}) or, when that cannot be, recomputed along
         * with x from their own inputs in the same way (at most {@link #CHAIN} nodes in all). Says
         * the bytes stage t gains (0 when the chain is too long, or it brings back as much as x
         * frees), and sets {@link #chainJ} and {@link #chainS} to the recomputation's energy and
         * time. With {@code apply}, does it.
         */
        private long evictViaInputs(int x, int t, boolean apply) {
            int read = nextRead(x, t);
            closureStamp++;
            costWork.clear();
            costWork.add(x);
            costSeen[x] = closureStamp;
            long back = 0;
            int chain = 0;
            chainJ = 0;
            chainS = 0;
            while (costWork.size() > 0) {
                int y = costWork.removeLast();
                if (++chain > CHAIN && !apply) {
                    return 0;
                }
                chainJ += g.computeJ(y) + reliedOnJ[y];
                chainS += g.runtime(y);
                for (int d : g.deps(y)) {
                    if (costSeen[d] == closureStamp) {
                        continue;
                    }
                    costSeen[d] = closureStamp;
                    if (inRam[d]) {
                        if (apply) {
                            horizon[d] = Math.max(horizon[d], read);
                        }
                    } else if (recomputedIn[d] != t && canBringBack(d, t)) {
                        back += g.ram(d);
                        if (apply) {
                            bringBack(d, t);
                            horizon[d] = Math.max(horizon[d], read);
                        }
                    } else {
                        costWork.add(d);
                    }
                }
            }
            if (apply) {
                inRam[x] = false;
                evictedIn[x] = t;
                keepInputsFor(x);
            }
            return Math.max(0, g.ram(x) - back);
        }

        /**
         * Whether d, out of RAM since the end of stage {@code lastInRam[d]}, can be kept in RAM
         * from then to stage t instead: each stage between gets d's bytes for the whole stage (it
         * neither reads nor computes d, or d would be in RAM later), and the stage it left gets
         * them at most from the point it was freed on, so the recorded peaks plus d's bytes bound
         * the new ones.
         */
        private boolean canBringBack(int d, int t) {
            int from = lastInRam[d];
            return from >= 0 && from < t && evictedIn[d] != t && peaks.max(from, t - 1) + g.ram(d) <= b.ramBytes();
        }

        /** Keeps d in RAM from the stage it left to stage t (see {@link #canBringBack}). */
        private void bringBack(int d, int t) {
            int from = lastInRam[d];
            if (from + 1 <= t - 1) {
                plan.keep(d, from + 1, t - 1, true);
            }
            peaks.add(from, t - 1, g.ram(d));
            if (computedAt[d] == from || residentSince[d] > from) {
                residentSince[d] = from + 1;
            }
            inRam[d] = true;
            resident.add(d);
        }

        /** Whether x may leave RAM at the boundary before stage t: it can come back when read again. */
        private boolean canLeave(int x, int t) {
            return b.remat() || stored[x] || residentSince[x] < t;
        }

        /** Takes x out of RAM before stage t; with paging, a copy is written first when paging is its way back. */
        private void evict(int x, int t) {
            inRam[x] = false;
            evictedIn[x] = t;
            arrangeWayBack(x, t);
        }

        /**
         * x leaves RAM before stage t: unless a copy is stored already, one is written when paging
         * it back costs no more than recomputing it, else x will be recomputed from its inputs.
         */
        private void arrangeWayBack(int x, int t) {
            if (stored[x]) {
                return;
            }
            if (!(pagingIsTheWayBack(x, t) && writeCopy(x, t))) {
                keepInputsFor(x);
            }
        }

        /**
         * What paging x back for a read after stage t costs: the page-in when a copy is stored,
         * with the page-out too when one can still be written (x has been in RAM since before t);
         * infinite without paging or when no copy can be had.
         */
        private double pageBackJ(int x, int t) {
            if (!b.paging()) {
                return Double.POSITIVE_INFINITY;
            }
            if (stored[x]) {
                return g.pageInJ(x);
            }
            return residentSince[x] < t ? g.pageInJ(x) + g.pageOutJ(x) : Double.POSITIVE_INFINITY;
        }

        /**
         * Whether paging is x's way back after stage t: it can be paged back, and recomputing it
         * costs no less (the recomputation's closure is followed only as far as that can change).
         */
        private boolean pagingIsTheWayBack(int x, int t) {
            double page = pageBackJ(x, t);
            return Double.isFinite(page) && (!b.remat() || recomputeCostJ(x, t, page, WHOLE_CLOSURE) >= page);
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
            peaks.set(t, peak(t));
            IntList next = new IntList();
            for (int q = 0; q < resident.size(); q++) {
                int x = resident.get(q);
                if (!inRam[x]) {
                    continue;
                }
                plan.setSRam(t, x, true);
                lastInRam[x] = t;
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
                lastInRam[k] = t;
                computedAt[k] = t;
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
         * input, recursively, that is out of RAM now or gone by then. Infinite as soon as it is
         * known to be over {@code capJ} (the callers pass what paging x back would cost, so the
         * closure, which may reach back hundreds of nodes on a large graph, is followed only as
         * far as it can still be the cheaper way back), and, in the walks with chains, when the
         * closure's bytes are more than the budget (more than one stage can hold: not worth
         * exploring further). After {@code nodeCap} nodes the closure is left unfinished:
         * {@link #closureCut} is then set, and the energy, {@link #closureRuntime} and
         * {@link #closureBytes} so far are those of a prefix of the same traversal, so each is at
         * most the finished figure (its terms are not negative).
         */
        private double recomputeCostJ(int x, int t, double capJ, int nodeCap) {
            int read = nextRead(x, t);
            closureStamp++;
            closureCut = false;
            double e = 0;
            costWork.clear();
            costWork.add(x);
            costSeen[x] = closureStamp;
            closureRuntime = 0;
            closureBytes = -g.ram(x);
            int followed = 0;
            while (costWork.size() > 0) {
                if (followed++ == nodeCap) {
                    closureCut = true;
                    return e;
                }
                int y = costWork.removeLast();
                e += g.computeJ(y) + reliedOnJ[y];
                closureRuntime += g.runtime(y);
                closureBytes += g.ram(y);
                if (e > capJ || chains && closureBytes + g.ram(x) > b.ramBytes()) {
                    return Double.POSITIVE_INFINITY;
                }
                for (int d : g.deps(y)) {
                    if (costSeen[d] != closureStamp && (!inRam[d] || horizon[d] < read)) {
                        costSeen[d] = closureStamp;
                        costWork.add(d);
                    }
                }
            }
            return e;
        }

        /**
         * The cheapest way back for x, by the allowed means; when that is recomputation,
         * {@link #closureRuntime} and {@link #closureBytes} describe it, else they are 0. When
         * the recomputation's closure was cut after {@code nodeCap} nodes ({@link #closureCut})
         * and is not already dearer than paging, the figures are the recomputation's so far.
         */
        private double returnCostJ(int x, int t, double capJ, int nodeCap) {
            double cost = Double.POSITIVE_INFINITY;
            closureRuntime = 0;
            closureBytes = 0;
            closureCut = false;
            double page = pageBackJ(x, t);
            if (b.remat()) {
                // a recomputation dearer than the page-in is not chosen: its closure need not be followed past that
                cost = recomputeCostJ(x, t, Math.min(capJ, page), nodeCap);
            }
            if (Double.isFinite(page) && page <= cost) {
                closureRuntime = 0;
                closureBytes = 0;
                closureCut = false; // the whole closure costs at least its part: paging is the way back
                cost = page;
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

        /**
         * x's score at the boundary before stage t (lower leaves first), with {@link #viaInputs}
         * and {@link #freesBytes} for x; {@link #scoreExact} says whether it is the score. When the
         * closure of x's recomputation is cut after {@code nodeCap} nodes, it is a lower bound on
         * the score instead, and those two are not set (with a cap of 0, before anything is
         * followed, the bound is that of x alone: any recomputation of x costs at least x's own
         * energy and what is relied on it, and frees at most x's bytes): the cheapest of the ways back that the
         * finished closure can lead to (paging, the chain from kept inputs, or a recomputation
         * costing at least the part followed so far) never scores higher than the one it leads
         * to, whether or not that one turns out too long (then scored {@code Double.MAX_VALUE}).
         */
        private double score(int x, int t, int nodeCap) {
            double distance = Math.max(1, nextRead(x, t) - t);
            long bytes = g.ram(x);
            if (nodeCap == 0 && b.remat()) {
                // nothing followed: recomputing x (by either way) costs at least x itself, for at most its bytes
                scoreExact = false;
                double least = (g.computeJ(x) + reliedOnJ[x] + 1e-300) / Math.max(1, bytes);
                return ranked(Math.min(least, (pageBackJ(x, t) + 1e-300) / Math.max(1, bytes)), distance);
            }
            long chainFreed = chains && b.remat() && !stored[x] ? evictViaInputs(x, t, false) : 0;
            double chainCostJ = chainJ + 1e-300;
            double chainTime = chainS;
            // the closure need not be followed beyond the point where the chain is cheaper per byte
            double capJ = chainFreed > 0 ? chainCostJ / chainFreed * Math.max(1, bytes) : Double.POSITIVE_INFINITY;
            double cost = returnCostJ(x, t, capJ, nodeCap) + 1e-300;
            scoreExact = !closureCut;
            if (closureCut) {
                double least = (chains ? cost * (1 + closureBytes / (double) Math.max(1, bytes)) : cost)
                        / Math.max(1, bytes);
                double page = pageBackJ(x, t);
                if (Double.isFinite(page)) {
                    least = Math.min(least, (page + 1e-300) / Math.max(1, bytes));
                }
                if (chainFreed > 0) {
                    least = Math.min(least, chainCostJ / chainFreed);
                }
                return ranked(least, distance);
            }
            boolean tooLong = false;
            if (chains) {
                tooLong = runtime + plainFrom[t] + closureRuntime > runtimeLimit
                        || closureBytes + bytes > b.ramBytes(); // a recomputation that cannot fit in one stage
                cost *= 1 + closureBytes / (double) Math.max(1, bytes); // wide closures load the stage they run in
            }
            viaInputs[x] = chainFreed > 0 && closureBytes > 0
                    && (tooLong || chainCostJ / chainFreed < cost / Math.max(1, bytes));
            if (viaInputs[x]) {
                cost = chainCostJ;
                bytes = chainFreed;
                tooLong = runtime + plainFrom[t] + chainTime > runtimeLimit;
            }
            freesBytes[x] = bytes;
            if (tooLong) {
                return Double.MAX_VALUE; // only when nothing else is left
            }
            return ranked(cost / Math.max(1, bytes), distance);
        }

        /** The score under this walk's ranking of a way back costing {@code perByte} per byte freed, read again {@code distance} stages on (rises with perByte). */
        private double ranked(double perByte, double distance) {
            return switch (ranking) {
                case COST_PER_BYTE_STAGE -> perByte / distance;
                case COST_PER_BYTE -> perByte;
                case FARTHEST_READ -> -distance;
                case COST_PER_BYTE_STAGE_SQUARED -> perByte / (distance * distance);
            };
        }
    }

    /**
     * Range maximum with range addition over the stages (a segment tree with lazy additions). The
     * walk asks for many ranges that end at the same stage between two changes (one per input of
     * each output it scores), so the answers for the last range end are remembered per range start
     * until the next change.
     */
    private static final class PeakTree {
        private final int size;
        private final long[] max;
        private final long[] pending;
        private final long[] known;
        /** Per range start, the {@link #version} at which {@link #known} holds its answer for the range ending at {@link #knownTo}. */
        private final int[] knownAt;
        private int knownTo = -1;
        private int version = 1;

        PeakTree(int n) {
            int s = 1;
            while (s < n) {
                s <<= 1;
            }
            size = s;
            max = new long[2 * s];
            pending = new long[2 * s];
            known = new long[n];
            knownAt = new int[n];
        }

        void set(int at, long value) {
            version++;
            set(1, 0, size - 1, at, value);
        }

        void add(int from, int to, long delta) {
            version++;
            add(1, 0, size - 1, from, to, delta);
        }

        long max(int from, int to) {
            if (to != knownTo) {
                knownTo = to;
                version++;
            }
            if (knownAt[from] != version) {
                known[from] = max(1, 0, size - 1, from, to);
                knownAt[from] = version;
            }
            return known[from];
        }

        private void set(int node, int lo, int hi, int at, long value) {
            if (lo == hi) {
                max[node] = value;
                pending[node] = 0;
                return;
            }
            push(node);
            int mid = (lo + hi) >>> 1;
            if (at <= mid) {
                set(2 * node, lo, mid, at, value);
            } else {
                set(2 * node + 1, mid + 1, hi, at, value);
            }
            max[node] = Math.max(max[2 * node], max[2 * node + 1]);
        }

        private void add(int node, int lo, int hi, int from, int to, long delta) {
            if (to < lo || hi < from) {
                return;
            }
            if (from <= lo && hi <= to) {
                max[node] += delta;
                pending[node] += delta;
                return;
            }
            push(node);
            int mid = (lo + hi) >>> 1;
            add(2 * node, lo, mid, from, to, delta);
            add(2 * node + 1, mid + 1, hi, from, to, delta);
            max[node] = Math.max(max[2 * node], max[2 * node + 1]);
        }

        private long max(int node, int lo, int hi, int from, int to) {
            if (to < lo || hi < from) {
                return Long.MIN_VALUE;
            }
            if (from <= lo && hi <= to) {
                return max[node];
            }
            push(node);
            int mid = (lo + hi) >>> 1;
            return Math.max(max(2 * node, lo, mid, from, to), max(2 * node + 1, mid + 1, hi, from, to));
        }

        private void push(int node) {
            if (pending[node] != 0) {
                for (int child = 2 * node; child <= 2 * node + 1; child++) {
                    max[child] += pending[node];
                    pending[child] += pending[node];
                }
                pending[node] = 0;
            }
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

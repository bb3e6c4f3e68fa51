package org.poetexplorer.milp.heuristic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.StagePlan;

/**
 * Finds a good valid schedule fast, for any budget: the first answer the app shows, and a
 * starting point (hint, upper bound) for the exact MILP.
 *
 * <p>Method. Start from the schedule that needs least RAM with the allowed tricks: with paging,
 * every output waits on storage between uses (paged out once, paged in just before the stage
 * that needs it); without, the plain schedule. If that does not fit and recomputation is
 * allowed, repair: while some stage is over budget, take an output that only passes through
 * that stage and page it or recompute it where it is next needed, cheapest energy per byte
 * relieved first. Then improve while energy drops: keep paged outputs in RAM instead where the
 * memory profile allows (most energy saved per byte and stage first), replace page-ins by
 * recomputations that cost less, and undo recomputations that are no longer needed. Every
 * move is evaluated exactly (memory of the stages it touches, runtime, energy) and kept only
 * if the schedule stays within budget.
 *
 * <p>Deterministic: the passes run to convergence; the time budget only caps them on very
 * slow machines (then the answer is still valid, just less improved).
 */
public final class FastScheduler {
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofMillis(300);
    private static final double EPS = 1e-12;

    private final long timeBudgetNanos;

    public FastScheduler() {
        this(DEFAULT_TIME_BUDGET);
    }

    /** @param timeBudget wall-clock cap on the improvement passes (repair is always finished) */
    public FastScheduler(Duration timeBudget) {
        this.timeBudgetNanos = timeBudget.toNanos();
    }

    /** A valid schedule for the budget with energy as low as found, or empty when none was found. */
    public Optional<HeuristicPlan> schedule(TrainingGraph g, Budget b) {
        return schedule(g, b, () -> false);
    }

    /** As {@link #schedule(TrainingGraph, Budget)}; {@code stop} ends the improvement early. */
    public Optional<HeuristicPlan> schedule(TrainingGraph g, Budget b, BooleanSupplier stop) {
        return schedule(g, b, null, stop);
    }

    /**
     * As {@link #schedule(TrainingGraph, Budget, BooleanSupplier)}, also starting from
     * {@code hint} (for example the schedule of a neighbouring budget; may be null): its
     * recomputations and its choices between keeping and paging are repaired to fit this
     * budget and improved like the other starts. The best start wins.
     */
    public Optional<HeuristicPlan> schedule(TrainingGraph g, Budget b, StagePlan hint, BooleanSupplier stop) {
        long deadline = System.nanoTime() + timeBudgetNanos;
        BooleanSupplier timeUp = () -> stop.getAsBoolean() || System.nanoTime() - deadline > 0;
        if (!basicallyPossible(g, b)) {
            return Optional.empty();
        }
        if (MinimalRam.plainPeakBytes(g) <= b.ramBytes()) {
            return Optional.of(result(new PlanState(g, b, false))); // computes once: optimal
        }
        // Starts: the hint; everything kept (then paged or recomputed away); everything paged
        // (then kept back). Which ends lowest depends on whether paging or computing is cheap.
        List<Supplier<PlanState>> starts = new ArrayList<>();
        if (hint != null && hint.size() == g.size()) {
            starts.add(() -> new PlanState(g, b, hint));
        }
        starts.add(() -> new PlanState(g, b, false));
        if (b.paging()) {
            starts.add(() -> new PlanState(g, b, true));
        }
        HeuristicPlan best = null;
        for (int st = 0; st < starts.size(); st++) {
            long share = (deadline - System.nanoTime()) / (starts.size() - st);
            long startDeadline = System.nanoTime() + share;
            BooleanSupplier startTimeUp = () -> timeUp.getAsBoolean() || System.nanoTime() - startDeadline > 0;
            PlanState s = starts.get(st).get();
            if (!s.runtimeOk() || !s.feasible() && !repair(s)) {
                continue;
            }
            s.commit();
            improve(s, startTimeUp);
            HeuristicPlan p = result(s);
            if (best == null || p.energyJ() < best.energyJ()) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean basicallyPossible(TrainingGraph g, Budget b) {
        return b.runtimeRatio() * g.plainRuntimeS() >= g.plainRuntimeS() && b.ramBytes() >= MinimalRam.necessaryBytes(g);
    }

    /** Whether the repair alone finds a schedule: the cheap probe used by {@link MinimalRam}. */
    public boolean findsAny(TrainingGraph g, Budget b) {
        return feasibleStart(g, b).isPresent();
    }

    private Optional<PlanState> feasibleStart(TrainingGraph g, Budget b) {
        if (!basicallyPossible(g, b)) {
            return Optional.empty();
        }
        boolean plainFits = MinimalRam.plainPeakBytes(g) <= b.ramBytes();
        PlanState s = new PlanState(g, b, !plainFits);
        if (!s.runtimeOk()) {
            return Optional.empty();
        }
        if (!s.feasible() && !(b.remat() && repair(s))) {
            return Optional.empty();
        }
        s.commit();
        return Optional.of(s);
    }

    private static HeuristicPlan result(PlanState s) {
        StagePlan plan = s.toStagePlan();
        int outs = 0;
        for (int i = 0; i < s.n; i++) {
            if (s.pageIns[i] > 0) {
                outs++;
            }
        }
        return new HeuristicPlan(plan, s.exactEnergyJ(), s.exactRuntimeS(), s.peakRam(), s.recomputeCount(),
                s.pageInCount(), outs);
    }

    // ---- repair ----

    /** Largest number of nodes one repair step recomputes together in one stage. */
    private static final int MAX_CHAIN = 12;

    /**
     * One way to get tensor {@code tensor} out of RAM at a stage: page it in where it is next
     * needed ({@code chain} empty), or recompute it there together with the inputs that are not
     * at hand ({@code chain}, ascending; inputs not in it are paged in or kept).
     */
    private record Fix(int tensor, int stage, int[] chain, double score) {
        boolean recompute() {
            return chain.length > 0;
        }
    }

    /** Brings every stage within budget by paging or recomputing outputs that pass through it. */
    private static boolean repair(PlanState s) {
        return repair(s, -1, () -> false);
    }

    /**
     * As {@link #repair(PlanState)}, never paging or recomputing {@code banned} (-1: none), and
     * giving up when {@code timeUp} says so.
     */
    private static boolean repair(PlanState s, int banned, BooleanSupplier timeUp) {
        Set<Long> tabu = new HashSet<>();
        int maxSteps = 20 * s.n + 100;
        for (int step = 0; step < maxSteps && s.overflowBytes() > 0; step++) {
            if (timeUp.getAsBoolean()) {
                return false;
            }
            int t = s.worstStage();
            List<Fix> fixes = fixesFor(s, t, tabu, banned);
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

    private static List<Fix> fixesFor(PlanState s, int t, Set<Long> tabu, int banned) {
        List<Fix> fixes = new ArrayList<>();
        long excess = Math.max(1, s.peak[t] - s.ramBudget);
        for (int i = 0; i < t; i++) {
            if (!s.k[t][i] || s.dem[t][i] || i == banned) {
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
                Fix f = recomputeFix(s, i, d, t, excess);
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
     */
    private static Fix recomputeFix(PlanState s, int i, int d, int t, long excess) {
        TrainingGraph g = s.g;
        List<Integer> chain = new ArrayList<>();
        Set<Integer> inChain = new HashSet<>();
        List<Integer> work = new ArrayList<>();
        work.add(i);
        inChain.add(i);
        double cost = 0;
        double runtime = 0;
        double relief = g.ram(i);
        while (!work.isEmpty()) {
            int x = work.remove(work.size() - 1);
            chain.add(x);
            cost += g.computeJ(x);
            runtime += g.runtime(x);
            for (int j : g.deps(x)) {
                if (s.available(d, j) || inChain.contains(j)) {
                    continue;
                }
                boolean crosses = !s.paging && !s.k[t][j] && s.previousEvent(j, d) < t;
                double bridge = s.paging ? g.pageInJ(j) + (s.pageIns[j] == 0 ? g.pageOutJ(j) : 0) : 0;
                if (inChain.size() < MAX_CHAIN && (crosses || g.computeJ(j) < bridge)) {
                    inChain.add(j);
                    work.add(j);
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
        int[] c = chain.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new Fix(i, d, c, cost / Math.min(excess, relief));
    }

    private static void apply(PlanState s, Fix f) {
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

    /** Computes i again in stage d; inputs not at hand there are paged in (or kept, without paging). */
    private static void recomputeAt(PlanState s, int i, int d) {
        for (int j : s.g.deps(i)) {
            if (!s.available(d, j)) {
                s.setPin(d, j, s.paging);
            }
        }
        s.setR(d, i, true);
    }

    // ---- improvement ----

    private static void improve(PlanState s, BooleanSupplier timeUp) {
        boolean progress = true;
        while (progress && !timeUp.getAsBoolean()) {
            progress = unpagePass(s, timeUp);
            if (s.remat) {
                progress |= recomputePass(s, timeUp);
                progress |= dropRecomputePass(s, timeUp);
            }
            if (!progress && !timeUp.getAsBoolean()) {
                progress = ruinAndRepairPass(s, timeUp);
            }
        }
    }

    /**
     * Large moves: for each output that costs extra (recomputed or paged; most extra energy
     * first), keep it in RAM throughout instead and let the repair make room by other means;
     * kept when the whole schedule gets cheaper.
     */
    private static boolean ruinAndRepairPass(PlanState s, BooleanSupplier timeUp) {
        double[] extra = new double[s.n];
        for (int t = 0; t < s.n; t++) {
            for (int i = 0; i < t; i++) {
                if (s.r[t][i]) {
                    extra[i] += s.g.computeJ(i);
                }
            }
        }
        List<Move> moves = new ArrayList<>();
        for (int i = 0; i < s.n; i++) {
            extra[i] += s.pagingJ[i];
            if (extra[i] > 0) {
                moves.add(new Move(i, -1, extra[i]));
            }
        }
        moves.sort(Comparator.comparingDouble(Move::score).reversed().thenComparingInt(Move::tensor));
        boolean progress = false;
        for (Move mv : moves) {
            if (timeUp.getAsBoolean()) {
                break;
            }
            int x = mv.tensor();
            double before = s.energyJ();
            int m = s.mark();
            for (int t = x + 1; t < s.n; t++) {
                s.setR(t, x, false);
                s.setPin(t, x, false);
            }
            s.refresh();
            if (repair(s, x, timeUp) && s.energyJ() < before - EPS * Math.abs(before)) {
                s.commit();
                progress = true;
            } else {
                s.rollback(m);
            }
        }
        return progress;
    }

    private record Move(int tensor, int stage, double score) {
    }

    private static boolean tryMove(PlanState s, Runnable move, boolean allowEqual) {
        double before = s.energyJ();
        int m = s.mark();
        move.run();
        s.refresh();
        double after = s.energyJ();
        boolean better = after < before - EPS * Math.abs(before) || (allowEqual && after <= before);
        if (s.feasible() && better) {
            s.commit();
            return true;
        }
        s.rollback(m);
        return false;
    }

    /** Keeps paged outputs in RAM instead, most energy saved per byte and stage first. */
    private static boolean unpagePass(PlanState s, BooleanSupplier timeUp) {
        List<Move> moves = new ArrayList<>();
        for (int t = 1; t < s.n; t++) {
            for (int i = 0; i < t; i++) {
                if (s.pagedIn(t, i)) {
                    double saved = s.g.pageInJ(i) + (s.pageIns[i] == 1 ? s.g.pageOutJ(i) : 0);
                    int len = t - 1 - s.previousEvent(i, t);
                    moves.add(new Move(i, t, saved / (Math.max(1, s.g.ram(i)) * (double) Math.max(1, len))));
                }
            }
        }
        moves.sort(Comparator.comparingDouble(Move::score).reversed().thenComparingInt(Move::stage)
                .thenComparingInt(Move::tensor));
        boolean progress = false;
        for (Move mv : moves) {
            if (timeUp.getAsBoolean()) {
                break;
            }
            if (s.pagedIn(mv.stage(), mv.tensor())) {
                progress |= tryMove(s, () -> s.setPin(mv.stage(), mv.tensor(), false), false);
            }
        }
        return progress;
    }

    /** Replaces page-ins by recomputations where that costs less (and free nodes anywhere). */
    private static boolean recomputePass(PlanState s, BooleanSupplier timeUp) {
        List<Move> moves = new ArrayList<>();
        for (int t = 1; t < s.n; t++) {
            for (int i = 0; i < t; i++) {
                if (!s.dem[t][i]) {
                    continue;
                }
                boolean free = s.g.computeJ(i) == 0 && s.g.runtime(i) == 0 && s.g.deps(i).length == 0;
                if (!free && !s.pagedIn(t, i)) {
                    continue;
                }
                double saved = s.pagedIn(t, i) ? s.g.pageInJ(i) + (s.pageIns[i] == 1 ? s.g.pageOutJ(i) : 0) : 0;
                double cost = s.g.computeJ(i);
                for (int j : s.g.deps(i)) {
                    if (!s.available(t, j)) {
                        cost += s.paging ? s.g.pageInJ(j) : 0;
                    }
                }
                if (cost < saved || free) {
                    moves.add(new Move(i, t, saved - cost));
                }
            }
        }
        moves.sort(Comparator.comparingDouble(Move::score).reversed().thenComparingInt(Move::stage)
                .thenComparingInt(Move::tensor));
        boolean progress = false;
        for (Move mv : moves) {
            if (timeUp.getAsBoolean()) {
                break;
            }
            int i = mv.tensor();
            int t = mv.stage();
            if (!s.dem[t][i] || s.runtimeS() + s.g.runtime(i) > s.runtimeLimit) {
                continue;
            }
            boolean free = s.g.computeJ(i) == 0 && s.g.runtime(i) == 0 && s.g.deps(i).length == 0;
            progress |= tryMove(s, () -> recomputeAt(s, i, t), free) && !free;
        }
        return progress;
    }

    /** Undoes recomputations whose output can be kept or paged in instead for less energy. */
    private static boolean dropRecomputePass(PlanState s, BooleanSupplier timeUp) {
        List<Move> moves = new ArrayList<>();
        for (int t = 1; t < s.n; t++) {
            for (int i = 0; i < t; i++) {
                if (s.r[t][i] && s.g.computeJ(i) > 0) {
                    moves.add(new Move(i, t, s.g.computeJ(i)));
                }
            }
        }
        moves.sort(Comparator.comparingDouble(Move::score).reversed().thenComparingInt(Move::stage)
                .thenComparingInt(Move::tensor));
        boolean progress = false;
        for (Move mv : moves) {
            if (timeUp.getAsBoolean()) {
                break;
            }
            int i = mv.tensor();
            int t = mv.stage();
            if (!s.r[t][i]) {
                continue;
            }
            boolean done = tryMove(s, () -> {
                s.setR(t, i, false);
                s.setPin(t, i, false);
            }, false);
            if (!done && s.paging) {
                done = tryMove(s, () -> {
                    s.setR(t, i, false);
                    s.setPin(t, i, true);
                }, false);
            }
            progress |= done;
        }
        return progress;
    }
}

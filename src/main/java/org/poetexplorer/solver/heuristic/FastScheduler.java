package org.poetexplorer.solver.heuristic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.PlanTidy;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.StagePlan;

/**
 * Finds a good valid schedule fast, for any budget: the first answer the app shows, and a
 * starting point (hint, upper bound) for the exact MILP. Every schedule it returns satisfies
 * docs/model.md section 4 exactly (memory accounting and free rule included).
 *
 * <p>Method. When the plain schedule fits, it is the answer (nothing costs less than computing
 * every node once). Otherwise up to three starts, each brought within budget by
 * {@link Repair} and then improved by {@link Improver}; the cheapest wins:
 * <ul>
 * <li>everything kept in RAM between uses (the plain schedule), repaired by paging or
 * recomputing what passes through the stages that are over budget;</li>
 * <li>with paging, everything waiting on storage between uses (paged out once, paged in just
 * before the stage that needs it: the least RAM without recomputation), then kept back in RAM
 * where it fits;</li>
 * <li>a caller's hint (say, the schedule of a neighbouring budget), repaired.</li>
 * </ul>
 * When none of them fits (the repair leans on a chain-with-skips shape, and general graphs
 * defeat it), {@link ForwardScheduler}'s plan, improved the same way on half the time budget
 * again. A graph whose n x n search state would not fit comfortably in the heap gets the
 * forward plan as it is ({@link #denseStateFits}).
 * <p>
 * When transfers take time against the runtime budget, the starts weigh compute time only, so
 * each result is replayed and kept only when its compute and transfer time fits; a start
 * without paging (whose time is its compute time) is added for budgets with paging.
 *
 * <p>Deterministic: the improvement runs until nothing improves or a cap on its work (counted
 * in evaluations, not time) is reached, so the same input gives the same schedule. The catalog
 * networks converge within both that cap and the default time budget (measured: slowest call
 * about 0.2 s on this 2-core machine, warm). The time budget is a safety net for slow or busy
 * machines and cold starts: when it cuts the improvement short, the schedule is still valid,
 * just less improved. The repair that makes a start fit always runs to its end.
 */
public final class FastScheduler {
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofMillis(300);
    /**
     * Improvement work per start, in units of {@code PlanState} evaluation (about n^2 units
     * replay every stage once): a cap that does not depend on the machine, so the answer does
     * not either. The catalog networks converge well within it.
     */
    private static final int WORK_PER_START = 40;

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

    /**
     * As {@link #schedule(TrainingGraph, Budget)}; {@code stop} ends the search early: the
     * improvement keeps what it has, a repair cut short gives nothing from its start.
     */
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
        return schedule(g, b, hint, stop, false);
    }

    /**
     * As {@link #schedule(TrainingGraph, Budget, StagePlan, BooleanSupplier)}; with
     * {@code forwardFoundNothing} the caller ran {@link ForwardScheduler#schedule} on this graph
     * and budget to its end (not cut short) and it found no plan, so the forward walk's fallback
     * is not walked again: its walks are the same and deterministic ({@link ForwardScheduler#starts}
     * walks both families, then the walks keeping inputs back, then without paging, as
     * {@code schedule} does), so they would find nothing again, and on a large graph where
     * nothing fits they take seconds.
     */
    public Optional<HeuristicPlan> schedule(TrainingGraph g, Budget b, StagePlan hint, BooleanSupplier stop,
            boolean forwardFoundNothing) {
        if (!basicallyPossible(g, b)) {
            return Optional.empty();
        }
        if (Plans.plainPeakBytes(g) <= b.ramBytes()) {
            return Optional.of(denseStateFits(g) ? result(new PlanState(g, b, false))
                    : result(g, b, Plans.plain(g))); // computes once: optimal
        }
        if (!denseStateFits(g)) {
            return forwardFoundNothing ? Optional.empty()
                    : ForwardScheduler.schedule(g, b, stop).map(plan -> result(g, b, plan));
        }
        // Starts: the hint; everything kept (then paged or recomputed away); everything paged
        // (then kept back). Which ends lowest depends on whether paging or computing is cheap.
        List<Supplier<PlanState>> starts = new ArrayList<>();
        if (hint != null && hint.size() == g.size()) {
            starts.add(() -> new PlanState(g, b, false, hint, stop));
        }
        starts.add(() -> new PlanState(g, b, false, null, stop));
        if (b.paging()) {
            starts.add(() -> new PlanState(g, b, true, null, stop));
            if (b.transfersTakeTime()) {
                starts.add(() -> new PlanState(g, b.withPaging(false), false, null, stop));
            }
        }
        HeuristicPlan best = bestOf(g, b, starts, stop, timeBudgetNanos);
        if (best != null || forwardFoundNothing) {
            return Optional.ofNullable(best);
        }
        // none fits: then, on time of its own, the forward walk's plan (which does not depend on
        // the graph's shape), repaired and improved like the others
        long forwardNanos = timeBudgetNanos / 2;
        long forwardDeadline = System.nanoTime() + forwardNanos;
        List<StagePlan> forward = ForwardScheduler.starts(g, b,
                () -> stop.getAsBoolean() || System.nanoTime() - forwardDeadline > 0);
        if (forward.isEmpty()) {
            return Optional.empty();
        }
        List<Supplier<PlanState>> forwardStarts = new ArrayList<>();
        for (StagePlan plan : forward) {
            forwardStarts.add(() -> new PlanState(g, b, plan));
        }
        HeuristicPlan improved = bestOf(g, b, forwardStarts, stop, forwardDeadline - System.nanoTime());
        return Optional.of(improved != null ? improved : result(g, b, forward.get(0)));
    }

    /** Each start repaired to fit and improved, sharing {@code nanos} of wall-clock time; the cheapest, or null. */
    private static HeuristicPlan bestOf(TrainingGraph g, Budget b, List<Supplier<PlanState>> starts,
            BooleanSupplier stop, long nanos) {
        long deadline = System.nanoTime() + nanos;
        BooleanSupplier timeUp = () -> stop.getAsBoolean() || System.nanoTime() - deadline > 0;
        HeuristicPlan best = null;
        for (int st = 0; st < starts.size(); st++) {
            long share = (deadline - System.nanoTime()) / (starts.size() - st);
            long startDeadline = System.nanoTime() + share;
            BooleanSupplier startTimeUp = () -> timeUp.getAsBoolean() || System.nanoTime() - startDeadline > 0;
            PlanState s;
            try {
                s = starts.get(st).get();
            } catch (PlanState.Stopped stopped) {
                break;
            }
            if (!s.runtimeOk() || !s.feasible() && !Repair.run(s, -1, stop)) {
                continue;
            }
            s.commit();
            long w0 = s.work();
            long workLimit = w0 + WORK_PER_START * (long) s.n * s.n;
            Improver.run(s, () -> startTimeUp.getAsBoolean() || s.work() > workLimit);
            HeuristicPlan p = result(s);
            if (!transfersFit(g, b, p.plan())) {
                continue;
            }
            if (best == null || p.energyJ() < best.energyJ()) {
                best = p;
            }
        }
        return best;
    }

    /**
     * Whether the improving search's state (four n x n tables of decisions, and a few more of
     * that size while it works) takes at most a tenth of the heap the JVM may still grow to.
     * Larger graphs get the forward walk's schedule as it is.
     */
    public static boolean denseStateFits(TrainingGraph g) {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return DENSE_BYTES_PER_PAIR * (long) g.size() * g.size() <= free / 10;
    }

    /** Bytes per (stage, node) pair of the improving search's state: four boolean tables and a margin. */
    private static final long DENSE_BYTES_PER_PAIR = 6;

    private static boolean basicallyPossible(TrainingGraph g, Budget b) {
        return b.runtimeRatio() * g.plainRuntimeS() >= g.plainRuntimeS()
                && b.ramBytes() >= Plans.workingSetFloorBytes(g);
    }

    /**
     * Whether the repair alone, or else the forward walk, finds a schedule: the cheap probe of
     * the least-RAM search.
     */
    public boolean findsAny(TrainingGraph g, Budget b) {
        if (!basicallyPossible(g, b)) {
            return false;
        }
        if (Plans.plainPeakBytes(g) <= b.ramBytes()) {
            return true;
        }
        if (denseStateFits(g)) {
            PlanState s = new PlanState(g, b, true);
            if (s.runtimeOk() && (s.feasible() || b.remat() && Repair.run(s))) {
                s.commit();
                if (transfersFit(g, b, s.toStagePlan())) {
                    return true;
                }
            }
        }
        return ForwardScheduler.schedule(g, b, () -> false).isPresent();
    }

    /** A plan that did not pass through the improving search, with its figures from its replay. */
    private static HeuristicPlan result(TrainingGraph g, Budget b, StagePlan plan) {
        PlanReplay replay = PlanReplay.of(g, b, plan);
        int recomputes = 0;
        int ins = 0;
        int outs = 0;
        for (int t = 0; t < plan.size(); t++) {
            recomputes += plan.computed(t).length - (plan.r(t, t) ? 1 : 0);
            ins += plan.pageIns(t).length;
            outs += plan.pageOuts(t).length;
        }
        return new HeuristicPlan(plan, replay.energyJ(), replay.runtimeS(), replay.peakRamBytes(), recomputes, ins,
                outs);
    }

    /**
     * Whether the plan's compute and transfer time fits the runtime budget when transfers take
     * time (always true when they do not: the starts keep the compute time within it).
     */
    private static boolean transfersFit(TrainingGraph g, Budget b, StagePlan plan) {
        if (!b.transfersTakeTime()) {
            return true;
        }
        PlanReplay replay = PlanReplay.of(g, b, PlanTidy.tidy(g, plan));
        return replay.runtimeS() <= b.runtimeRatio() * g.plainRuntimeS() * (1 + 1e-12);
    }

    private static HeuristicPlan result(PlanState s) {
        s.dropUnusedRecomputations();
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
}

package org.poetexplorer.solver;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.StagePlan;
import org.poetexplorer.solver.backends.Backend;
import org.poetexplorer.solver.backends.BackendOutcome;
import org.poetexplorer.solver.backends.Backends;
import org.poetexplorer.solver.backends.Deadline;
import org.poetexplorer.solver.backends.LinearModel;
import org.poetexplorer.solver.heuristic.BudgetLadder;
import org.poetexplorer.solver.heuristic.FastScheduler;
import org.poetexplorer.solver.heuristic.ForwardScheduler;
import org.poetexplorer.solver.heuristic.OverBudgetSearch;
import org.poetexplorer.solver.heuristic.RecomputeAnnealing;
import org.poetexplorer.solver.heuristic.RuinRecreate;
import org.poetexplorer.solver.phases.CoverBound;
import org.poetexplorer.solver.phases.CoverModel;
import org.poetexplorer.solver.phases.CoverProgram;
import org.poetexplorer.solver.phases.CoverRounds;
import org.poetexplorer.solver.phases.CoverRuns;
import org.poetexplorer.solver.phases.GapModel;
import org.poetexplorer.solver.phases.InfeasibilityProofs;
import org.poetexplorer.solver.phases.StageFormulation;
import org.poetexplorer.solver.phases.StageModel;
import org.poetexplorer.solver.phases.StageWindowProof;

/**
 * The engine's one entry point for solving: graph + budget + options -> a checked result.
 * Every schedule it returns (and streams to the listener) has passed the replay check, and its
 * energy, runtime and peak RAM are recomputed exactly from the graph.
 *
 * <p>A solve runs the phases of {@link Run#solve} in order; each either settles the solve or
 * leaves it to the next, and all share one {@link Incumbent} (best schedule, proven bound, notes).
 * Every solver answer is tidied, replayed and checked ({@link Verifier}); an answer that fails is
 * never returned and is named in the message. Each better schedule goes to
 * {@link SolveListener#onIncumbent} as it is found.
 *
 * <p>Status: OPTIMAL when a proof exists - the plain schedule fits (no schedule costs less than
 * computing every node once), a schedule's exact energy is within {@link #OPTIMAL_TOLERANCE}
 * (relative) of a proven lower bound (the cover bound, or the backend's proven bound on the exact
 * covering program), or the backend proved its answer optimal and that answer's exact energy is
 * within the same tolerance of the backend's proven bound; INFEASIBLE when proven (by the
 * working-set and runtime proofs, the cover bound or the backend); otherwise FEASIBLE with
 * gap = (energy - bound) / energy, or UNKNOWN with no schedule. With a gap tolerance
 * ({@link SolveOptions#gapTolerance}) the exact stage model is not started when the best schedule
 * is already within it, and its backend stops at that gap: FEASIBLE with the gap, not OPTIMAL.
 */
public final class PoetSolver {
    /** Relative distance between exact energy and proven bound that still counts as optimal. */
    public static final double OPTIMAL_TOLERANCE = 1e-6;

    private PoetSolver() {
    }

    /**
     * Solves within {@code options}' time limit: every phase, model building and backend
     * included, stops at one deadline (a backend that overruns it is left behind after
     * {@code NativeSearch.GRACE_MILLIS}), and as soon after {@code cancel} fires; the result is
     * then the best schedule so far (FEASIBLE with its gap) or UNKNOWN.
     */
    public static SolveResult solve(TrainingGraph graph, Budget budget, SolveOptions options,
            SolveListener listener, CancelToken cancel) {
        TimeShares times = new TimeShares(options.timeLimitSeconds());
        try (Stop stop = new Stop(cancel == null ? new CancelToken() : cancel,
                Deadline.in(options.timeLimitSeconds()))) {
            return Run.start(graph, budget, options, listener == null ? SolveListener.NONE : listener, stop, times)
                    .solve();
        }
    }

    /**
     * How long before the deadline a backend's own time limit ends, so that it returns its
     * answer itself, and that answer is checked, by the deadline.
     */
    static final double BACKEND_MARGIN_SECONDS = 0.25;

    /**
     * How many columns of the stage model can be built, handed to the solver and taken in by it
     * per second on the 2-core development machine, busy with other work (resnet50 at 60 MB and
     * 1.1x: about 420,000 columns took over 40 s before SCIP looked at its time limit). With a
     * time limit, a stage model that cannot be ready in the time left is not built.
     */
    static final double STAGE_MODEL_COLUMNS_PER_SECOND = 10_000;

    /**
     * The most of the time left that the ruin-and-recreate search gets before the stage model
     * (it ends sooner when it stops finding better plans); the stage model, or the window search
     * when it is not built, gets the rest. When the stage model would be built in the time left,
     * the share is of the time left beyond building it, so the search never takes the time that
     * building it needs. Measured (m4, 100 us, runtime 2x, generated graphs,
     * 0.8 of the plain peak, remat-only, 60 s): on 500 nodes the window search improved none of
     * the schedules the fast heuristic gave, where ruin and recreate kept lowering them; on 250
     * nodes SCIP on the whole stage model found no better schedule in 600 s, ruin and recreate
     * one in a second.
     */
    static final double RUIN_SHARE = 0.75;
    /**
     * The rounds of the covering program together get at most this many of its time shares
     * (each round at most one): as long as the two programs, without and with every member's
     * inputs' rows, got before the rounds.
     */
    static final double COVER_ROUNDS_SHARES = 2;
    /** Time the searches leave unused goes to more rounds of the covering program when at least this many seconds. */
    static final double IDLE_ROUND_MIN_SECONDS = 2;
    /**
     * With recomputation and without paging, the ruin-and-recreate search's share of the time
     * left when the annealing comes after it; there neither keeps back the time to build the
     * stage model. Measured on the bundled suite's 500-node graph at 0.8 of the plain peak
     * (remat-only, one run each): ruin and recreate alone 1.127x the plain energy in 40 s; 25 s
     * of it and then 25 s of annealing 1.117x. Whole solves (60 s, 2 threads, SCIP, the same
     * sitting): with the time to build the stage model kept back the gap there stayed at 9.5 %
     * (9.4 % before the annealing), without 8.8 % (10.8 % before); on 1,000 nodes 1.40 % and
     * 1.38 % (1.52 % before).
     */
    static final double RUIN_SHARE_BEFORE_ANNEALING = 0.5;
    /**
     * With recomputation and without paging (the annealing follows), rounds in a row without a
     * better plan after which the ruin-and-recreate search ends, instead of
     * {@link RuinRecreate#IDLE_ROUNDS}: the annealing finds more in that time. On the bundled
     * suite's 500-node graph at 0.8 of the plain peak (60 s, 2 threads) the search made its last
     * improvement by round 109 and ran to round 257; the annealing from that plan, left 13
     * cycles, lowered it twice (1.106x to 1.102x the plain energy). Ending after 50 idle rounds
     * (with {@link #COVER_RESTART_IDLE_CYCLES}), the annealing and its restarts took it to 1.087x
     * and 1.089x, against 1.102x and 1.103x before (before/after alternated, one sitting, load 5
     * to 8); on seeds 2 and 3 of the generator (250 and 500 nodes, 0.8) the energies stayed
     * within 0.05 % or fell (n250 seed 2 by 0.4 %).
     */
    static final int RUIN_IDLE_ROUNDS_BEFORE_ANNEALING = 50;
    /** Without a time limit, the most the ruin-and-recreate search runs before the stage model. */
    static final double RUIN_SECONDS = 30;
    /**
     * The most of the time left that the annealing over recomputations gets (recomputation
     * without paging), after the ruin-and-recreate search and before the stage model.
     */
    static final double ANNEAL_SHARE = 0.75;
    /** Without a time limit, the most the annealing runs before the stage model. */
    static final double ANNEAL_SECONDS = 30;
    /**
     * From this many nodes on, when the stage model cannot be built in the time left, the
     * annealing gets all of it instead of {@link #ANNEAL_SHARE} (the window search, the only
     * phase after it, gets what its restarts leave when they stop finding better plans): there
     * the annealing was still lowering the schedule when it was cut, and the window search's
     * few seconds seldom lowered it. On the bundled suite's 1,000-node graph at 0.8 (remat-only,
     * 60 s, 2 threads, SCIP, alternated in one sitting, load 6.5 to 9): with the share 0.554736 J
     * (1.03 % gap; 11 cycles, then the window search lowered it once) and 0.555338 J (1.14 %;
     * 9 cycles, windows nothing); with all the time 0.554735 J (1.03 %; 15 cycles) and
     * 0.554742 J (1.03 %; 12 cycles).
     */
    static final int ANNEAL_ALL_NODES = 1000;
    /**
     * With a time limit, annealing restarts in a row that do not lower the best schedule after
     * which the annealing ends (and the next phase gets the time left).
     */
    static final int IDLE_RESTARTS = 4;
    /**
     * Annealing cycles in a row, from an exact cover program's plan, that find no schedule
     * cheaper than the best after which that restart ends (it still goes down in its own basin
     * meanwhile). Measured on the bundled suite's 500-node graph at 0.8 of the plain peak
     * (remat-only, 60 s, 2 threads): without this cap (counted against their own best, each
     * such restart ran as long as its basin went down) the restarts from those plans took 44
     * cycles, most of the annealing's time, and lowered nothing; at 0.9 they lowered the best
     * schedule 5 times in 12 cycles, and a cap of 2 cycles counted from the plan over the budget
     * (no descent in their own basin) lost that (1.0229x to 1.0245x the plain energy).
     */
    static final int COVER_RESTART_IDLE_CYCLES = RecomputeAnnealing.IDLE_CYCLES;
    /**
     * With paging and recomputation, the most of the time left (beyond building the stage model
     * when it will be built) that the annealing from a paging-free plan gets, before the
     * ruin-and-recreate search, which then goes on from the best schedule with paging. Measured
     * on the bundled suite's paging cases (60 s, SCIP, 1 thread, before/after alternated, load 2
     * to 9): on 1,000 nodes at 0.8 the gap fell from 1.268 % (twice) to 1.026 % and 0.904 %, at
     * 0.9 from 0.376 % and 0.270 % to 0.268 % and 0.225 %; on 250 and 500 nodes the energies
     * stayed the same (the later phases were not starved).
     */
    static final double PAGING_FREE_SHARE = 0.4;
    /** The annealing's seed: the same solve gives the same cycles. */
    static final long ANNEAL_SEED = 1;
    /**
     * The most of the time left that the search from plans over the budget gets
     * ({@link OverBudgetSearch}). It ends as soon as it has a plan, so the share only counts when
     * it finds none, and then the improving search after it, from no plan, found nothing either on
     * the generated graphs where every walk fails (the 2 s anytime sweep's four cases without a
     * schedule): the time is the search's, but for what the phases after it need to end in time.
     */
    static final double OVER_BUDGET_SHARE = 0.9;
    /**
     * The most of the time left that the proof by windows of stages gets when the walks found
     * nothing ({@link StageWindowProof}), before the search over the budget. On the small
     * generated graphs (tools/suites/small-sweep.json, 2 s) each of the 30 cases it settled ended
     * within 0.15 s, solve included; with half the time left, where it proves nothing (the search
     * over the budget then finds a schedule, on 40 and 50 nodes) the first schedule came up to
     * 0.7 s later (1.06 s instead of 0.33 s).
     */
    static final double WINDOW_PROOF_SHARE = 0.2;
    /**
     * The share of the search over the budget's time ({@link #OVER_BUDGET_SHARE}) that goes first
     * to the plans of larger budgets pushed down ({@link BudgetLadder}); the search from its own
     * start gets the rest.
     */
    static final double LADDER_SHARE = 0.5;
    /** Without a time limit, the most that search runs. */
    static final double OVER_BUDGET_SECONDS = 30;
    /** The seed of the search from plans over the budget when no walk finds one ({@link OverBudgetSearch}). */
    static final long OVER_BUDGET_SEED = 1;
    /** The ruin-and-recreate search's seed: the same solve gives the same rounds. */
    static final long RUIN_SEED = 1;

    /** A step of a solve: the final result when it settles the solve, null to go on. */
    private record Phase(String name, Supplier<SolveResult> step) {
    }

    /** One solve: what its phases read, and the incumbent they share. */
    private record Run(TrainingGraph graph, Budget budget, SolveOptions options, SolveListener listener,
            Stop stop, Backend backend, Verifier verifier, TimeShares times, Incumbent incumbent,
            AtomicReference<ForwardScheduler.FirstWalk> firstWalked, AtomicBoolean forwardFoundNothing,
            AtomicReference<CoverRounds> coverRounds, List<StagePlan> coverPlans) {

        static Run start(TrainingGraph graph, Budget budget, SolveOptions options, SolveListener listener,
                Stop stop, TimeShares times) {
            Backend backend = Backends.byName(options.solver());
            return new Run(graph, budget, options, listener, stop, backend, new Verifier(graph, budget, stop), times,
                    new Incumbent(graph, budget, backend.name(), listener, times::elapsedSeconds),
                    new AtomicReference<>(), new AtomicBoolean(), new AtomicReference<>(),
                    new CopyOnWriteArrayList<>());
        }

        SolveResult solve() {
            List<Phase> phases = List.of(
                    new Phase("working-set and runtime proofs", this::infeasibilityProofs),
                    new Phase("plain schedule", this::plainSchedule),
                    new Phase("first walk", this::firstWalk),
                    new Phase("cover proof", this::coverProof),
                    new Phase("forward walk", this::forwardWalk),
                    new Phase("window proof", this::windowProof),
                    new Phase("cover bound", this::coverBound),
                    new Phase("fast heuristic", this::fastHeuristic),
                    new Phase("exact cover bound", this::coverProgram),
                    new Phase("gap model", this::gapModel),
                    new Phase("paging-free annealing", this::pagingFreeAnnealing),
                    new Phase("ruin and recreate", this::ruinAndRecreate),
                    new Phase("annealing", this::annealing),
                    new Phase("stage model", this::stageModel));
            for (Phase phase : phases) {
                if (stop.isCancelled()) {
                    return incumbent.stopped(stop.reason());
                }
                SolveResult settled;
                try {
                    settled = phase.step().get();
                } catch (LinearModel.Stopped building) {
                    return incumbent.stopped(stop.reason());
                }
                if (settled != null) {
                    return settled;
                }
            }
            throw new IllegalStateException("no phase settled the solve; the last one always does");
        }

        /** A budget below the largest working set, or a runtime below one plain step: INFEASIBLE. */
        private SolveResult infeasibilityProofs() {
            String reason = InfeasibilityProofs.reason(graph, budget);
            return reason == null ? null : incumbent.result(SolveStatus.INFEASIBLE, "infeasible: " + reason);
        }

        /**
         * The plain schedule is OPTIMAL when it fits: no schedule costs less than computing every
         * node once. When it does not and neither trick is allowed, nothing fits: every output
         * then stays in RAM from its stage to its last reader, as in the plain schedule. Whether
         * it fits is its peak (linear in the graph); only a plan that fits is replayed.
         */
        private SolveResult plainSchedule() {
            long peak = Plans.plainPeakBytes(graph);
            if (peak <= budget.ramBytes()) {
                Verifier.Outcome plain = verifier.verify(Plans.plain(graph));
                if (plain.verified() != null) {
                    incumbent.offer(plain.verified());
                    return incumbent.result(SolveStatus.OPTIMAL, "the plain schedule fits: every node computed once"
                            + " is optimal");
                }
                incumbent.note("the plain schedule did not pass the check: " + plain.problem());
                return null;
            }
            if (!budget.paging() && !budget.remat()) {
                return incumbent.result(SolveStatus.INFEASIBLE, "infeasible: without paging and recomputation the"
                        + " plain schedule is the only one, and its peak RAM, " + Quantities.bytes(peak) + ", is over"
                        + " the budget");
            }
            return null;
        }

        /** The cover bound proves that nothing fits. */
        private SolveResult coverProof() {
            return CoverBound.provesInfeasible(graph, budget, stop)
                    ? incumbent.result(SolveStatus.INFEASIBLE, "infeasible: proven by the cover bound") : null;
        }

        /**
         * The forward walk's first walk alone, before the cover proof: on large graphs the proof
         * takes longer than the walk (a generated 10,000-node graph at 0.9 remat-only: 25 s of
         * the minute), and the first schedule should not wait for it. A budget the proof would
         * refuse costs one walk that finds nothing.
         */
        private SolveResult firstWalk() {
            listener.onProgress("fast schedule", incumbent.lowerBoundJ());
            ForwardScheduler.FirstWalk first = ForwardScheduler.firstWalk(graph, budget, stop);
            firstWalked.set(first);
            if (first.plan() != null) {
                consider(first.plan(), "forward walk");
            }
            return null;
        }

        /**
         * A first schedule, fast: the forward walk's, each walk's better plan offered as soon as it
         * ends (the first walk's is not walked again). It runs before the cover bound's dual ascent,
         * which takes longer than the walk on large graphs (on a generated 10,000-node graph it
         * took the whole minute, and no schedule came).
         */
        private SolveResult forwardWalk() {
            listener.onProgress("fast schedule", incumbent.lowerBoundJ());
            boolean found = ForwardScheduler.schedule(graph, budget, stop, p -> consider(p, "forward walk"),
                    firstWalked.get()).isPresent();
            forwardFoundNothing.set(!found && !stop.isCancelled());
            return null;
        }

        /**
         * When the walks found no schedule, with recomputation and without paging: the search
         * from plans over the budget ({@link OverBudgetSearch}) for at most
         * {@link #OVER_BUDGET_SHARE} of the time left (without a time limit,
         * {@link #OVER_BUDGET_SECONDS}); its plan, or null. It runs before the improving search
         * of the fast heuristic, which then starts from its plan: on the generated graphs where
         * every walk found nothing (500 and 1,000 nodes at 0.8 and 0.85 of the plain peak,
         * remat-only), the improving search found nothing either, and ran for a second before
         * this search got its turn. Run on a thread of its own beside the walks instead, it
         * slowed them: three 1,000-node cases of the 2 s anytime sweep whose walks had found a
         * schedule at 0.42 to 0.50 s found none. It starts with the plans of larger budgets stepped
         * down ({@link BudgetLadder}) for {@link #LADDER_SHARE} of its time. Run before the other
         * walks instead, when the first walk found nothing, the ladder found the 500-node case's
         * schedule within the 2 s sweep's limit, but took the time of the walks that find one on
         * other graphs (of ten such cases, two lost their schedule, three got it later, one at a
         * higher energy).
         */
        private StagePlan searchOverBudget() {
            if (incumbent.hasSchedule() || !budget.remat() || budget.paging() || !FastScheduler.denseStateFits(graph)
                    || stop.isCancelled()) {
                return null;
            }
            listener.onProgress("search over the budget", incumbent.lowerBoundJ());
            Deadline end = times.hasLimit() ? Deadline.in(OVER_BUDGET_SHARE * times.remainingSeconds())
                    : Deadline.in(OVER_BUDGET_SECONDS);
            StagePlan fitted = BudgetLadder.run(graph, budget, OVER_BUDGET_SEED,
                    LADDER_SHARE * end.secondsLeft(), () -> stop.isCancelled() || end.passed());
            if (fitted == null) {
                fitted = new OverBudgetSearch(graph, budget, OVER_BUDGET_SEED)
                        .run(() -> stop.isCancelled() || end.passed());
            }
            if (fitted != null) {
                consider(fitted, "search over the budget");
            }
            return fitted;
        }

        /**
         * When the walks found no schedule on a small graph with recomputation: the windows of
         * stages ({@link StageWindowProof}) prove that nothing fits, for at most
         * {@link #WINDOW_PROOF_SHARE} of the time left (without a time limit, until they end).
         * Measured on the generated graphs of 20 to 50 nodes (m4, 100 us, runtime 2x, 0.8 to 0.95
         * of the plain peak, recomputation only and with paging, 2 s): 48 of the 960 cases ended
         * without a schedule or a proof (the search over the budget found nothing); SCIP on the
         * whole stage model (pyscipopt, 40 s each) proved 29 of them infeasible in 0.1 s to 35 s,
         * found a schedule for 2 in 23 s and 31 s, and no answer for the other 17; these windows
         * prove those 29 and one more within the 2 s.
         */
        private SolveResult windowProof() {
            if (!forwardFoundNothing.get() || !StageWindowProof.applies(graph, budget) || stop.isCancelled()) {
                return null;
            }
            listener.onProgress("window proof", incumbent.lowerBoundJ());
            Deadline end = times.hasLimit() ? Deadline.in(WINDOW_PROOF_SHARE * times.remainingSeconds()) : null;
            boolean proven = StageWindowProof.provesInfeasible(graph, budget,
                    () -> stop.isCancelled() || end != null && end.passed());
            return proven ? incumbent.result(SolveStatus.INFEASIBLE, "infeasible: proven by windows of "
                    + StageWindowProof.MAX_WINDOW + " stages or fewer, taken alone") : null;
        }

        /** The cover bound raises the lower bound: OPTIMAL when the forward walk's schedule meets it. */
        private SolveResult coverBound() {
            incumbent.raiseBound(CoverBound.energyJ(graph, budget, stop));
            return optimalIfTheBoundCloses("the lower bound");
        }

        /**
         * A better schedule from the improving search, which takes longer on large graphs and is
         * skipped when its state would not fit the heap. When the forward walk ran to its end and
         * found nothing, the search does not walk it again as its fallback (the same walks: on a
         * generated 1,000-node graph where nothing fits, about 5 s). OPTIMAL when one meets the bound.
         */
        private SolveResult fastHeuristic() {
            if (!FastScheduler.denseStateFits(graph)) {
                return null; // without room for its search state the heuristic would only walk again
            }
            StagePlan overBudget = forwardFoundNothing.get() ? searchOverBudget() : null;
            listener.onProgress("fast schedule", incumbent.lowerBoundJ());
            heuristic().schedule(graph, budget, overBudget, stop, forwardFoundNothing.get())
                    .ifPresent(h -> consider(h.plan(), "fast heuristic"));
            return optimalIfTheBoundCloses("the lower bound");
        }

        /**
         * With recomputation, the covering program solved exactly: OPTIMAL when a schedule meets its
         * bound. First without the rows for the inputs of its computations ({@code CoverInputs}),
         * which is smaller and solves sooner, then in rounds with those rows for the outputs the
         * last round's solution computed again, and those of the rounds before (each round a
         * program with more valid rows, so its proven bound is a bound too; a higher one when it
         * is solved, and a different schedule), until a solution computes no new output again or
         * the rounds' time ({@link #COVER_ROUNDS_SHARES}) is up. On small graphs then the program
         * by moments ({@link CoverRuns}: whether each output is away at each row's and at some
         * computations' moments), which is larger again and has the highest bound of them. The
         * rounds ({@link CoverRounds}) are kept for time the searches leave unused.
         */
        private SolveResult coverProgram() {
            if (!budget.remat()) {
                return null;
            }
            List<CoverBound.Row> rows = CoverBound.rows(graph, budget, stop);
            CoverRounds rounds = new CoverRounds(graph, budget, rows, stop);
            coverRounds.set(rounds);
            double until = times.elapsedSeconds() + COVER_ROUNDS_SHARES * times.coverProgramSeconds();
            while (true) {
                CoverProgram cover = rounds.next();
                if (cover == null) {
                    break;
                }
                if (stop.isCancelled()) {
                    return optimalIfTheBoundCloses("the exact cover bound");
                }
                BackendOutcome out = solveExactly(cover,
                        Math.min(times.coverProgramSeconds(), until - times.elapsedSeconds()));
                SolveResult closed = optimalIfTheBoundCloses("the exact cover bound");
                if (closed != null || stop.isCancelled()) {
                    return closed;
                }
                boolean larger = rounds.solved(out.x(), out.kind() == BackendOutcome.Kind.OPTIMAL);
                if (!larger || times.elapsedSeconds() >= until) {
                    break;
                }
            }
            CoverRuns runs = CoverRuns.build(graph, budget, rows, stop);
            if (runs != null && !stop.isCancelled()) {
                solveExactly(runs, times.coverRunsSeconds());
            }
            return optimalIfTheBoundCloses("the exact cover bound");
        }

        /** Whether the backend's bound on a program counts: it answered (optimal, a solution, none yet). */
        private static boolean proven(BackendOutcome out) {
            boolean ended = out.kind() == BackendOutcome.Kind.OPTIMAL || out.kind() == BackendOutcome.Kind.FEASIBLE
                    || out.kind() == BackendOutcome.Kind.NO_SOLUTION;
            return ended && Double.isFinite(out.bound());
        }

        /**
         * Solves a covering program ({@link CoverProgram}, {@link CoverRuns}) exactly, for at most
         * {@code seconds}: its proven bound raises the
         * lower bound, and the schedule built from its answer is kept when it verifies; when it
         * does not (it is a construction that may not fit, so that is not reported as a rejected
         * answer) the fast heuristic repairs and improves it as a hint.
         */
        private BackendOutcome solveExactly(CoverModel cover, double seconds) {
            listener.onProgress("exact cover bound", incumbent.lowerBoundJ());
            Backend coverBackend = backend.needsIntegerModel() ? Backends.byName("scip") : backend;
            BackendOutcome out = coverBackend.solve(cover.lp(), null, backendDeadline(seconds), options.threads(),
                    stop, x -> { });
            if (out.x() != null) {
                StagePlan built = cover.plan(out.x());
                coverPlans.add(built);
                Verifier.Outcome o = verifier.verify(built);
                if (o.verified() != null) {
                    incumbent.offer(o.verified());
                } else if (!Verifier.STOPPED.equals(o.problem())) {
                    // mostly a stage the cover rows do not watch ends over budget: repair it
                    heuristic().schedule(graph, budget, built, stop)
                            .ifPresent(h -> consider(h.plan(), "repaired cover schedule"));
                }
            }
            if (proven(out)) {
                incumbent.raiseBound(cover.energyBoundJ(out.bound()));
            }
            return out;
        }

        /**
         * The gap model ({@link GapModel}): exact without recomputation, so its answer is final;
         * with recomputation and paging it gets a share of the time to seed the incumbent and the
         * hint. With recomputation only it is skipped, its share left to the annealing: there it
         * offers only single recomputations from inputs already in RAM (on the bundled suite's
         * 500-node graph at 0.8 of the plain peak it took about 11 s of 60 and gave no better
         * schedule).
         */
        private SolveResult gapModel() {
            if (budget.remat() && !budget.paging()) {
                return null;
            }
            listener.onProgress("paging and single recomputations", incumbent.lowerBoundJ());
            GapModel gapModel = GapModel.build(graph, budget, backend.needsIntegerModel(), stop);
            double seconds = budget.remat() ? times.gapModelSeconds() : times.remainingSeconds();
            BackendOutcome out = backend.solve(gapModel.lp(), null, backendDeadline(seconds), options.gapTolerance(),
                    options.threads(), stop, x -> consider(gapModel.plan(x), "gap model"));
            if (out.x() != null) {
                consider(gapModel.plan(out.x()), "gap model");
            }
            if (budget.remat()) {
                return optimalIfTheBoundCloses("the lower bound");
            }
            if (Double.isFinite(out.bound())) {
                incumbent.raiseBound(gapModel.energyJ(out.bound()));
            }
            return finish(out, "the gap model");
        }

        /**
         * With recomputation (the gap model settles the solve without it), the ruin-and-recreate
         * search ({@link RuinRecreate}) from the best schedule, before the stage model: for at most
         * {@link #RUIN_SHARE} of the time left, beyond what building the stage model needs when it
         * will be built (without paging, when the annealing follows:
         * {@link #RUIN_SHARE_BEFORE_ANNEALING} of the time left; without a time limit,
         * {@link #RUIN_SECONDS}); not started when its n x n state would not fit the heap.
         * OPTIMAL when the bound closes.
         */
        private SolveResult ruinAndRecreate() {
            return localSearch("ruin and recreate", budget.paging() ? RUIN_SHARE : RUIN_SHARE_BEFORE_ANNEALING,
                    RUIN_SECONDS, (start, halt, better) -> {
                        int idleRounds = budget.paging() ? RuinRecreate.IDLE_ROUNDS : RUIN_IDLE_ROUNDS_BEFORE_ANNEALING;
                        RuinRecreate.Summary s = new RuinRecreate(graph, budget, RUIN_SEED).runUntilIdle(start,
                                idleRounds, halt, better);
                        return String.format(Locale.ROOT, "%d rounds, %d improved the schedule%s", s.rounds(),
                                s.improvements(), s.exhausted() ? ", then none of " + idleRounds : "");
                    });
        }

        /**
         * With recomputation and without paging, the annealing over recomputations
         * ({@link RecomputeAnnealing}) from the best schedule, after the ruin-and-recreate search
         * and before the stage model: for at most {@link #ANNEAL_SHARE} of the time left (all of
         * it as {@link #ANNEAL_ALL_NODES} says; without a time limit, {@link #ANNEAL_SECONDS}),
         * restarted as {@link #anneal} says; it ends sooner when its cycles, and with a time limit
         * its restarts, stop finding better plans. OPTIMAL when the bound closes.
         */
        private SolveResult annealing() {
            if (budget.paging() || !budget.remat()) {
                return null;
            }
            boolean onlyWindowsAfter = graph.size() >= ANNEAL_ALL_NODES
                    && tooLateToBuild(StageFormulation.estimatedColumns(graph, budget));
            return localSearch("annealing", onlyWindowsAfter ? 1 : ANNEAL_SHARE, ANNEAL_SECONDS, this::anneal);
        }

        /**
         * Annealing runs until {@code halt}: the first from {@code start}; each after one that
         * stopped finding better plans restarts, alternately, from the best schedule and from the
         * next of the exact cover programs' plans ({@link #solveExactly}; the newest first, over
         * the RAM budget or not: they carry the bound's choice of what is recomputed where, which
         * the best schedule's neighbourhood may not reach), and once those are used from the best
         * schedule; each run with a seed of its own, until {@link #IDLE_RESTARTS} restarts in a
         * row find nothing (without a time limit there are no restarts). A restart from a cover
         * program's plan ends after {@link #COVER_RESTART_IDLE_CYCLES} cycles in a row find no
         * schedule cheaper than the best. Only within the annealing's share: going on with them instead
         * of the window search, when the stage model is not built, lowered nothing on 500 nodes
         * and, in that measurement, lost the window search's three better schedules on 1,000
         * nodes (measured since, the annealing does better there: {@link #ANNEAL_ALL_NODES}). Measured on
         * generated graphs as the bundled suite's (m4, 100 us, runtime 2x, 0.8 of the plain peak,
         * remat-only, 60 s, 2 threads, before and after in one sitting): 250 nodes seeds 1, 2, 3
         * from 1.0529x, 1.0560x, 1.0456x the plain energy to 1.0512x, 1.0467x, 1.0404x, seed 4
         * unchanged (1.0417x); 500 nodes seed 2 unchanged (the runs there are cut by the
         * deadline, and the restarts from the cover programs' plans lowered nothing).
         */
        private String anneal(StagePlan start, BooleanSupplier halt, Consumer<StagePlan> better) {
            int cycles = 0;
            int[] improved = {0};
            int restarts = 0;
            int fromCover = 0;
            String first = null;
            int idle = 0;
            int cover = coverPlans.size() - 1;
            for (int run = 0; !halt.getAsBoolean() && (run == 0 || times.hasLimit() && idle < IDLE_RESTARTS);
                    run++) {
                RecomputeAnnealing search = new RecomputeAnnealing(graph, budget, ANNEAL_SEED + run);
                RecomputeAnnealing.Summary s;
                int improvedBefore = improved[0];
                Consumer<StagePlan> counted = p -> {
                    double before = incumbent.best().energyJ();
                    better.accept(p);
                    if (incumbent.best().energyJ() < before) {
                        improved[0]++;
                    }
                };
                if (run > 0 && run % 2 == 0 && cover >= 0) {
                    s = search.runFromOverBudget(coverPlans.get(cover--), incumbent.best().energyJ(),
                            COVER_RESTART_IDLE_CYCLES, halt, counted);
                    fromCover++;
                } else {
                    s = search.run(run == 0 ? start : incumbent.best().plan(), halt, counted);
                }
                if (first == null) {
                    first = String.format(Locale.ROOT, "%d cycles, %d improved the schedule%s", s.cycles(),
                            improved[0], s.exhausted() ? ", then none of " + RecomputeAnnealing.IDLE_CYCLES : "");
                    improved[0] = 0;
                } else {
                    idle = improved[0] > improvedBefore ? 0 : idle + 1;
                    restarts++;
                    cycles += s.cycles();
                }
            }
            if (first == null) {
                return "no time left";
            }
            return restarts == 0 ? first : String.format(Locale.ROOT, "%s; %d restart%s (%d from the exact cover"
                    + " programs' plans): %d cycles, %d improved the schedule", first, restarts,
                    restarts == 1 ? "" : "s", fromCover, cycles, improved[0]);
        }

        /**
         * With paging and recomputation, the annealing over recomputations ({@link RecomputeAnnealing})
         * from a paging-free plan: a schedule without paging is valid when paging is allowed too,
         * and the annealing, which moves only recomputations, found cheaper ones than the searches
         * with paging (the bundled suite's 1,000-node graph at 0.8 of the plain peak: remat-only
         * 0.554409 J, with paging 0.556086 J). The start is the fast heuristic's under the same
         * budget without paging, hinted with the best schedule; each plan goes through
         * {@link #consider}, replayed under the real budget. For at most {@link #PAGING_FREE_SHARE}
         * of the time left ({@link #searchSeconds}; without a time limit, {@link #ANNEAL_SECONDS}).
         */
        private SolveResult pagingFreeAnnealing() {
            if (!budget.paging() || !budget.remat()) {
                return null;
            }
            Budget pagingFree = budget.withPaging(false);
            return search("paging-free annealing", PAGING_FREE_SHARE, ANNEAL_SECONDS, (best, halt, better) -> {
                StagePlan start = new FastScheduler().schedule(graph, pagingFree, best, halt).map(h -> h.plan())
                        .orElse(null);
                if (start == null) {
                    return "no paging-free plan found to start from";
                }
                better.accept(start);
                RecomputeAnnealing.Summary s = new RecomputeAnnealing(graph, pagingFree, ANNEAL_SEED).run(start, halt,
                        better);
                return String.format(Locale.ROOT, "%d cycles, %d improved its start%s", s.cycles(), s.improvements(),
                        s.exhausted() ? ", then none of " + RecomputeAnnealing.IDLE_CYCLES : "");
            });
        }

        /**
         * A search from the best schedule (null when there is none yet), offering each cheaper plan;
         * it returns what its note says it did.
         */
        private interface LocalSearch {
            String run(StagePlan start, BooleanSupplier halt, Consumer<StagePlan> onBetter);
        }

        /**
         * Runs a search before the stage model from the best schedule, as {@link #search}; not
         * started when the solve has no schedule.
         */
        private SolveResult localSearch(String name, double share, double untimedSeconds, LocalSearch search) {
            return incumbent.hasSchedule() ? search(name, share, untimedSeconds, search) : null;
        }

        /**
         * Runs a search before the stage model, for {@code share} of the time left
         * ({@link #searchSeconds}; without a time limit, {@code untimedSeconds}), from the best
         * schedule if there is one; not started when the solve is within its gap tolerance, the
         * search's n x n state would not fit the heap, or no time is left. OPTIMAL when the bound
         * closes.
         */
        private SolveResult search(String name, double share, double untimedSeconds, LocalSearch search) {
            SolveResult closeEnough = withinGapTolerance();
            if (closeEnough != null) {
                return closeEnough;
            }
            double seconds = searchSeconds(share);
            if (!FastScheduler.denseStateFits(graph) || times.hasLimit() && seconds <= 0) {
                return null;
            }
            listener.onProgress(name, incumbent.lowerBoundJ());
            Deadline end = backendDeadline(seconds > 0 ? seconds : untimedSeconds);
            Verifier.Verified best = incumbent.best();
            String done = search.run(best == null ? null : best.plan(), () -> stop.isCancelled() || end.passed(),
                    p -> consider(p, name));
            incumbent.note(name + ": " + done);
            return optimalIfTheBoundCloses("the lower bound");
        }

        /**
         * The time a search before the stage model gets: {@code share} of the time left, beyond
         * what building the stage model needs when it will be built; 0 without a time limit.
         * With recomputation only, the time to build the stage model is not kept back: there the
         * searches found better schedules in it than the stage model (see
         * {@link #RUIN_SHARE_BEFORE_ANNEALING}), which is then built only when the time left
         * after them still allows.
         */
        private double searchSeconds(double share) {
            double left = times.remainingSeconds();
            double readySeconds = readySeconds(StageFormulation.estimatedColumns(graph, budget));
            boolean keepsBack = budget.paging() && times.hasLimit() && readySeconds <= left
                    && HeapRoom.allows(StageFormulation.estimatedHeapBytes(graph));
            return share * (keepsBack ? left - readySeconds : left);
        }

        /** How long a stage model of {@code columns} columns takes to be built and taken in by the backend. */
        private static double readySeconds(long columns) {
            return columns / STAGE_MODEL_COLUMNS_PER_SECOND;
        }

        /** With a time limit, whether a stage model of {@code columns} columns cannot be ready in the time left. */
        private boolean tooLateToBuild(long columns) {
            return times.hasLimit() && readySeconds(columns) > times.remainingSeconds();
        }

        /**
         * With recomputation, the reduced stage model on the chosen backend, hinted with the best
         * schedule: final. Without paging it is presolved without probing
         * ({@link Backend.Presolve#WITHOUT_PROBING}). With paging it keeps the full presolve:
         * that was measured only on the bundled suite's 100-node graph at 0.8 with paging, where
         * whether the solve ended proven within 60 s varied with the machine's load with and
         * without probing (proven in 8-12 s, or FEASIBLE at 60 s).
         */
        private SolveResult stageModel() {
            SolveResult closeEnough = withinGapTolerance();
            if (closeEnough != null) {
                return closeEnough;
            }
            long columns = StageFormulation.estimatedColumns(graph, budget);
            if (tooLateToBuild(columns)) {
                incumbent.note(String.format(Locale.ROOT, "the stage model (about %,d columns) was not built: it"
                        + " needs about %.0f s to be built and taken in by %s, more than the %.1f s left", columns,
                        readySeconds(columns), backend.name(), times.remainingSeconds()));
                return windowsInstead();
            }
            long needed = StageFormulation.estimatedHeapBytes(graph);
            if (!HeapRoom.allows(needed)) {
                incumbent.note("the stage model was not built: it would take about " + Quantities.bytes(needed)
                        + " of memory, more than half of what is free (" + Quantities.bytes(HeapRoom.freeBytes()) + ")");
                return windowsInstead();
            }
            listener.onProgress("building the model", incumbent.lowerBoundJ());
            StageModel model = StageFormulation.reduced(graph, budget, backend.needsIntegerModel(), stop);
            if (stop.isCancelled()) {
                return incumbent.stopped(stop.reason());
            }
            listener.onProgress("solving with " + backend.name(), incumbent.lowerBoundJ());
            Verifier.Verified best = incumbent.best();
            double[] hint = best == null ? null : model.pointOf(best.plan());
            BackendOutcome out = backend.solve(model.lp(), hint, backendDeadline(times.remainingSeconds()),
                    options.gapTolerance(), options.threads(), stop, x -> consider(model.round(x), "stage model"),
                    budget.paging() ? Backend.Presolve.FULL : Backend.Presolve.WITHOUT_PROBING);
            if (out.x() != null) {
                consider(model.round(out.x()), "stage model");
            }
            if (Double.isFinite(out.bound())) {
                incumbent.raiseBound(model.energyJ(out.bound()));
            }
            return finish(out, "the stage model");
        }

        /**
         * When the stage model cannot be built: the window search for the rest of the time (without
         * a time limit, until it finds nothing more); when it finds nothing more before the time
         * limit, the rest goes to the covering program's rounds ({@link #coverRoundsInIdleTime}).
         * OPTIMAL only when the proven bound closes.
         */
        private SolveResult windowsInstead() {
            WindowSearch.Summary searched = searchWindows(times.remainingSeconds());
            SolveResult closed = optimalIfTheBoundCloses("the lower bound");
            if (closed != null) {
                return closed;
            }
            if (searched != null && searched.exhausted()) {
                closed = coverRoundsInIdleTime();
                if (closed != null) {
                    return closed;
                }
            }
            String why;
            if (stop.isCancelled()) {
                why = stop.reason();
            } else if (searched == null) {
                why = "stopped before the time limit: the next phase could not be ready in time";
            } else if (searched.exhausted() && times.remainingSeconds() > IDLE_ROUND_MIN_SECONDS) {
                why = "stopped before the time limit: the window search found nothing more";
            } else {
                why = "time limit reached"; // the search ends a moment before the deadline
            }
            return incumbent.stopped(why);
        }

        /**
         * The time the window search left unused, on more rounds of the covering program
         * ({@link CoverRounds}, where {@link #coverProgram} left them): a round that was cut short
         * comes again with all that time, and may prove a higher bound. OPTIMAL when the bound
         * closes; null otherwise.
         */
        private SolveResult coverRoundsInIdleTime() {
            CoverRounds rounds = coverRounds.get();
            while (rounds != null && !stop.isCancelled() && times.remainingSeconds() > IDLE_ROUND_MIN_SECONDS) {
                CoverProgram cover = rounds.next();
                if (cover == null) {
                    break;
                }
                BackendOutcome out = solveExactly(cover, times.remainingSeconds());
                SolveResult closed = optimalIfTheBoundCloses("the exact cover bound");
                if (closed != null) {
                    return closed;
                }
                rounds.solved(out.x(), out.kind() == BackendOutcome.Kind.OPTIMAL);
            }
            return null;
        }

        /** The window search ({@link WindowSearch}) for {@code seconds} (0: no limit), noted in the result; null when it did not start. */
        private WindowSearch.Summary searchWindows(double seconds) {
            if (!incumbent.hasSchedule() || stop.isCancelled()) {
                return null;
            }
            listener.onProgress("window search", incumbent.lowerBoundJ());
            WindowSearch.Summary s = new WindowSearch(graph, budget, backend, options.threads(), stop,
                    new WindowSearch.Best() {
                        @Override
                        public Verifier.Verified best() {
                            return incumbent.best();
                        }

                        @Override
                        public void offer(StagePlan plan) {
                            consider(plan, "window search");
                        }
                    }).run(backendDeadline(seconds));
            incumbent.note(String.format(Locale.ROOT, "window search: %d windows of up to %d stages, %d improved the"
                    + " schedule", s.windows(), s.largestStages(), s.improvements()));
            return s;
        }

        /** The heuristic, given its share of the time (it also stops at the stop signal). */
        private FastScheduler heuristic() {
            return new FastScheduler(Duration.ofNanos((long) (times.heuristicSeconds() * 1e9)));
        }

        /**
         * A backend's deadline: {@code seconds} from now (0: none), and with a time limit never
         * later than {@link #BACKEND_MARGIN_SECONDS} before the solve's own deadline.
         */
        private Deadline backendDeadline(double seconds) {
            Deadline share = Deadline.in(seconds);
            if (!times.hasLimit()) {
                return share;
            }
            return share.orEarlier(Deadline.in(Math.max(0.01, times.remainingSeconds() - BACKEND_MARGIN_SECONDS)));
        }

        /** FEASIBLE with its gap when the best schedule is within the gap tolerance of the bound; null otherwise. */
        private SolveResult withinGapTolerance() {
            double tolerance = options.gapTolerance();
            return tolerance > 0 && incumbent.gap() <= tolerance
                    ? incumbent.result(SolveStatus.FEASIBLE, "stopped within the gap tolerance of " + tolerance)
                    : null;
        }

        private SolveResult optimalIfTheBoundCloses(String bound) {
            return incumbent.boundCloses() ? incumbent.result(SolveStatus.OPTIMAL, "proven optimal: within "
                    + BigDecimal.valueOf(OPTIMAL_TOLERANCE).stripTrailingZeros().toPlainString()
                    + " (relative) of " + bound) : null;
        }

        /** A solver point: tidied, replayed and checked, then offered. Rejections are recorded loudly. */
        private void consider(StagePlan plan, String source) {
            Verifier.Outcome o = verifier.verify(plan);
            if (Verifier.STOPPED.equals(o.problem())) {
                return; // the stop signal cut the check short: the plan is not used
            }
            if (o.verified() == null) {
                incumbent.note("REJECTED a " + backend.name() + " solution (" + source + ") after rounding: "
                        + o.problem());
            } else {
                incumbent.offer(o.verified());
            }
        }

        /** The final result after the backend's last word on {@code what}. */
        private SolveResult finish(BackendOutcome out, String what) {
            switch (out.kind()) {
                case INFEASIBLE:
                    if (incumbent.hasSchedule()) {
                        incumbent.note(backend.name() + " reported " + what + " infeasible although a valid schedule"
                                + " is known");
                        return incumbent.result(SolveStatus.FEASIBLE, null);
                    }
                    return incumbent.result(SolveStatus.INFEASIBLE, "infeasible: proven by " + backend.name() + " on "
                            + what);
                case OPTIMAL:
                    if (incumbent.meetsBound()) {
                        return incumbent.result(SolveStatus.OPTIMAL, "proven optimal by " + backend.name() + " on " + what);
                    }
                    SolveResult closeEnough = withinGapTolerance();
                    if (closeEnough != null) {
                        return closeEnough;
                    }
                    return incumbent.hasSchedule()
                            ? incumbent.result(SolveStatus.FEASIBLE, backend.name() + " claimed optimal; the exact"
                                    + " recheck leaves a gap")
                            : incumbent.stopped(backend.name() + " claimed optimal but gave no valid schedule");
                default:
                    SolveResult stoppedAtGap = stop.byCaller() ? null : withinGapTolerance();
                    if (stoppedAtGap != null) {
                        return stoppedAtGap; // a backend that stops at the gap limit with a FEASIBLE status
                    }
                    String why = stop.byCaller() ? "cancelled"
                            : out.kind() == BackendOutcome.Kind.ERROR ? out.detail() : "time limit reached";
                    return incumbent.stopped(why);
            }
        }
    }
}

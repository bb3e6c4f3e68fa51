package org.poetexplorer.solver;

import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.model.Budget;
import org.poetexplorer.solver.heuristic.FastScheduler;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.StagePlan;
import org.poetexplorer.solver.phases.CoverBound;
import org.poetexplorer.solver.backends.Deadline;
import org.poetexplorer.solver.backends.BackendOutcome;
import org.poetexplorer.solver.backends.Backends;
import org.poetexplorer.solver.backends.Backend;
import org.poetexplorer.solver.phases.InfeasibilityProofs;
import org.poetexplorer.solver.phases.StageModel;
import org.poetexplorer.solver.phases.StageFormulation;
import org.poetexplorer.solver.phases.GapModel;
import org.poetexplorer.solver.phases.CoverProgram;

/**
 * The engine's one entry point for solving: graph + budget + options -> a checked result.
 * Every schedule it returns (and streams to the listener) has passed the replay check, and its
 * energy, runtime and peak RAM are recomputed exactly from the graph.
 *
 * <p>Status: OPTIMAL when a proof exists - the plain schedule fits (no schedule costs less than
 * computing every node once), a schedule's exact energy is within {@link #OPTIMAL_TOLERANCE}
 * (relative) of a proven lower bound (the heuristic package's cover bound, or the backend's
 * proven bound on the exact covering program {@link CoverProgram}), or the backend
 * proved its answer optimal and that answer's exact energy is within the same tolerance of the
 * backend's proven bound;
 * INFEASIBLE when proven (by the working-set and runtime facts of {@link InfeasibilityProofs} or by the
 * backend); otherwise FEASIBLE with gap = (energy - bound) / energy, or UNKNOWN with no schedule.
 *
 * <p>Phases: (1) the proofs of {@link InfeasibilityProofs} and the plain schedule, the heuristic
 * package's cover bound and its fast schedule ({@link FastScheduler}); with recomputation, the
 * covering program solved exactly ({@link CoverProgram}: a stronger bound and the schedule built
 * from its answer, which often meets it); (2) the small gap
 * model ({@link GapModel}: exact and final when recomputation is off, otherwise the first
 * incumbent and the hint); (3) with recomputation, the reduced stage model
 * ({@link StageFormulation#reduced}) on the chosen backend. Every solver answer is rounded,
 * tidied, replayed, built into operations, replay-checked, cleaned and measured
 * ({@link Verifier}); an answer that fails is never returned and is named in the message.
 * Each better schedule goes to {@link SolveListener#onIncumbent} as it is found.
 */
public final class PoetSolver {
    /** Relative distance between exact energy and proven bound that still counts as optimal. */
    public static final double OPTIMAL_TOLERANCE = 1e-6;
    /** Time for the gap model when recomputation is on and there is no time limit. */
    private static final double GAP_MODEL_SECONDS = 10;

    private PoetSolver() {
    }

    public static SolveResult solve(TrainingGraph graph, Budget budget, SolveOptions options,
            SolveListener listener, CancelToken cancel) {
        return new Run(graph, budget, options, listener == null ? SolveListener.NONE : listener,
                cancel == null ? new CancelToken() : cancel).solve();
    }

    /** One solve: the state shared by its phases. */
    private static final class Run {
        private final TrainingGraph graph;
        private final Budget budget;
        private final SolveOptions options;
        private final SolveListener listener;
        private final CancelToken cancel;
        private final Backend backend;
        private final Verifier verifier;
        private final long startNanos = System.nanoTime();
        private final List<String> notes = new ArrayList<>();
        private Verifier.Verified best;
        private double lowerBoundJ;

        Run(TrainingGraph graph, Budget budget, SolveOptions options, SolveListener listener, CancelToken cancel) {
            this.graph = graph;
            this.budget = budget;
            this.options = options;
            this.listener = listener;
            this.cancel = cancel;
            this.backend = Backends.byName(options.solver());
            this.verifier = new Verifier(graph, budget);
            this.lowerBoundJ = graph.plainEnergyJ();
        }

        SolveResult solve() {
            String impossible = InfeasibilityProofs.reason(graph, budget);
            if (impossible != null) {
                return result(SolveStatus.INFEASIBLE, "infeasible: " + impossible);
            }
            Verifier.Outcome plain = verifier.verify(Plans.plain(graph));
            if (plain.verified() != null) {
                offer(plain.verified());
                return result(SolveStatus.OPTIMAL, "the plain schedule fits: every node computed once is optimal");
            }
            if (!budget.paging() && !budget.remat()) {
                // Without either trick every output stays in RAM from its stage to its last
                // reader: the plain schedule uses the least RAM in every stage, and it does not fit.
                return result(SolveStatus.INFEASIBLE, "infeasible: without paging and recomputation the plain schedule"
                        + " is the only one, and it needs more RAM than the budget (" + plain.problem() + ")");
            }
            if (CoverBound.provesInfeasible(graph, budget)) {
                return result(SolveStatus.INFEASIBLE, "infeasible: proven by the cover bound of the heuristic package");
            }
            double cover = CoverBound.energyJ(graph, budget);
            if (cover > lowerBoundJ && !Double.isInfinite(cover)) {
                lowerBoundJ = cover;
            }
            listener.onProgress("fast schedule", lowerBoundJ);
            new FastScheduler().schedule(graph, budget, cancel::isCancelled)
                    .ifPresent(h -> consider(h.plan(), "fast heuristic"));
            if (boundCloses()) {
                return result(SolveStatus.OPTIMAL, "proven optimal: within " + OPTIMAL_TOLERANCE + " of the lower bound");
            }
            if (budget.remat()) {
                solveCoverProgram();
                if (boundCloses()) {
                    return result(SolveStatus.OPTIMAL, "proven optimal: within " + OPTIMAL_TOLERANCE
                            + " of the exact cover bound");
                }
            }
            if (budget.paging() || budget.remat()) {
                SolveResult gapResult = solveGapModel();
                if (gapResult != null) {
                    return gapResult;
                }
            }
            if (boundCloses()) {
                return result(SolveStatus.OPTIMAL, "proven optimal: within " + OPTIMAL_TOLERANCE + " of the lower bound");
            }
            if (cancel.isCancelled()) {
                return stopped("cancelled");
            }
            if (timeIsUp()) {
                return stopped("time limit reached");
            }
            listener.onProgress("building the model", lowerBoundJ);
            StageModel model = StageFormulation.reduced(graph, budget, backend.needsIntegerModel());
            if (cancel.isCancelled()) {
                return stopped("cancelled");
            }
            if (timeIsUp()) {
                return stopped("time limit reached");
            }
            listener.onProgress("solving with " + backend.name(), lowerBoundJ);
            double[] hint = best == null ? null : model.pointOf(best.plan());
            BackendOutcome out = backend.solve(model.lp(), hint, Deadline.in(remainingSeconds()), options.threads(), cancel,
                    x -> consider(model.round(x), "stage model"));
            if (out.x() != null) {
                consider(model.round(out.x()), "stage model");
            }
            if (!Double.isInfinite(out.bound()) && !Double.isNaN(out.bound())) {
                lowerBoundJ = Math.max(lowerBoundJ, model.energyJ(out.bound()));
            }
            return finish(out, "the stage model");
        }

        /**
         * Solves the gap model ({@link GapModel}). Without recomputation it is exact and its
         * answer is final (returned); with recomputation it only seeds the incumbent (null).
         */
        private SolveResult solveGapModel() {
            listener.onProgress("paging and single recomputations", lowerBoundJ);
            GapModel gapModel = GapModel.build(graph, budget, backend.needsIntegerModel());
            // With recomputation the gap model only seeds the search: it gets a share of the time.
            double seconds = budget.remat() ? gapModelSeconds() : remainingSeconds();
            BackendOutcome out = backend.solve(gapModel.lp(), null, Deadline.in(seconds), options.threads(), cancel,
                    x -> consider(gapModel.plan(x), "gap model"));
            if (out.x() != null) {
                consider(gapModel.plan(out.x()), "gap model");
            }
            if (budget.remat()) {
                return null;
            }
            if (!Double.isInfinite(out.bound()) && !Double.isNaN(out.bound())) {
                lowerBoundJ = Math.max(lowerBoundJ, gapModel.energyJ(out.bound()));
            }
            return finish(out, "the gap model");
        }

        /**
         * Solves the covering program ({@link CoverProgram}) exactly: its proven bound raises the
         * lower bound, and the schedule built from its answer is kept when it verifies; when it
         * does not (it is a construction that may not fit, so that is not reported as a rejected
         * answer) the fast heuristic repairs and improves it as a hint.
         */
        private void solveCoverProgram() {
            CoverProgram cover = CoverProgram.build(graph, budget);
            if (cover == null || cancel.isCancelled()) {
                return;
            }
            listener.onProgress("exact cover bound", lowerBoundJ);
            Backend coverBackend = backend.needsIntegerModel() ? Backends.byName("scip") : backend;
            BackendOutcome out = coverBackend.solve(cover.lp(), null, Deadline.in(coverSeconds()), options.threads(),
                    cancel, x -> { });
            if (out.x() != null) {
                StagePlan built = cover.plan(out.x());
                Verifier.Outcome o = verifier.verify(built);
                if (o.verified() != null) {
                    offer(o.verified());
                } else {
                    // mostly a stage the cover rows do not watch ends over budget: repair it
                    new FastScheduler().schedule(graph, budget, built, cancel::isCancelled)
                            .ifPresent(h -> consider(h.plan(), "repaired cover schedule"));
                }
            }
            boolean proven = out.kind() == BackendOutcome.Kind.OPTIMAL || out.kind() == BackendOutcome.Kind.FEASIBLE
                    || out.kind() == BackendOutcome.Kind.NO_SOLUTION;
            if (proven && !Double.isInfinite(out.bound()) && !Double.isNaN(out.bound())) {
                synchronized (this) {
                    lowerBoundJ = Math.max(lowerBoundJ, cover.energyBoundJ(out.bound()));
                }
            }
        }

        /** The covering program is small: a tenth of the time limit (at least a second), or 10 s without one. */
        private double coverSeconds() {
            if (options.timeLimitSeconds() <= 0) {
                return GAP_MODEL_SECONDS;
            }
            return Math.min(remainingSeconds(), Math.max(1.0, options.timeLimitSeconds() / 10));
        }

        private SolveResult finish(BackendOutcome out, String what) {
            switch (out.kind()) {
                case INFEASIBLE:
                    if (best != null) {
                        notes.add(backend.name() + " reported " + what + " infeasible although a valid schedule is known");
                        return result(SolveStatus.FEASIBLE, null);
                    }
                    return result(SolveStatus.INFEASIBLE, "infeasible: proven by " + backend.name() + " on " + what);
                case OPTIMAL:
                    if (best != null && best.energyJ() - lowerBoundJ <= OPTIMAL_TOLERANCE * best.energyJ()) {
                        return result(SolveStatus.OPTIMAL, "proven optimal by " + backend.name() + " on " + what);
                    }
                    return best == null ? stopped(backend.name() + " claimed optimal but gave no valid schedule")
                            : result(SolveStatus.FEASIBLE, backend.name() + " claimed optimal; the exact recheck leaves a gap");
                default:
                    String why = cancel.isCancelled() ? "cancelled"
                            : out.kind() == BackendOutcome.Kind.ERROR ? out.detail() : "time limit reached";
                    return best == null ? stopped(why) : result(SolveStatus.FEASIBLE, why);
            }
        }

        /** A solver point: round, check, keep if better. Rejections are recorded loudly. */
        private synchronized void consider(StagePlan plan, String source) {
            Verifier.Outcome o = verifier.verify(plan);
            if (o.verified() == null) {
                notes.add("REJECTED a " + backend.name() + " solution (" + source + ") after rounding: " + o.problem());
                return;
            }
            offer(o.verified());
        }

        private synchronized void offer(Verifier.Verified v) {
            if (best == null || v.energyJ() < best.energyJ()) {
                best = v;
                listener.onIncumbent(make(SolveStatus.FEASIBLE, null));
            }
        }

        private double remainingSeconds() {
            if (options.timeLimitSeconds() <= 0) {
                return 0;
            }
            return Math.max(0.01, options.timeLimitSeconds() - elapsed());
        }

        /** Whether the best schedule is within {@link #OPTIMAL_TOLERANCE} of the proven lower bound. */
        private synchronized boolean boundCloses() {
            return best != null && best.energyJ() - lowerBoundJ <= OPTIMAL_TOLERANCE * best.energyJ()
                    && lowerBoundJ <= best.energyJ() * (1 + 1e-9);
        }

        /** A quarter of the time limit (at least a second), or 10 s without a limit. */
        private double gapModelSeconds() {
            if (options.timeLimitSeconds() <= 0) {
                return GAP_MODEL_SECONDS;
            }
            return Math.min(remainingSeconds(), Math.max(1.0, options.timeLimitSeconds() / 4));
        }

        private boolean timeIsUp() {
            return options.timeLimitSeconds() > 0 && elapsed() >= options.timeLimitSeconds();
        }

        private double elapsed() {
            return (System.nanoTime() - startNanos) / 1e9;
        }

        private SolveResult stopped(String why) {
            return result(best == null ? SolveStatus.UNKNOWN : SolveStatus.FEASIBLE, why);
        }

        private SolveResult result(SolveStatus status, String message) {
            SolveResult r = make(status, message);
            if (status == SolveStatus.OPTIMAL) {
                listener.onIncumbent(r);
            }
            return r;
        }

        private synchronized SolveResult make(SolveStatus status, String message) {
            List<String> parts = new ArrayList<>();
            if (message != null) {
                parts.add(message);
            }
            parts.addAll(notes);
            String text = parts.isEmpty() ? null : String.join("; ", parts);
            if (best == null || status == SolveStatus.INFEASIBLE) {
                return new SolveResult(graph, budget, backend.name(), status, null, null,
                        status == SolveStatus.INFEASIBLE ? null : lowerBoundJ, null, elapsed(), text);
            }
            if (lowerBoundJ > best.energyJ() * (1 + 1e-9) && notes.stream().noneMatch(n -> n.startsWith("INCONSISTENT"))) {
                notes.add("INCONSISTENT: a lower bound of " + lowerBoundJ + " J exceeds a valid schedule's "
                        + best.energyJ() + " J; the bound is ignored");
            }
            double bound = Math.min(lowerBoundJ, best.energyJ());
            // reported as is, also for OPTIMAL (then at most OPTIMAL_TOLERANCE)
            double gap = best.energyJ() > 0 ? Math.max(0.0, (best.energyJ() - bound) / best.energyJ()) : 0.0;
            return new SolveResult(graph, budget, backend.name(), status, best.plan(), best.schedule(),
                    bound, gap, elapsed(), text);
        }
    }
}

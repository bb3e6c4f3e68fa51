package org.poetexplorer.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.poetexplorer.model.Allowance;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.schedule.StagePlan;
import org.poetexplorer.solver.heuristic.FastScheduler;
import org.poetexplorer.solver.heuristic.HeuristicPlan;
import org.poetexplorer.solver.phases.CoverBound;

/**
 * Energy and peak RAM against the RAM budget: one checked solve per budget of a range, with
 * the runtime ratio and switches fixed, reusing work between neighbouring budgets.
 *
 * <p>The facts it relies on: a schedule valid for budget b is valid for every larger budget, so
 * the least energy E(b) never increases with b, and a lower bound at B also bounds every
 * b &lt; B. The sweep therefore goes from the largest budget down and, at each budget b:
 * <ul>
 * <li>a larger budget proven INFEASIBLE makes b infeasible (no solve);</li>
 * <li>a larger budget B proven OPTIMAL whose schedule peaks at most b gives b's optimum: the
 * schedule fits b and nothing at b can cost less than E(B) (no solve; the schedule is rebuilt
 * for b and replay-checked);</li>
 * <li>otherwise the exact {@link PoetSolver} runs with the per-point time limit (enforced also
 * by cancelling, so a slow model build cannot overrun it by much). When it does not prove
 * optimality, {@link FastScheduler} starts from the previous (larger) budget's schedule as a
 * warm-start hint, and the cheaper checked schedule is kept;</li>
 * <li>the gap uses the best of the solver's bound, the covering bound of
 * {@link CoverBound#energyJ} and the bounds carried down from larger budgets.</li>
 * </ul>
 * When every point is done, a last pass carries schedules up: where a smaller budget's schedule
 * is cheaper than a larger budget's unproven one, it is rebuilt and checked for the larger
 * budget. So the energies of the returned points never increase with the budget, and a point
 * whose energy meets the carried bound is OPTIMAL. Every schedule returned passed
 * {@link Verifier} (replay check, cleaning) for its own budget.
 */
public final class Sweep {

    /** How a point's answer was obtained. */
    public enum Source {
        /** the exact solver at this budget */
        SOLVER,
        /** the fast scheduler warm-started from the neighbouring budget beat the time-limited exact solve */
        WARM_START,
        /** a larger budget's proven optimum or proven infeasibility */
        LARGER_BUDGET,
        /** a smaller budget's cheaper schedule, valid here too */
        SMALLER_BUDGET,
        /** not reached: the sweep was cancelled first */
        CANCELLED
    }

    /** One budget of the curve and its checked result ({@code result.budget().ramBytes()} is the budget). */
    public record Point(long ramBudgetBytes, SolveResult result, Source source, double seconds) {

        public boolean hasSchedule() {
            return result.hasSchedule();
        }
    }

    /** Hears about each finished point; called on the sweeping thread. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total, point) -> {
        };

        /** {@code done} of {@code total} points are finished; {@code point} is the latest (larger budgets come first). */
        void onPoint(int done, int total, Point point);
    }

    /**
     * RAM budgets from {@code fromBytes} to {@code toBytes}, {@code steps} of them, evenly spaced
     * (linear: the charts have a linear budget axis, and the interesting changes of the curve are
     * spread over the whole range, not bunched at small budgets).
     */
    public record Range(long fromBytes, long toBytes, int steps) {

        public Range {
            if (fromBytes <= 0) {
                throw new IllegalArgumentException("from: must be > 0 bytes (was " + fromBytes + ")");
            }
            if (toBytes <= fromBytes) {
                throw new IllegalArgumentException("to: must be larger than from (was " + toBytes + " <= " + fromBytes
                        + ")");
            }
            if (steps < 2) {
                throw new IllegalArgumentException("steps: must be at least 2 (was " + steps + ")");
            }
            if (toBytes - fromBytes < steps - 1L) {
                throw new IllegalArgumentException("steps: " + steps + " distinct budgets do not fit between "
                        + fromBytes + " and " + toBytes + " bytes");
            }
        }

        /** The budgets, increasing, rounded to whole bytes, first and last exact. */
        public List<Long> budgets() {
            List<Long> out = new ArrayList<>(steps);
            for (int i = 0; i < steps; i++) {
                out.add(fromBytes + Math.round((toBytes - fromBytes) * (double) i / (steps - 1)));
            }
            return out;
        }
    }

    private final TrainingGraph graph;
    private final Allowance base;
    private final SolveOptions perPoint;
    private final FastScheduler scheduler = new FastScheduler();

    /**
     * @param base     runtime ratio and switches of every point
     * @param perPoint solver, threads and the time limit of each point (0 or less: none)
     */
    public Sweep(TrainingGraph graph, Allowance base, SolveOptions perPoint) {
        this.graph = graph;
        this.base = base;
        this.perPoint = perPoint;
    }

    /**
     * Solves every budget (any order, duplicates ignored) and returns the points in increasing
     * budget order. After a cancel the points not reached are UNKNOWN with source CANCELLED.
     */
    public List<Point> run(List<Long> budgets, Progress progress, CancelToken cancel) {
        long[] sorted = budgets.stream().mapToLong(Long::longValue).distinct().sorted().toArray();
        Point[] points = new Point[sorted.length];
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sweep-time-limit");
            t.setDaemon(true);
            return t;
        });
        try {
            double carriedBound = Double.NEGATIVE_INFINITY;
            Point larger = null;
            for (int i = sorted.length - 1; i >= 0; i--) {
                Budget b = base.withRam(sorted[i]);
                Point p = cancel.isCancelled() ? notReached(b) : solvePoint(b, larger, carriedBound, cancel, timer);
                points[i] = p;
                if (p.result().lowerBoundJ() != null) {
                    carriedBound = Math.max(carriedBound, p.result().lowerBoundJ());
                }
                if (p.source() != Source.CANCELLED) {
                    larger = p;
                }
                progress.onPoint(sorted.length - i, sorted.length, p);
            }
        } finally {
            timer.shutdownNow();
        }
        carryUp(points);
        return Collections.unmodifiableList(Arrays.asList(points));
    }

    private Point notReached(Budget b) {
        return new Point(b.ramBytes(), new SolveResult(graph, b, perPoint.solver(), SolveStatus.UNKNOWN, null, null,
                null, null, 0, "cancelled before this budget was solved"), Source.CANCELLED, 0);
    }

    private Point solvePoint(Budget b, Point larger, double carriedBound, CancelToken sweepCancel,
            ScheduledExecutorService timer) {
        long start = System.nanoTime();
        if (larger != null) {
            SolveResult lr = larger.result();
            if (lr.status() == SolveStatus.INFEASIBLE) {
                return point(b, new SolveResult(graph, b, lr.solver(), SolveStatus.INFEASIBLE, null, null, null, null, 0,
                        "infeasible: the larger budget " + larger.ramBudgetBytes() + " B is"), Source.LARGER_BUDGET,
                        start);
            }
            if (lr.status() == SolveStatus.OPTIMAL && lr.hasSchedule() && peak(lr) <= b.ramBytes()) {
                Verifier.Verified v = new Verifier(graph, b).verify(lr.plan()).verified();
                if (v != null) {
                    return point(b, result(b, lr.solver(), SolveStatus.OPTIMAL, v, v.energyJ(), seconds(start),
                            "optimal at the larger budget " + larger.ramBudgetBytes() + " B and fits this one"),
                            Source.LARGER_BUDGET, start);
                }
            }
        }
        CancelToken token = new CancelToken();
        ScheduledFuture<?> deadline = perPoint.timeLimitSeconds() > 0
                ? timer.schedule(token::cancel, Math.round(perPoint.timeLimitSeconds() * 1000), TimeUnit.MILLISECONDS)
                : null;
        SolveResult exact;
        try (AutoCloseable link = sweepCancel.onCancel(token::cancel)) {
            exact = PoetSolver.solve(graph, b, perPoint, SolveListener.NONE, token);
        } catch (Exception closing) {
            throw new IllegalStateException(closing);
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
        if (exact.status() == SolveStatus.OPTIMAL || exact.status() == SolveStatus.INFEASIBLE) {
            return point(b, exact, Source.SOLVER, start);
        }
        String why = sweepCancel.isCancelled() ? "cancelled" : "time limit per point reached";
        String message = token.isCancelled() ? why : exact.message();
        double bound = Math.max(Math.max(carriedBound, coverBound(b, sweepCancel)),
                exact.lowerBoundJ() == null ? Double.NEGATIVE_INFINITY : exact.lowerBoundJ());
        StagePlan hint = larger != null && larger.hasSchedule() ? larger.result().plan() : null;
        Verifier.Verified warm = warmStart(b, hint, sweepCancel);
        boolean warmWins = warm != null && (!exact.hasSchedule() || warm.energyJ() < energy(exact));
        if (warmWins) {
            return point(b, result(b, exact.solver(), null, warm, bound, seconds(start),
                    message + "; warm-started from the larger budget's schedule"), Source.WARM_START, start);
        }
        if (!exact.hasSchedule()) {
            return point(b, new SolveResult(graph, b, exact.solver(), exact.status(), null, null, exact.lowerBoundJ(),
                    null, exact.solveSeconds(), message), Source.SOLVER, start);
        }
        return point(b, rebound(exact, bound, message), Source.SOLVER, start);
    }

    /** The cover bound (none once the sweep is cancelled); an infinite one is left to the solver to prove. */
    private double coverBound(Budget b, CancelToken cancel) {
        double lb = CoverBound.energyJ(graph, b, cancel::isCancelled);
        return Double.isFinite(lb) ? lb : Double.NEGATIVE_INFINITY;
    }

    private Verifier.Verified warmStart(Budget b, StagePlan hint, CancelToken cancel) {
        Optional<HeuristicPlan> h = scheduler.schedule(graph, b, hint, cancel::isCancelled);
        return h.map(p -> new Verifier(graph, b).verify(p.plan()).verified()).orElse(null);
    }

    /** Last pass: a smaller budget's cheaper schedule serves every larger budget; bounds are re-applied. */
    private void carryUp(Point[] points) {
        Point cheapest = null;
        for (int i = 0; i < points.length; i++) {
            Point p = points[i];
            if (!p.hasSchedule() && p.result().status() == SolveStatus.INFEASIBLE) {
                continue;
            }
            if (cheapest != null && p.result().status() != SolveStatus.OPTIMAL
                    && (!p.hasSchedule() || energy(cheapest.result()) < energy(p.result()))) {
                Budget b = p.result().budget();
                Verifier.Verified v = new Verifier(graph, b).verify(cheapest.result().plan()).verified();
                if (v != null) {
                    Double lb = p.result().lowerBoundJ();
                    points[i] = new Point(p.ramBudgetBytes(), result(b, p.result().solver(), null, v,
                            lb == null ? Double.NEGATIVE_INFINITY : lb, p.result().solveSeconds(),
                            "schedule of the smaller budget " + cheapest.ramBudgetBytes() + " B"),
                            Source.SMALLER_BUDGET, p.seconds());
                    p = points[i];
                }
            }
            if (p.hasSchedule() && (cheapest == null || energy(p.result()) < energy(cheapest.result()))) {
                cheapest = p;
            }
        }
    }

    /** A FEASIBLE result from a verified schedule, OPTIMAL when it meets {@code bound} (status null: decide). */
    private SolveResult result(Budget b, String solver, SolveStatus status, Verifier.Verified v, double bound,
            double seconds, String message) {
        double lb = Math.min(Math.max(bound, graph.plainEnergyJ()), v.energyJ());
        boolean proven = status == SolveStatus.OPTIMAL
                || v.energyJ() - lb <= PoetSolver.OPTIMAL_TOLERANCE * v.energyJ();
        double gap = proven ? 0.0 : v.energyJ() > 0 ? (v.energyJ() - lb) / v.energyJ() : 0.0;
        return new SolveResult(graph, b, solver, proven ? SolveStatus.OPTIMAL : SolveStatus.FEASIBLE, v.plan(),
                v.schedule(), lb, gap, seconds, message);
    }

    /** The solver's result with a better carried lower bound (gap and status updated). */
    private SolveResult rebound(SolveResult r, double bound, String message) {
        double e = energy(r);
        double lb = Math.min(Math.max(bound, r.lowerBoundJ() == null ? graph.plainEnergyJ() : r.lowerBoundJ()), e);
        boolean proven = e - lb <= PoetSolver.OPTIMAL_TOLERANCE * e;
        double gap = proven ? 0.0 : e > 0 ? (e - lb) / e : 0.0;
        return new SolveResult(graph, r.budget(), r.solver(), proven ? SolveStatus.OPTIMAL : r.status(), r.plan(),
                r.schedule(), lb, gap, r.solveSeconds(), message);
    }

    private static Point point(Budget b, SolveResult r, Source source, long startNanos) {
        return new Point(b.ramBytes(), r, source, seconds(startNanos));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double energy(SolveResult r) {
        return ScheduleSummary.of(r.schedule()).energyJ();
    }

    private static long peak(SolveResult r) {
        return ScheduleSummary.of(r.schedule()).peakRamBytes();
    }
}

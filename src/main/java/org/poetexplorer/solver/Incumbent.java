package org.poetexplorer.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

/**
 * What the phases of one solve share: the best verified schedule so far, the proven lower bound
 * on energy, and the notes for the final message. It is the only synchronised place of a solve:
 * a backend may offer schedules from its own thread (CP-SAT's solution callback) while the
 * solving thread raises the bound, and every reader sees the schedule and the bound of one moment.
 */
final class Incumbent {
    private final TrainingGraph graph;
    private final Budget budget;
    private final String solver;
    private final SolveListener listener;
    private final DoubleSupplier elapsedSeconds;
    private final List<String> notes = new ArrayList<>();
    private Verifier.Verified best;
    private double lowerBoundJ;

    /** Starts with no schedule and the plain energy as the bound: every schedule computes every node once. */
    Incumbent(TrainingGraph graph, Budget budget, String solver, SolveListener listener, DoubleSupplier elapsedSeconds) {
        this.graph = graph;
        this.budget = budget;
        this.solver = solver;
        this.listener = listener;
        this.elapsedSeconds = elapsedSeconds;
        this.lowerBoundJ = graph.plainEnergyJ();
    }

    /** Keeps {@code v} when it is cheaper than the best so far, and tells the listener (in order of arrival). */
    synchronized void offer(Verifier.Verified v) {
        if (best == null || v.energyJ() < best.energyJ()) {
            best = v;
            listener.onIncumbent(make(SolveStatus.FEASIBLE, null));
        }
    }

    /** Raises the proven lower bound to {@code boundJ} when that is higher; a bound that is not finite says nothing. */
    synchronized void raiseBound(double boundJ) {
        if (Double.isFinite(boundJ) && boundJ > lowerBoundJ) {
            lowerBoundJ = boundJ;
        }
    }

    synchronized void note(String text) {
        notes.add(text);
    }

    synchronized double lowerBoundJ() {
        return lowerBoundJ;
    }

    synchronized Verifier.Verified best() {
        return best;
    }

    synchronized boolean hasSchedule() {
        return best != null;
    }

    /** Whether the best schedule is within {@link PoetSolver#OPTIMAL_TOLERANCE} of the bound (and not below it). */
    synchronized boolean boundCloses() {
        return meetsBound() && lowerBoundJ <= best.energyJ() * (1 + 1e-9);
    }

    /** Whether the best schedule's energy is within {@link PoetSolver#OPTIMAL_TOLERANCE} of the bound. */
    synchronized boolean meetsBound() {
        return best != null && best.energyJ() - lowerBoundJ <= PoetSolver.OPTIMAL_TOLERANCE * best.energyJ();
    }

    /** The best schedule's relative distance above the proven bound; infinite without a schedule. */
    synchronized double gap() {
        if (best == null) {
            return Double.POSITIVE_INFINITY;
        }
        double bound = Math.min(lowerBoundJ, best.energyJ());
        return best.energyJ() > 0 ? Math.max(0.0, (best.energyJ() - bound) / best.energyJ()) : 0.0;
    }

    /** The final result; an OPTIMAL one also goes to the listener. */
    SolveResult result(SolveStatus status, String message) {
        SolveResult r = make(status, message);
        if (status == SolveStatus.OPTIMAL) {
            listener.onIncumbent(r);
        }
        return r;
    }

    /** Ended early: FEASIBLE with the best schedule, or UNKNOWN without one. */
    SolveResult stopped(String why) {
        return result(hasSchedule() ? SolveStatus.FEASIBLE : SolveStatus.UNKNOWN, why);
    }

    private synchronized SolveResult make(SolveStatus status, String message) {
        List<String> parts = new ArrayList<>();
        if (message != null) {
            parts.add(message);
        }
        parts.addAll(notes);
        String text = parts.isEmpty() ? null : String.join("; ", parts);
        if (best == null || status == SolveStatus.INFEASIBLE) {
            return new SolveResult(graph, budget, solver, status, null, null,
                    status == SolveStatus.INFEASIBLE ? null : lowerBoundJ, null, elapsedSeconds.getAsDouble(), text);
        }
        if (lowerBoundJ > best.energyJ() * (1 + 1e-9) && notes.stream().noneMatch(n -> n.startsWith("INCONSISTENT"))) {
            notes.add("INCONSISTENT: a lower bound of " + lowerBoundJ + " J exceeds a valid schedule's "
                    + best.energyJ() + " J; the bound is ignored");
        }
        double bound = Math.min(lowerBoundJ, best.energyJ());
        // reported as is, also for OPTIMAL (then at most OPTIMAL_TOLERANCE)
        double gap = best.energyJ() > 0 ? Math.max(0.0, (best.energyJ() - bound) / best.energyJ()) : 0.0;
        return new SolveResult(graph, budget, solver, status, best.plan(), best.schedule(), bound, gap,
                elapsedSeconds.getAsDouble(), text);
    }
}

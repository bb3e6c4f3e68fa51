package org.poetexplorer.app.viewmodel;

import java.util.Locale;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.SolveResult;

/**
 * The status bar's one line: OPTIMAL, FEASIBLE with its gap, INFEASIBLE with which budget to
 * raise (and by how much when known), stopped, or what the running solve is doing; then the
 * schedule's energy, peak and tricks, its compute time against the runtime budget, and the
 * solve time.
 */
final class StatusLine {
    /**
     * What else the line depends on besides the result.
     *
     * @param solving a solve is still running (the result is its best so far)
     * @param stopped the user stopped the solve that gave the result
     * @param phase the running solve's phase, or null
     * @param lowerBoundJ the best proven lower bound on the energy, or null
     * @param floorBytes after an infeasible solve, no schedule needs less RAM (proven), or null
     * @param workingBytes after an infeasible solve, a RAM budget known to work, or null
     */
    record Context(boolean solving, boolean stopped, String phase, Double lowerBoundJ, Long floorBytes,
            Long workingBytes) {
    }

    private StatusLine() {
    }

    /**
     * The line for {@code shown} (null: nothing yet) in the situation {@code c}; the schedule's
     * figures are its summary, worked out once with it rather than at every progress note.
     */
    static String of(ShownSchedule shown, Context c) {
        SolveResult r = shown == null ? null : shown.result();
        boolean stillSolving = c.solving();
        String solving = "Solving" + (c.phase() == null ? "" : " (" + c.phase() + ")")
                + (c.lowerBoundJ() == null ? "" : ", bound " + Quantities.energy(c.lowerBoundJ())) + "...";
        if (r == null) {
            return stillSolving ? solving : "No schedule yet";
        }
        StringBuilder sb = new StringBuilder();
        if (stillSolving) {
            sb.append(solving).append(" best so far: ");
        }
        boolean stopped = c.stopped();
        switch (r.status()) {
            case OPTIMAL:
                sb.append("OPTIMAL");
                break;
            case FEASIBLE:
                sb.append(stopped ? "Stopped: FEASIBLE" : "FEASIBLE");
                if (r.gap() != null) {
                    sb.append(", gap ").append(Quantities.percent(r.gap()));
                }
                break;
            case INFEASIBLE:
                sb.append("INFEASIBLE: ").append(infeasibleAdvice(r.budget(), c));
                break;
            default:
                sb.append(stopped ? "Stopped: no schedule found" : "No schedule found");
                if (r.message() != null && !r.message().isBlank()) {
                    sb.append(" (").append(r.message()).append(')');
                }
                break;
        }
        if (shown.hasSchedule()) {
            ScheduleSummary sum = shown.summary();
            sb.append(String.format(Locale.ROOT, " | %s, peak RAM %s", Quantities.energy(sum.energyJ()),
                    Quantities.bytes(sum.peakRamBytes())));
            if (sum.counts().recompute() + sum.counts().pageIn() + sum.counts().pageOut() > 0) {
                sb.append(String.format(Locale.ROOT, ", %d recomputes, %d page-outs, %d page-ins",
                        sum.counts().recompute(), sum.counts().pageOut(), sum.counts().pageIn()));
            }
            sb.append(" | ").append(computeTime(r, sum));
        }
        if (!stillSolving) {
            sb.append(String.format(Locale.ROOT, " | solved in %.2f s", r.solveSeconds()));
            if (r.solver() != null) {
                sb.append(" (").append(r.solver()).append(')');
            }
        }
        return sb.toString();
    }

    /**
     * The schedule's compute time against the runtime budget. The budget bounds compute
     * (computations and recomputations) only: page transfers run beside the computations of
     * their stage, so they take no time of it; when transfers take time, they count too.
     */
    static String computeTime(SolveResult r, ScheduleSummary sum) {
        double budgetS = r.budget().runtimeRatio() * r.graph().plainRuntimeS();
        if (r.budget().transfersTakeTime()) {
            return "compute and transfers " + Quantities.duration(sum.runtimeS()) + " of "
                    + Quantities.duration(budgetS) + " runtime budget (transfers take time)";
        }
        return "compute " + Quantities.duration(sum.runtimeS()) + " of " + Quantities.duration(budgetS)
                + " runtime budget (transfers overlap compute)";
    }

    private static String infeasibleAdvice(Budget b, Context c) {
        Long floor = c.floorBytes();
        Long works = c.workingBytes();
        String ram = Quantities.bytes(b.ramBytes());
        StringBuilder sb = new StringBuilder("no schedule fits " + ram + " within "
                + Quantities.ratio(b.runtimeRatio()) + " runtime. ");
        if (floor != null && floor > b.ramBytes()) {
            sb.append("Raise the RAM budget to at least ").append(Quantities.bytes(floor));
            if (works != null && works.longValue() == floor.longValue()) {
                sb.append(" (the smallest that works)");
            } else if (works != null) {
                sb.append(" (a schedule is known at ").append(Quantities.bytes(works)).append(')');
            } else if (b.remat() && b.runtimeRatio() < InputsViewModel.MAX_RUNTIME_RATIO) {
                sb.append(", and the runtime budget");
            }
        } else if (works != null) {
            sb.append("Raise the RAM budget to at least ").append(Quantities.bytes(works)).append(" (known to work)");
        } else {
            sb.append("Raise the RAM budget");
            if (b.remat() && b.runtimeRatio() < InputsViewModel.MAX_RUNTIME_RATIO) {
                sb.append(" or the runtime budget");
            }
        }
        if (!b.paging() || !b.remat()) {
            sb.append(", or turn on ").append(!b.paging() ? "paging" : "rematerialization");
        }
        if (b.transfersTakeTime() && b.paging()) {
            sb.append(", or let transfers overlap compute (Transfers take time off)");
        }
        return sb.toString();
    }
}

package org.poetexplorer.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.poetexplorer.io.Json;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.schedule.SummaryText;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;

/**
 * The figures of one solve as {@code poet solve} prints them. Schedule figures are null when
 * the solve ended without a schedule (INFEASIBLE, or UNKNOWN after a time limit).
 */
record SolveReport(
        String network,
        String device,
        int nodes,
        long ramBudgetBytes,
        double runtimeBudgetRatio,
        boolean paging,
        boolean remat,
        boolean transfersTakeTime,
        String solver,
        SolveStatus status,
        Schedule schedule,
        ScheduleSummary summary,
        Double gap,
        Double lowerBoundJ,
        double solveSeconds,
        Double firstScheduleSeconds,
        String message,
        ScheduleSummary.Plain plain,
        long paramBytes) {

    /** @param firstScheduleSeconds seconds into the solve when its first schedule came, null without one */
    static SolveReport of(SolveResult r, TrainingGraph g, Budget b, String requestedSolver,
            Double firstScheduleSeconds) {
        ScheduleSummary summary = r.hasSchedule() ? ScheduleSummary.of(r.schedule()) : null;
        return new SolveReport(g.name(), g.deviceId(), g.size(), b.ramBytes(), b.runtimeRatio(), b.paging(),
                b.remat(), b.transfersTakeTime(), r.solver() == null ? requestedSolver : r.solver(), r.status(), r.schedule(), summary,
                r.gap(),
                r.lowerBoundJ(), r.solveSeconds(), firstScheduleSeconds, r.message(), ScheduleSummary.plain(g), g.paramBytes());
    }

    /** The fields of {@code solve --json} as documented, then the extra ones. */
    String toJson() {
        ObjectNode o = Json.object();
        o.put("network", network);
        o.put("device", device);
        o.put("nodes", nodes);
        o.put("ramBudgetBytes", ramBudgetBytes);
        o.put("runtimeBudgetRatio", runtimeBudgetRatio);
        o.put("paging", paging);
        o.put("remat", remat);
        o.put("transfersTakeTime", transfersTakeTime);
        o.put("solver", solver);
        o.put("status", status.name());
        boolean has = summary != null;
        o.put("energyJ", has ? summary.energyJ() : null);
        o.put("computeJ", has ? summary.computeJ() + summary.recomputeJ() : null);
        o.put("pageInJ", has ? summary.pageInJ() : null);
        o.put("pageOutJ", has ? summary.pageOutJ() : null);
        o.put("runtimeS", has ? summary.runtimeS() : null);
        o.put("peakRamBytes", has ? summary.peakRamBytes() : null);
        o.put("gap", gap);
        o.put("solveSeconds", solveSeconds);
        ObjectNode counts = o.putObject("counts");
        counts.put("compute", has ? summary.counts().compute() : 0);
        counts.put("recompute", has ? summary.counts().recompute() : 0);
        counts.put("pageIn", has ? summary.counts().pageIn() : 0);
        counts.put("pageOut", has ? summary.counts().pageOut() : 0);
        counts.put("free", has ? summary.counts().free() : 0);
        o.put("recomputeJ", has ? summary.recomputeJ() : null);
        o.put("totalTimeS", has ? summary.totalTimeS() : null);
        o.put("lowerBoundJ", lowerBoundJ);
        o.put("firstScheduleSeconds", firstScheduleSeconds);
        o.put("message", message);
        o.put("plainEnergyJ", plain.energyJ());
        o.put("plainPeakRamBytes", plain.peakRamBytes());
        o.put("plainRuntimeS", plain.runtimeS());
        o.put("paramBytes", paramBytes);
        return Json.write(o);
    }

    /**
     * The same figures for people: how the solve ended, then the schedule's summary as
     * {@code poet show} prints it (or the network and budget when there is no schedule).
     */
    String toText() {
        StringBuilder sb = new StringBuilder();
        line(sb, "solver", solver);
        line(sb, "status", status.name() + (gap == null ? "" : " (gap " + Quantities.percent(gap) + ")"));
        if (lowerBoundJ != null) {
            line(sb, "lower bound", Quantities.exactJoules(lowerBoundJ));
        }
        if (message != null && !message.isBlank()) {
            line(sb, "note", message);
        }
        line(sb, "solve time", Quantities.exactSeconds(solveSeconds) + (firstScheduleSeconds == null ? ""
                : ", the first schedule after " + Quantities.exactSeconds(firstScheduleSeconds)));
        if (schedule != null) {
            sb.append(SummaryText.format(schedule));
        } else {
            line(sb, "network", network + " (" + nodes + " nodes)" + (device == null ? "" : " on " + device));
            line(sb, "budget", "RAM " + Quantities.exactBytes(ramBudgetBytes) + ", runtime "
                    + Quantities.ratio(runtimeBudgetRatio) + " plain step, paging " + (paging ? "on" : "off")
                    + ", rematerialization " + (remat ? "on" : "off")
                    + (transfersTakeTime ? ", transfers take time" : ""));
            line(sb, "schedule", "none" + (status == SolveStatus.INFEASIBLE ? ": no schedule fits these budgets" : ""));
            line(sb, "plain step", Quantities.exactJoules(plain.energyJ()) + ", peak RAM "
                    + Quantities.exactBytes(plain.peakRamBytes()));
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format(Locale.ROOT, "%-12s %s%n", label, value));
    }
}

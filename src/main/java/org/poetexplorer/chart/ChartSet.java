package org.poetexplorer.chart;

import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;

/**
 * The four charts of a result, ready to draw: the painters the screen uses, built from a
 * snapshot of the data, so an export shows what the window shows.
 */
public record ChartSet(ChartPainter timeline, ChartPainter memory, ChartPainter energy, ChartPainter tradeoff) {

    public ChartPainter painter(ChartKind kind) {
        switch (kind) {
            case TIMELINE:
                return timeline;
            case MEMORY:
                return memory;
            case ENERGY:
                return energy;
            default:
                return tradeoff;
        }
    }

    /** The same charts, each with a title line: its kind and {@code context} (see {@link #context}). */
    public ChartSet titled(String context) {
        return new ChartSet(title(ChartKind.TIMELINE, context, timeline), title(ChartKind.MEMORY, context, memory),
                title(ChartKind.ENERGY, context, energy), title(ChartKind.TRADEOFF, context, tradeoff));
    }

    private static ChartPainter title(ChartKind kind, String context, ChartPainter p) {
        return new TitledPainter(kind.title() + " \u2014 " + context, p);
    }

    /**
     * What a chart file shows, in one line: "resnet18_cifar on a72, RAM budget 262 kB, runtime
     * budget 1.5x (237.4 ms), paging and rematerialization, OPTIMAL".
     *
     * @param network the network's label (its name or file), null for the graph's name
     * @param device the device's label, null for the one the graph was costed for, if any
     */
    public static String context(SolveResult r, String network, String device) {
        TrainingGraph g = r.graph();
        Budget b = r.budget();
        String on = device != null ? device : g.deviceId();
        StringBuilder s = new StringBuilder(network == null ? g.name() : fileName(network));
        if (on != null) {
            s.append(" on ").append(on);
        }
        s.append(", RAM budget ").append(Quantities.bytes(b.ramBytes()));
        s.append(", runtime budget ").append(Quantities.ratio(b.runtimeRatio())).append(" (")
                .append(Quantities.duration(b.runtimeRatio() * g.plainRuntimeS())).append(")");
        s.append(b.paging() && b.remat() ? ", paging and rematerialization"
                : b.paging() ? ", paging only" : b.remat() ? ", rematerialization only" : ", neither paging nor rematerialization");
        if (b.transfersTakeTime()) {
            s.append(", transfers take time");
        }
        s.append(", ").append(r.status().name());
        if (r.status() == SolveStatus.FEASIBLE && r.gap() != null && Double.isFinite(r.gap())) {
            s.append(" (gap ").append(Quantities.percent(r.gap())).append(")");
        }
        return s.toString();
    }

    /** A file's name without its folders ("cnn.onnx" of "/models/cnn.onnx"); a catalog name as it is. */
    private static String fileName(String label) {
        int slash = Math.max(label.lastIndexOf('/'), label.lastIndexOf('\\'));
        return label.substring(slash + 1);
    }

    /**
     * The charts of one solve on its own (the command line): the schedule beside the plain one,
     * and a trade-off of a single point.
     */
    public static ChartSet forSolve(SolveResult r) {
        TrainingGraph g = r.graph();
        Schedule s = r.hasSchedule() ? r.schedule() : null;
        long budget = r.budget().ramBytes();
        TimelinePainter timeline = new TimelinePainter(s == null ? null : new TimelineData(s), null, -1, -1,
                emptyText(r));
        MemoryPainter memory = MemoryPainter.exported(s == null ? null : new MemoryData(s), budget, g.paramBytes(),
                emptyText(r));
        List<EnergyBar> bars = new ArrayList<>();
        bars.add(s != null ? EnergyBar.of("this schedule", s)
                : EnergyBar.missing("this schedule", r.status().name().toLowerCase(java.util.Locale.ROOT)));
        bars.add(EnergyBar.of("plain (no budget)", Plans.plainSchedule(g)));
        EnergyBarsPainter energy = new EnergyBarsPainter(bars, g.plainEnergyJ());
        double energyJ = Double.NaN;
        double peak = Double.NaN;
        if (s != null) {
            ScheduleSummary sum = ScheduleSummary.of(s);
            energyJ = sum.energyJ();
            peak = sum.peakRamBytes();
        }
        ChartPainter tradeoff = tradeoff(List.of(new TradeoffPoint(budget, energyJ, true)),
                List.of(new TradeoffPoint(budget, peak, true)), g.plainEnergyJ());
        return new ChartSet(timeline, memory, energy, tradeoff);
    }

    /** Energy and peak RAM against the RAM budget, side by side, as the trade-off tab shows them. */
    public static ChartPainter tradeoff(List<TradeoffPoint> energy, List<TradeoffPoint> peak, double plainEnergyJ) {
        return new SideBySidePainter(new TradeoffPainter(TradeoffPainter.Kind.ENERGY, energy, plainEnergyJ),
                new TradeoffPainter(TradeoffPainter.Kind.PEAK_RAM, peak, Double.NaN));
    }

    /** What an empty timeline says when a solve found no schedule. */
    public static String emptyText(SolveResult r) {
        if (r.status() == SolveStatus.INFEASIBLE) {
            return "No schedule fits these budgets";
        }
        return "No schedule found" + (r.message() == null ? "" : ": " + r.message());
    }
}

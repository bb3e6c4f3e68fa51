package org.poetexplorer.schedule;

import java.util.List;
import java.util.Locale;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;

/** The summary of a schedule as readable text, compared with the plain schedule. */
public final class SummaryText {
    /** How many outputs in RAM at the peak are listed by name. */
    public static final int PEAK_LISTED = 10;

    private SummaryText() {
    }

    public static String format(Schedule s) {
        TrainingGraph g = s.graph();
        Budget b = s.budget();
        ScheduleSummary sum = ScheduleSummary.of(s);
        ScheduleSummary.Plain plain = ScheduleSummary.plain(g);
        ScheduleSummary.Counts c = sum.counts();
        StringBuilder sb = new StringBuilder();
        line(sb, "%s%s: %d nodes, %d operations", g.name(), g.deviceId() == null ? "" : " on " + g.deviceId(),
                g.size(), c.total());
        line(sb, "budget: %s", budget(b));
        line(sb, "energy      %s  (plain %s, %s)", joules(sum.energyJ()), joules(plain.energyJ()),
                Quantities.change(sum.energyJ(), plain.energyJ()));
        line(sb, "  compute   %s  %5d ops", joules(sum.computeJ()), c.compute());
        line(sb, "  recompute %s  %5d ops", joules(sum.recomputeJ()), c.recompute());
        line(sb, "  page-in   %s  %5d ops", joules(sum.pageInJ()), c.pageIn());
        line(sb, "  page-out  %s  %5d ops", joules(sum.pageOutJ()), c.pageOut());
        line(sb, "  free      %s  %5d ops", " ".repeat(joules(0).length()), c.free());
        line(sb, "%s %s (budget %s, plain %s)", b.transfersTakeTime() ? "run time    " : "compute time",
                Quantities.exactSeconds(sum.runtimeS()),
                Quantities.exactSeconds(b.runtimeRatio() * g.plainRuntimeS()),
                Quantities.exactSeconds(plain.runtimeS()));
        boolean paged = c.pageIn() + c.pageOut() > 0;
        line(sb, "total time   %s (%s)%s", Quantities.exactSeconds(sum.totalTimeS()),
                b.transfersTakeTime() ? "transfers in series with compute" : "transfers overlap compute",
                paged && !g.pagingTimed() ? " (paging durations unknown without a device: counted as 0 s)" : "");
        if (sum.peakOpIndex() >= 0) {
            line(sb, "peak RAM     %s (budget %s, plain %s) after op %d in stage %d",
                    Quantities.bytes(sum.peakRamBytes()), Quantities.bytes(b.ramBytes()),
                    Quantities.bytes(plain.peakRamBytes()), sum.peakOpIndex(), sum.peakStage());
            List<Integer> at = sum.inRamAtPeak();
            line(sb, "in RAM at the peak, largest first:");
            for (int k = 0; k < Math.min(PEAK_LISTED, at.size()); k++) {
                int i = at.get(k);
                line(sb, "  %-10s %s (node %d)", Quantities.bytes(g.ram(i)), g.node(i).name(), i);
            }
            if (at.size() > PEAK_LISTED) {
                long rest = 0;
                for (int k = PEAK_LISTED; k < at.size(); k++) {
                    rest += g.ram(at.get(k));
                }
                line(sb, "  %-10s and %d more", Quantities.bytes(rest), at.size() - PEAK_LISTED);
            }
        }
        if (g.paramBytes() > 0) {
            line(sb, "parameters   %s (held beside the activations, not part of the RAM budget)",
                    Quantities.bytes(g.paramBytes()));
        }
        return sb.toString();
    }

    /** "RAM 1.50 MB, runtime 1.5x plain, paging on, rematerialization on". */
    public static String budget(Budget b) {
        return String.format(Locale.ROOT, "RAM %s, runtime %s plain, paging %s, rematerialization %s",
                Quantities.bytes(b.ramBytes()), Quantities.ratio(b.runtimeRatio()), b.paging() ? "on" : "off",
                b.remat() ? "on" : "off") + (b.transfersTakeTime() ? ", transfers take time" : "");
    }

    private static void line(StringBuilder sb, String format, Object... args) {
        sb.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /** The exact figure, right-aligned in a column. */
    private static String joules(double j) {
        return String.format(Locale.ROOT, "%14s", Quantities.exactJoules(j));
    }
}

package org.poetexplorer.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.poetexplorer.chart.ChartImages;
import org.poetexplorer.chart.ChartKind;
import org.poetexplorer.chart.ChartSet;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;

/**
 * A one-page report of a solve as one self-contained HTML file (inline CSS, charts as inline
 * SVG): network, device, budgets, how the solve ended, the schedule's figures beside the plain
 * schedule's, and the four charts. Opens in any browser and prints to PDF from there.
 */
public final class HtmlReport {
    /** How many outputs in RAM at the peak are listed by name. */
    static final int PEAK_LISTED = 10;

    private static final String CSS = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#1f2328;"
                    + "max-width:1240px;margin:24px auto;padding:0 16px;font-size:14px}",
            "h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px;border-bottom:1px solid #e3e6ea;"
                    + "padding-bottom:4px}",
            ".sub{color:#6b7280;margin:0 0 16px}",
            "table{border-collapse:collapse}td,th{padding:3px 12px 3px 0;text-align:left;vertical-align:top}",
            "th{font-weight:600;color:#5f6670}td.num{text-align:right;font-variant-numeric:tabular-nums}",
            ".grid{display:flex;gap:40px;flex-wrap:wrap}",
            ".status{font-weight:700}.OPTIMAL{color:#15803d}.FEASIBLE{color:#b45309}.INFEASIBLE,.UNKNOWN{color:#b91c1c}",
            "figure{margin:12px 0}figcaption{color:#6b7280;font-size:12px}svg{max-width:100%;height:auto}",
            "@media print{body{margin:0}figure{break-inside:avoid}}");

    private HtmlReport() {
    }

    /** Writes the report atomically. */
    public static void write(Path file, SolveResult r, String networkLabel, String deviceLabel, Device device,
            ChartSet charts) throws IOException {
        String html = html(r, networkLabel, deviceLabel, device, charts);
        AtomicFiles.writeString(file, html);
    }

    /**
     * @param networkLabel where the network came from (catalog name or file)
     * @param deviceLabel where the device came from (built-in id or profile file), or null
     * @param device the device profile, or null when the network file carries its costs
     */
    public static String html(SolveResult r, String networkLabel, String deviceLabel, Device device,
            ChartSet charts) {
        TrainingGraph g = r.graph();
        Budget b = r.budget();
        Schedule s = r.hasSchedule() ? r.schedule() : null;
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>POET Explorer report: ")
                .append(esc(g.name())).append(g.deviceId() == null ? "" : " on " + esc(g.deviceId()))
                .append("</title>\n<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(g.name())).append(g.deviceId() == null ? "" : " on " + esc(g.deviceId()))
                .append("</h1>\n<p class=\"sub\">Training schedule by POET Explorer (rematerialization and paging)</p>\n");

        h.append("<div class=\"grid\">\n<section>\n<h2>Inputs</h2>\n<table>\n");
        row(h, "network", esc(networkLabel) + " &mdash; " + g.size() + " nodes");
        row(h, "device", deviceLabel == null ? "from the network file" : esc(deviceLabel));
        if (device != null) {
            row(h, "device profile", esc(device.name()) + ": " + Quantities.withPrefix(device.flops(), "FLOP/s") + ", "
                    + Quantities.withPrefix(device.flopsPerJoule(), "FLOP/J"));
            row(h, "paging", "in " + Quantities.bytes(device.pageInThroughput()) + "/s + "
                    + esc(Quantities.duration(device.pageInLatency())) + " latency, out "
                    + Quantities.bytes(device.pageOutThroughput()) + "/s + "
                    + esc(Quantities.duration(device.pageOutLatency()))
                    + " latency");
        }
        row(h, "RAM budget", Quantities.exactBytes(b.ramBytes()) + " for activations");
        row(h, "runtime budget", Quantities.number(b.runtimeRatio()) + " &times; plain step = "
                + Quantities.exactSeconds(b.runtimeRatio() * g.plainRuntimeS()));
        row(h, "switches", "paging " + (b.paging() ? "on" : "off") + ", rematerialization " + (b.remat() ? "on" : "off")
                + (b.transfersTakeTime() ? ", transfers take time" : ""));
        if (g.paramBytes() > 0) {
            row(h, "parameters", Quantities.exactBytes(g.paramBytes())
                    + " (beside the activations, not in the RAM budget)");
        }
        h.append("</table>\n</section>\n<section>\n<h2>Solve</h2>\n<table>\n");
        row(h, "solver", esc(r.solver() == null ? "" : r.solver()));
        row(h, "status", "<span class=\"status " + r.status().name() + "\">" + r.status().name() + "</span> "
                + esc(statusMeaning(r)));
        if (r.lowerBoundJ() != null) {
            row(h, "lower bound", Quantities.exactJoules(r.lowerBoundJ()));
        }
        row(h, "solve time", Quantities.exactSeconds(r.solveSeconds()));
        if (r.message() != null && !r.message().isBlank()) {
            row(h, "note", esc(r.message()));
        }
        h.append("</table>\n</section>\n</div>\n");

        ScheduleSummary.Plain plain = ScheduleSummary.plain(g);
        if (s != null) {
            figures(h, s, plain);
        } else {
            h.append("<h2>Schedule</h2>\n<p>No schedule: ")
                    .append(r.status() == SolveStatus.INFEASIBLE ? "no schedule fits these budgets."
                            : "the solve ended before finding one.")
                    .append(" The plain schedule takes ").append(Quantities.exactJoules(plain.energyJ()))
                    .append(" and ")
                    .append(Quantities.exactBytes(plain.peakRamBytes())).append(" of RAM at its peak.</p>\n");
        }

        h.append("<h2>Charts</h2>\n");
        for (ChartKind k : ChartKind.values()) {
            h.append("<figure id=\"").append(k.fileName()).append("\">\n")
                    .append(ChartImages.svgElement(charts.painter(k), k.width(), k.height(), k.fileName() + "-"))
                    .append("\n<figcaption>").append(esc(k.title())).append("</figcaption>\n</figure>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void figures(StringBuilder h, Schedule s, ScheduleSummary.Plain plain) {
        TrainingGraph g = s.graph();
        ScheduleSummary sum = ScheduleSummary.of(s);
        ScheduleSummary.Counts c = sum.counts();
        h.append("<div class=\"grid\">\n<section>\n<h2>Energy per training step</h2>\n<table>\n")
                .append("<tr><th></th><th>energy</th><th>operations</th></tr>\n");
        energyRow(h, "total", sum.energyJ(), c.total());
        energyRow(h, "compute", sum.computeJ(), c.compute());
        energyRow(h, "recompute", sum.recomputeJ(), c.recompute());
        energyRow(h, "page-in", sum.pageInJ(), c.pageIn());
        energyRow(h, "page-out", sum.pageOutJ(), c.pageOut());
        h.append("<tr><td>free</td><td class=\"num\"></td><td class=\"num\">").append(c.free()).append("</td></tr>\n");
        h.append("</table>\n</section>\n<section>\n<h2>Against the plain schedule</h2>\n<table>\n")
                .append("<tr><th></th><th>this schedule</th><th>plain</th><th>change</th></tr>\n");
        compareRow(h, "energy", Quantities.exactJoules(sum.energyJ()), Quantities.exactJoules(plain.energyJ()),
                Quantities.change(sum.energyJ(), plain.energyJ()));
        compareRow(h, "peak RAM", Quantities.exactBytes(sum.peakRamBytes()),
                Quantities.exactBytes(plain.peakRamBytes()), Quantities.change(sum.peakRamBytes(), plain.peakRamBytes()));
        compareRow(h, "compute time", Quantities.exactSeconds(sum.runtimeS()),
                Quantities.exactSeconds(plain.runtimeS()), Quantities.change(sum.runtimeS(), plain.runtimeS()));
        h.append("</table>\n</section>\n<section>\n<h2>Time and memory</h2>\n<table>\n");
        row(h, s.budget().transfersTakeTime() ? "compute and transfer time" : "compute time",
                Quantities.exactSeconds(sum.runtimeS()) + " (budget "
                + Quantities.exactSeconds(s.budget().runtimeRatio() * g.plainRuntimeS()) + ")");
        row(h, "total time", Quantities.exactSeconds(sum.totalTimeS()) + (s.budget().transfersTakeTime()
                ? " (transfers take time: in series with compute, counted in the runtime budget)"
                : " (transfers overlap compute)")
                + (c.pageIn() + c.pageOut() > 0 && !g.pagingTimed() ? " (paging durations unknown: counted as 0 s)" : ""));
        if (sum.peakOpIndex() >= 0) {
            row(h, "peak RAM", Quantities.exactBytes(sum.peakRamBytes()) + " after operation " + sum.peakOpIndex()
                    + " in stage " + sum.peakStage());
        }
        h.append("</table>\n</section>\n</div>\n");
        List<Integer> at = sum.inRamAtPeak();
        if (!at.isEmpty()) {
            h.append("<h2>In RAM at the peak</h2>\n<table>\n<tr><th>output</th><th>type</th><th>bytes</th></tr>\n");
            for (int k = 0; k < Math.min(PEAK_LISTED, at.size()); k++) {
                int i = at.get(k);
                h.append("<tr><td>").append(esc(g.node(i).name())).append(" (node ").append(i).append(")</td><td>")
                        .append(esc(g.node(i).type())).append("</td><td class=\"num\">")
                        .append(Quantities.exactBytes(g.ram(i))).append("</td></tr>\n");
            }
            if (at.size() > PEAK_LISTED) {
                long rest = 0;
                for (int k = PEAK_LISTED; k < at.size(); k++) {
                    rest += g.ram(at.get(k));
                }
                h.append("<tr><td>and ").append(at.size() - PEAK_LISTED).append(" more</td><td></td><td class=\"num\">")
                        .append(Quantities.exactBytes(rest)).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
    }

    static String statusMeaning(SolveResult r) {
        switch (r.status()) {
            case OPTIMAL:
                return "proven optimal";
            case FEASIBLE:
                return "best schedule found, not proven optimal"
                        + (r.gap() == null ? "" : " (gap " + Quantities.percent(r.gap()) + ")");
            case INFEASIBLE:
                return "no schedule fits these budgets";
            default:
                return "no schedule found in the time given";
        }
    }

    private static void row(StringBuilder h, String label, String valueHtml) {
        h.append("<tr><th>").append(esc(label)).append("</th><td>").append(valueHtml).append("</td></tr>\n");
    }

    private static void energyRow(StringBuilder h, String label, double j, int count) {
        h.append("<tr><td>").append(label).append("</td><td class=\"num\">").append(Quantities.exactJoules(j))
                .append("</td><td class=\"num\">").append(count).append("</td></tr>\n");
    }

    private static void compareRow(StringBuilder h, String label, String value, String plain, String change) {
        h.append("<tr><td>").append(label).append("</td><td class=\"num\">").append(value)
                .append("</td><td class=\"num\">").append(plain).append("</td><td class=\"num\">").append(change)
                .append("</td></tr>\n");
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}

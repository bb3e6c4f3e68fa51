package org.poetexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.poetexplorer.io.AtomicFiles;
import org.poetexplorer.io.Csv;
import org.poetexplorer.io.InputException;
import org.poetexplorer.model.Allowance;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code poet sweep}: energy and peak RAM against the RAM budget, one row per budget of a range. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Trace energy and peak RAM against the RAM budget over a range of budgets "
                + "(linear spacing), reusing work between neighbouring budgets.")
final class SweepCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private NetworkOptions model;

    @Mixin
    private BudgetOptions budgetOptions;

    @Mixin
    private SolverChoice solverChoice;

    @Option(names = "--ram", required = true, paramLabel = "FROM:TO:STEPS", converter = Converters.RamRange.class,
            description = "RAM budgets: STEPS evenly spaced sizes from FROM to TO, e.g. 0.6MB:2.5MB:20, or shares of"
                    + " the network's plain peak, e.g. 60%%:100%%:9")
    private RamSpan span;

    @Option(names = "--time-limit-per-point", paramLabel = "SECONDS", converter = Converters.Seconds.class,
            defaultValue = "1", description = "exact-solve time per budget before the best schedule so far is taken "
                    + "(default: ${DEFAULT-VALUE})")
    private double pointLimit;

    @Option(names = "--csv", paramLabel = "FILE", converter = Converters.FileToWrite.class,
            description = "also write one CSV row per budget")
    private Path csv;

    @Override
    public Integer call() throws InputException {
        Device dev = model.device();
        TrainingGraph graph = model.graph(dev, spec);
        Sweep.Range range = span.range(graph);
        Allowance allowance = budgetOptions.allowance();
        SolveOptions options = solverChoice.options(pointLimit);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s on %s, runtime %s, paging %s, recomputation %s%s, %d budgets %s..%s, "
                + "solver %s, %s s per point%n%n", graph.name(), dev == null ? "(device from the file)" : dev.id(),
                Quantities.ratio(allowance.runtimeRatio()), allowance.paging() ? "on" : "off",
                allowance.remat() ? "on" : "off", allowance.transfersTakeTime() ? ", transfers take time" : "",
                range.steps(), Quantities.bytes(range.fromBytes()),
                Quantities.bytes(range.toBytes()), options.solver(), Quantities.number(options.timeLimitSeconds()));
        out.println(SweepTable.header());
        out.flush();
        long start = System.nanoTime();
        try (CtrlC ctrlC = CtrlC.install()) {
            List<Sweep.Point> points = new Sweep(graph, allowance, options)
                    .run(range.budgets(), Sweep.Progress.NONE, ctrlC.token());
            report(points, (System.nanoTime() - start) / 1e9, out);
        }
        return PoetCli.OK;
    }

    /** Prints the table and writes the CSV. */
    private void report(List<Sweep.Point> points, double total, PrintWriter out) throws InputException {
        for (Sweep.Point p : points) {
            out.println(SweepTable.row(p));
        }
        out.printf(Locale.ROOT, "%n%d budgets in %.2f s%n", points.size(), total);
        if (csv != null) {
            try {
                AtomicFiles.writeString(csv, SweepTable.csv(points));
            } catch (IOException e) {
                throw new InputException("--csv", "", e.getMessage());
            }
            out.println("wrote " + csv);
        }
        out.flush();
    }

    /** The text table and the CSV, one row per point. */
    static final class SweepTable {
        private SweepTable() {
        }

        static String header() {
            return String.format(Locale.ROOT, "%12s  %-10s %14s %12s %9s %8s  %s", "RAM budget", "status", "energy J",
                    "peak RAM", "gap", "seconds", "from");
        }

        static String row(Sweep.Point p) {
            var r = p.result();
            ScheduleSummary s = r.hasSchedule() ? ScheduleSummary.of(r.schedule()) : null;
            return String.format(Locale.ROOT, "%12s  %-10s %14s %12s %9s %8.2f  %s",
                    Quantities.bytes(p.ramBudgetBytes()), r.status(), s == null ? "-" : String.format(Locale.ROOT, "%.6f", s.energyJ()),
                    s == null ? "-" : Quantities.bytes(s.peakRamBytes()),
                    r.gap() == null ? "-" : Quantities.percent(r.gap()), p.seconds(), source(p));
        }

        static String csv(List<Sweep.Point> points) {
            Csv csv = new Csv("ramBudgetBytes", "status", "energyJ", "peakRamBytes", "gap", "lowerBoundJ", "seconds",
                    "source");
            for (Sweep.Point p : points) {
                var r = p.result();
                ScheduleSummary s = r.hasSchedule() ? ScheduleSummary.of(r.schedule()) : null;
                csv.row(p.ramBudgetBytes(), r.status(), s == null ? null : s.energyJ(),
                        s == null ? null : s.peakRamBytes(), r.gap(), r.lowerBoundJ(),
                        String.format(Locale.ROOT, "%.4f", p.seconds()), p.source().name().toLowerCase(Locale.ROOT));
            }
            return csv.text();
        }

        private static String source(Sweep.Point p) {
            return p.source().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }
}

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
import org.poetexplorer.milp.CancelToken;
import org.poetexplorer.milp.SolveOptions;
import org.poetexplorer.milp.Sweep;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.ScheduleSummary;
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
    static final double DEFAULT_POINT_LIMIT_S = 1;

    @Spec
    private CommandSpec spec;

    @Mixin
    private NetworkOptions model;

    @Mixin
    private BudgetOptions budgetOptions;

    @Mixin
    private SolverChoice solverChoice;

    @Option(names = "--ram", required = true, paramLabel = "FROM:TO:STEPS",
            description = "RAM budgets: STEPS evenly spaced sizes from FROM to TO, e.g. 0.6MB:2.5MB:20")
    private String ram;

    @Option(names = "--time-limit-per-point", paramLabel = "SECONDS",
            description = "exact-solve time per budget before the best schedule so far is taken (default: "
                    + "1)")
    private String pointLimit;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write one CSV row per budget")
    private String csv;

    @Override
    public Integer call() throws InputException {
        Sweep.Range range = range(ram);
        Path csvFile = csv == null ? null : csvTarget(csv);
        Device dev = model.device();
        TrainingGraph graph = model.graph(dev);
        double ratio = budgetOptions.ratio();
        SolveOptions options = solverChoice.options(
                pointLimit == null ? DEFAULT_POINT_LIMIT_S : Inputs.positive("--time-limit-per-point", pointLimit));
        Budget base = budgetOptions.budget(range.toBytes());
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s on %s, runtime %s, paging %s, recomputation %s, %d budgets %s..%s, "
                + "solver %s, %s s per point%n%n", graph.name(), dev == null ? "(device from the file)" : dev.id(),
                Quantities.ratio(ratio), base.paging() ? "on" : "off", base.remat() ? "on" : "off", range.steps(),
                Quantities.bytes(range.fromBytes()), Quantities.bytes(range.toBytes()), options.solver(),
                Quantities.number(options.timeLimitSeconds()));
        out.println(SweepTable.header());
        out.flush();
        CancelToken cancel = new CancelToken();
        Thread onInterrupt = new Thread(cancel::cancel, "poet-sweep-cancel");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        long start = System.nanoTime();
        List<Sweep.Point> points;
        try {
            points = new Sweep(graph, base.allowance(), options).run(range.budgets(), Sweep.Progress.NONE, cancel);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook has cancelled the sweep
            }
        }
        double total = (System.nanoTime() - start) / 1e9;
        for (Sweep.Point p : points) {
            out.println(SweepTable.row(p));
        }
        out.printf(Locale.ROOT, "%n%d budgets in %.2f s%n", points.size(), total);
        if (csvFile != null) {
            try {
                AtomicFiles.writeString(csvFile, SweepTable.csv(points));
            } catch (IOException e) {
                throw new InputException("--csv", "", e.getMessage());
            }
            out.println("wrote " + csv);
        }
        out.flush();
        return PoetCli.OK;
    }

    /** Refuses a CSV target whose folder is missing before any solving starts. */
    private static Path csvTarget(String value) throws InputException {
        Path p = Path.of(value).toAbsolutePath();
        if (java.nio.file.Files.isDirectory(p)) {
            throw new InputException("--csv", "", "\"" + value + "\" is a folder, not a file");
        }
        if (p.getParent() == null || !java.nio.file.Files.isDirectory(p.getParent())) {
            throw new InputException("--csv", "", "the folder of \"" + value + "\" does not exist");
        }
        return p;
    }

    /** FROM:TO:STEPS with sizes as in {@code --ram} of solve; any flaw names the option and the value. */
    static Sweep.Range range(String value) throws InputException {
        String[] parts = value.trim().split(":", -1);
        if (parts.length != 3) {
            throw new InputException("--ram", "", "expected FROM:TO:STEPS, e.g. 0.6MB:2.5MB:20 (was \"" + value + "\")");
        }
        long from = size("FROM", parts[0], value);
        long to = size("TO", parts[1], value);
        int steps;
        try {
            steps = Integer.parseInt(parts[2].trim());
        } catch (NumberFormatException e) {
            throw new InputException("--ram", "", "STEPS \"" + parts[2] + "\" is not a whole number (was \"" + value
                    + "\")");
        }
        try {
            return new Sweep.Range(from, to, steps);
        } catch (IllegalArgumentException e) {
            throw new InputException("--ram", "", e.getMessage() + " in \"" + value + "\"");
        }
    }

    private static long size(String part, String text, String whole) throws InputException {
        try {
            return Inputs.bytes("--ram", text);
        } catch (InputException e) {
            throw new InputException("--ram", "", part + " " + e.getMessage().replaceFirst("^--ram: ", "") + " (was \""
                    + whole + "\")");
        }
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
                    r.gap() == null ? "-" : Quantities.percent(r.gap()), p.seconds(),
                    p.source().name().toLowerCase(Locale.ROOT).replace('_', ' '));
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
    }
}

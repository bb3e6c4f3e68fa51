package org.poetexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.poetexplorer.io.AtomicFiles;
import org.poetexplorer.io.BenchSuite;
import org.poetexplorer.io.CaseFile;
import org.poetexplorer.io.CaseFiles;
import org.poetexplorer.io.Csv;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.SolveCase;
import org.poetexplorer.io.SuiteFiles;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.CancelToken;
import org.poetexplorer.solver.PoetSolver;
import org.poetexplorer.solver.SolveListener;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.backends.Backends;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code poet bench}: solves the reference cases with each backend and prints energy against
 * the best known and the median wall time; with {@code --suite}, solves the generated graphs of
 * a suite instead ({@link SuiteBench}). It reports figures; it does not judge the build.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Solve the reference cases with each solver backend; print energy and median wall time. "
                + "With --suite: solve a suite of generated graphs; print time to the first schedule, status, "
                + "energy, gap and time per case, and the medians.")
final class BenchCommand implements Callable<Integer> {
    private static final double TOLERANCE = 1e-4;
    private static final String CASES_LIMIT_S = "300";
    private static final String SUITE_LIMIT_S = "60";

    @Spec
    private CommandSpec spec;

    @Option(names = "--cases", paramLabel = "FILE", converter = Converters.FileToRead.class,
            description = "cases file (default: the reference cases bundled with the application)")
    private Path cases;

    @Option(names = "--solver", paramLabel = "NAME", split = ",", converter = Converters.Solver.class,
            description = "backends to run, comma-separated (default: all)")
    private List<String> solvers;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3", converter = Converters.Count.class,
            description = "solves per case and backend (default: ${DEFAULT-VALUE}); the median wall time is reported")
    private int repeat;

    @Option(names = "--suite", arity = "0..1", fallbackValue = SuiteFiles.DEFAULT_NAME, paramLabel = "FILE|default",
            description = "solve a suite of generated graphs (docs/file-formats.md) instead of the reference cases; "
                    + "without a file, or 'default': the bundled suite (n = 100, 250, 500, 1000 at 0.9 and 0.8 of "
                    + "the plain peak, recomputation only and with paging)")
    private String suite;

    @Option(names = "--time-limit", paramLabel = "SECONDS", converter = Converters.Seconds.class,
            description = "limit per solve (default: " + CASES_LIMIT_S + " for the reference cases, " + SUITE_LIMIT_S
                    + " per suite case)")
    private Double timeLimit;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", converter = Converters.Threads.class,
            description = "solver threads (default: ${DEFAULT-VALUE})")
    private int threads;

    @Option(names = "--csv", paramLabel = "FILE", converter = Converters.FileToWrite.class,
            description = "also write the table as CSV")
    private Path csv;

    @Option(names = "--targets", description = "also measure the speed targets (catalog networks on a72; HiGHS on "
            + "the plain formulation as the yardstick: takes minutes)")
    private boolean targets;

    @Option(names = "--heuristic", description = "also print the fast scheduler's figures on the catalog networks "
            + "(a72; least RAM found, energy against the cover bound, median time)")
    private boolean heuristic;

    @Option(names = "--baseline-limit", paramLabel = "SECONDS", defaultValue = "300",
            converter = Converters.Seconds.class,
            description = "time limit for HiGHS on the plain formulation in --targets (default: ${DEFAULT-VALUE})")
    private double baselineLimit;

    /** One line of the table. */
    record Row(String caseId, String solver, String status, Double energyJ, Double bestKnownJ, double medianS,
            String verdict) {

        Double ratio() {
            return energyJ == null || bestKnownJ == null ? null : energyJ / bestKnownJ;
        }
    }

    @Override
    public Integer call() throws InputException, IOException {
        if (suite != null) {
            return runSuite();
        }
        double timeLimit = this.timeLimit != null ? this.timeLimit : Double.parseDouble(CASES_LIMIT_S);
        List<String> backends = solvers == null || solvers.isEmpty() ? Backends.names() : solvers;
        CaseFile file = casesFile();
        List<SolveCase> all = file.cases();
        List<TrainingGraph> graphs = new ArrayList<>();
        for (SolveCase c : all) {
            graphs.add(file.graph(c));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d cases from %s, backends %s, %d run%s each, time limit %s s, %d thread%s%n%n",
                all.size(), file.source(), String.join(", ", backends), repeat, repeat == 1 ? "" : "s",
                Quantities.number(timeLimit), threads, threads == 1 ? "" : "s");
        out.println(header());
        out.flush();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            SolveCase c = all.get(i);
            TrainingGraph g = graphs.get(i);
            for (String solver : backends) {
                Row row = run(c, g, c.budget(), new SolveOptions(solver, timeLimit, threads), repeat);
                rows.add(row);
                out.println(format(row));
                out.flush();
            }
        }
        if (csv != null) {
            AtomicFiles.writeString(csv, toCsv(rows));
            out.println();
            out.println("wrote " + csv);
        }
        if (targets) {
            out.println();
            new SpeedTargets(out, repeat, threads, baselineLimit).run();
        }
        if (heuristic) {
            out.println();
            new HeuristicFigures(out, repeat).run();
        }
        return PoetCli.OK;
    }

    private int runSuite() throws InputException, IOException {
        BenchSuite s = suite.equals(SuiteFiles.DEFAULT_NAME) && !Files.isRegularFile(Path.of(suite))
                ? SuiteFiles.bundled() : SuiteFiles.read(new Converters.FileToRead().convert(suite));
        String solver = solvers == null || solvers.isEmpty() ? Backends.DEFAULT : solvers.get(0);
        double limit = timeLimit != null ? timeLimit : Double.parseDouble(SUITE_LIMIT_S);
        PrintWriter out = spec.commandLine().getOut();
        List<SuiteBench.Row> rows = new SuiteBench(out, new SolveOptions(solver, limit, threads)).run(s);
        if (csv != null) {
            AtomicFiles.writeString(csv, SuiteBench.toCsv(rows));
            out.println("wrote " + csv);
        }
        return PoetCli.OK;
    }

    private static Row run(SolveCase c, TrainingGraph g, Budget b, SolveOptions options, int repeat) {
        double[] wall = new double[repeat];
        SolveResult last = null;
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            last = PoetSolver.solve(g, b, options, SolveListener.NONE, new CancelToken());
            wall[i] = (System.nanoTime() - start) / 1e9;
        }
        Double energy = last.hasSchedule() ? ScheduleSummary.of(last.schedule()).energyJ() : null;
        return new Row(c.id(), options.solver(), last.status().name(), energy, c.bestKnownJ(), median(wall),
                verdict(c, last.status().name(), energy));
    }

    /** "ok" when the answer is as good as the reference's; otherwise what is off. */
    static String verdict(SolveCase c, String status, Double energy) {
        if (c.expectsInfeasible()) {
            return status.equals("INFEASIBLE") ? "ok" : "expected INFEASIBLE";
        }
        if (energy == null) {
            return "no schedule";
        }
        if (energy > c.bestKnownJ() * (1 + TOLERANCE)) {
            return "worse than best known";
        }
        if (c.expectedStatus().equals("OPTIMAL") && !status.equals("OPTIMAL")) {
            return "ok, optimality not proven";
        }
        return "ok";
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    private CaseFile casesFile() throws InputException {
        if (cases == null) {
            return CaseFiles.bundled();
        }
        return CaseFiles.read(cases);
    }

    private static String header() {
        return String.format(Locale.ROOT, "%-24s %-8s %-10s %14s %14s %9s %10s  %s", "case", "solver", "status",
                "energy J", "best known J", "ratio", "median s", "verdict");
    }

    private static String format(Row r) {
        return String.format(Locale.ROOT, "%-24s %-8s %-10s %14s %14s %9s %10.3f  %s", r.caseId(), r.solver(),
                r.status(), r.energyJ() == null ? "-" : Quantities.digits(r.energyJ(), 8),
                r.bestKnownJ() == null ? "-" : Quantities.digits(r.bestKnownJ(), 8),
                r.ratio() == null ? "-" : String.format(Locale.ROOT, "%.6f", r.ratio()), r.medianS(), r.verdict());
    }

    static String toCsv(List<Row> rows) {
        Csv out = new Csv("case", "solver", "status", "energyJ", "bestKnownJ", "ratio", "medianWallS", "verdict");
        for (Row r : rows) {
            out.row(r.caseId(), r.solver(), r.status(), r.energyJ(), r.bestKnownJ(), r.ratio(),
                    String.format(Locale.ROOT, "%.4f", r.medianS()), r.verdict());
        }
        return out.text();
    }
}

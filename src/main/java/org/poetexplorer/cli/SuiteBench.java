package org.poetexplorer.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poetexplorer.generator.LayeredGraph;
import org.poetexplorer.generator.LayeredGraphs;
import org.poetexplorer.io.BenchSuite;
import org.poetexplorer.io.Csv;
import org.poetexplorer.io.NodeLinkFiles;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.CancelToken;
import org.poetexplorer.solver.PoetSolver;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;

/**
 * {@code poet bench --suite}: every generated graph of a suite at every budget, solved once
 * within the time limit: how soon the first schedule came, how the solve ended, its energy and
 * gap, and the medians over the suite.
 */
final class SuiteBench {
    /** The status of a case whose solve ran out of memory (the run goes on with the next case). */
    static final String OUT_OF_MEMORY = "OUT_OF_MEMORY";

    private final PrintWriter out;
    private final SolveOptions options;

    /** One case as solved; null figures were not reached. */
    record Row(String caseId, int nodes, int edges, String budget, long ramBytes, Double firstScheduleS,
            String status, Double energyJ, Double gap, double timeS) {
    }

    SuiteBench(PrintWriter out, SolveOptions options) {
        this.out = out;
        this.options = options;
    }

    List<Row> run(BenchSuite suite) {
        List<BenchSuite.Case> cases = suite.cases();
        out.printf(Locale.ROOT, "%d graphs x %d budgets from %s; %s, time unit %s, runtime %s, solver %s, "
                + "limit %s s per case, %d thread%s%n%n", suite.graphs().size(), suite.budgets().size(), suite.source(),
                suite.device().id(), Quantities.duration(suite.timeUnitS()), Quantities.ratio(suite.runtimeRatio()),
                options.solver(), Quantities.number(options.timeLimitSeconds()), options.threads(),
                options.threads() == 1 ? "" : "s");
        out.println(header());
        out.flush();
        List<Row> rows = new ArrayList<>();
        LayeredGraph made = null;
        TrainingGraph graph = null;
        long peak = 0;
        for (BenchSuite.Case c : cases) {
            if (made == null || !made.spec().equals(c.graph())) {
                made = LayeredGraphs.generate(c.graph());
                graph = NodeLinkFiles.graph(made, suite.device(), suite.timeUnitS());
                peak = Plans.plainPeakBytes(graph);
            }
            long ram = Plans.shareOfPlainPeakBytes(peak, c.budget().ramFraction());
            Budget budget = new Budget(ram, suite.runtimeRatio(), c.budget().paging(), true);
            Row row = solve(c, graph, budget);
            rows.add(row);
            out.println(format(row));
            out.flush();
        }
        out.println();
        out.println(medians(rows));
        out.flush();
        return rows;
    }

    private Row solve(BenchSuite.Case c, TrainingGraph g, Budget budget) {
        FirstSchedule first = new FirstSchedule();
        SolveResult r;
        try {
            r = PoetSolver.solve(g, budget, options, first, new CancelToken());
        } catch (OutOfMemoryError e) {
            return new Row(c.id(), g.size(), g.edgeCount(), c.budget().label(), budget.ramBytes(), null, OUT_OF_MEMORY,
                    null, null, first.elapsedSeconds());
        }
        double time = first.elapsedSeconds();
        Double firstS = first.seconds(r, time);
        Double energy = r.hasSchedule() ? ScheduleSummary.of(r.schedule()).energyJ() : null;
        return new Row(c.id(), g.size(), g.edgeCount(), c.budget().label(), budget.ramBytes(), firstS,
                r.status().name(), energy, r.hasSchedule() ? r.gap() : null, time);
    }

    private static String header() {
        return String.format(Locale.ROOT, "%-30s %5s %6s %-16s %9s %-13s %14s %9s %9s", "case", "n", "edges", "budget",
                "first s", "status", "energy J", "gap", "time s");
    }

    static String format(Row r) {
        return String.format(Locale.ROOT, "%-30s %5d %6d %-16s %9s %-13s %14s %9s %9.2f", r.caseId(), r.nodes(),
                r.edges(), r.budget(), r.firstScheduleS() == null ? "-" : String.format(Locale.ROOT, "%.3f",
                        r.firstScheduleS()), r.status(), r.energyJ() == null ? "-"
                        : Quantities.digits(r.energyJ(), 8), gapText(r), r.timeS());
    }

    /**
     * An OPTIMAL case is proven: its gap is within the solver's tolerance, and a figure like
     * "1.000e-07 %" would read as a remaining gap.
     */
    private static String gapText(Row r) {
        if (r.status().equals(SolveStatus.OPTIMAL.name())) {
            return "proven";
        }
        return r.gap() == null ? "-" : Quantities.percent(r.gap());
    }

    /** Medians over the cases that reached each figure, and how the solves ended. */
    static String medians(List<Row> rows) {
        List<Double> first = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        double[] times = new double[rows.size()];
        java.util.Map<String, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            times[i] = r.timeS();
            if (r.firstScheduleS() != null) {
                first.add(r.firstScheduleS());
            }
            if (r.gap() != null) {
                gaps.add(r.gap());
            }
            statuses.merge(r.status(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "medians over %d cases: time %.2f s",
                rows.size(), BenchCommand.median(times)));
        sb.append(first.isEmpty() ? "; no schedule at all" : String.format(Locale.ROOT,
                "; first schedule %.3f s (%d cases with one); gap %s (%d cases with a bound)",
                BenchCommand.median(unboxed(first)), first.size(),
                gaps.isEmpty() ? "-" : Quantities.percent(BenchCommand.median(unboxed(gaps))), gaps.size()));
        sb.append(System.lineSeparator()).append("status:");
        statuses.forEach((s, n) -> sb.append(' ').append(s).append(' ').append(n));
        return sb.toString();
    }

    private static double[] unboxed(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static String toCsv(List<Row> rows) {
        Csv out = new Csv("case", "nodes", "edges", "budget", "ramBytes", "firstScheduleS", "status", "energyJ", "gap",
                "timeS");
        for (Row r : rows) {
            out.row(r.caseId(), r.nodes(), r.edges(), r.budget(), r.ramBytes(), r.firstScheduleS(), r.status(),
                    r.energyJ(), r.gap(), String.format(Locale.ROOT, "%.4f", r.timeS()));
        }
        return out.text();
    }
}

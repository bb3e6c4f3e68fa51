package org.poetexplorer.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.poetexplorer.io.InputException;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.solver.CancelToken;
import org.poetexplorer.solver.PoetSolver;
import org.poetexplorer.solver.SolveListener;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.SolveResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code poet solve}: one energy-optimal schedule for a network, device and budget. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Find the schedule of least energy within a RAM and a runtime budget.")
final class SolveCommand implements Callable<Integer> {
    /** Long enough to prove most budgets optimal; a hard one ends FEASIBLE with its gap. */
    static final double DEFAULT_TIME_LIMIT_S = 300;

    @Spec
    private CommandSpec spec;

    @Mixin
    private NetworkOptions model;

    @Mixin
    private BudgetOptions budgetOptions;

    @Mixin
    private SolverChoice solverChoice;

    @Option(names = "--ram", required = true, paramLabel = "SIZE",
            description = "RAM budget for activations: bytes or units (1.5MB = 1500000, 512KiB = 524288)")
    private String ram;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "stop after this long with the best schedule so far (default: 300)")
    private String timeLimit;

    @Option(names = "--json", description = "print one JSON object instead of text")
    private boolean json;

    @Option(names = "--schedule-out", paramLabel = "FILE", description = "write the schedule as JSON (poet-schedule/1)")
    private String scheduleOut;

    @Option(names = "--csv-out", paramLabel = "FILE", description = "write the operations as CSV, one row each")
    private String csvOut;

    @Option(names = "--png-out", paramLabel = "DIR",
            description = "write each chart (timeline, memory, energy, tradeoff) as PNG at 2x into DIR")
    private String pngOut;

    @Option(names = "--svg-out", paramLabel = "DIR", description = "write each chart as SVG into DIR")
    private String svgOut;

    @Option(names = "--report-out", paramLabel = "FILE",
            description = "write a one-page HTML report (figures and charts, self-contained)")
    private String reportOut;

    @Override
    public Integer call() throws InputException {
        SolveOutputs outputs = SolveOutputs.of(scheduleOut, csvOut, pngOut, svgOut, reportOut);
        Device dev = model.device();
        TrainingGraph graph = model.graph(dev);
        Budget budget = budgetOptions.budget(Inputs.bytes("--ram", ram));
        SolveOptions options = solverChoice.options(
                timeLimit == null ? DEFAULT_TIME_LIMIT_S : Inputs.positive("--time-limit", timeLimit));
        CancelToken cancel = new CancelToken();
        Thread onInterrupt = new Thread(cancel::cancel, "poet-cancel");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        SolveResult result;
        try {
            result = PoetSolver.solve(graph, budget, options, SolveListener.NONE, cancel);
        } finally {
            removeHook(onInterrupt);
        }
        SolveReport report = SolveReport.of(result, graph, budget, options.solver());
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? report.toJson() : report.toText());
        out.flush();
        outputs.write(result, model.network, model.device, dev, spec.commandLine().getErr());
        return PoetCli.OK;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting (Ctrl-C): the hook has cancelled the solve
        }
    }
}

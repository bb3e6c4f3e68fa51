package org.poetexplorer.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.poetexplorer.io.InputException;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.solver.PoetSolver;
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
    @Spec
    private CommandSpec spec;

    @Mixin
    private ProblemOptions problem;

    @Mixin
    private SolverChoice solverChoice;

    /** Long enough to prove most budgets optimal; a hard one ends FEASIBLE with its gap. */
    @Option(names = "--time-limit", paramLabel = "SECONDS", converter = Converters.Seconds.class, defaultValue = "300",
            description = "stop after this long with the best schedule so far (default: ${DEFAULT-VALUE})")
    private double timeLimit;

    @Option(names = "--json", description = "print one JSON object instead of text")
    private boolean json;

    @Mixin
    private SolveOutputs outputs;

    @Override
    public Integer call() throws InputException {
        outputs.check();
        NetworkOptions model = problem.model;
        Device dev = model.device();
        TrainingGraph graph = model.graph(dev, spec);
        Budget budget = problem.budget(graph);
        double sinceStart = Duration.between(PoetCli.started(spec), Instant.now()).toNanos() / 1e9;
        SolveOptions options = solverChoice.options(solveSeconds(timeLimit, sinceStart));
        try (CtrlC ctrlC = CtrlC.install()) {
            FirstSchedule first = new FirstSchedule();
            SolveResult result = PoetSolver.solve(graph, budget, options, first, ctrlC.token());
            SolveReport report = SolveReport.of(result, graph, budget, options.solver(),
                    first.seconds(result, result.solveSeconds()));
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? report.toJson() : report.toText());
            out.flush();
            outputs.write(result, model.network.label(), model.device == null ? null : model.device.label(), dev,
                    spec.commandLine().getErr());
        }
        return PoetCli.OK;
    }

    /**
     * What printing the answer and writing its files may take after the solve, and the process
     * its exit: kept out of the solve's time, so that the whole command ends within its limit
     * (and a little over it at most).
     */
    static final double OUTPUT_RESERVE_SECONDS = 0.5;

    /**
     * The solve's time: {@code --time-limit} counts from the start of the command (of the process,
     * when it is the process), so the time the JVM took to start and the network to load is taken
     * off, and the output reserve.
     */
    static double solveSeconds(double timeLimit, double sinceStart) {
        return Math.max(0.01, timeLimit - sinceStart - OUTPUT_RESERVE_SECONDS);
    }
}

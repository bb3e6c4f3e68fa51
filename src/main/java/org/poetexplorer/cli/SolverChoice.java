package org.poetexplorer.cli;

import org.poetexplorer.io.InputException;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.backends.Backends;
import picocli.CommandLine.Option;

/** The solver backend and its threads, shared by the commands that solve. */
final class SolverChoice {
    @Option(names = "--solver", paramLabel = "NAME", description = "MILP backend (default: the recommended one)")
    String solver;

    @Option(names = "--threads", paramLabel = "N", description = "solver threads (default: the processors)")
    String threads;

    /** Solve options with these choices and {@code timeLimitSeconds}. */
    SolveOptions options(double timeLimitSeconds) throws InputException {
        return new SolveOptions(solver == null ? Backends.DEFAULT : Inputs.solver(solver), timeLimitSeconds,
                threads == null ? Runtime.getRuntime().availableProcessors() : Inputs.count("--threads", threads));
    }
}

package org.poetexplorer.cli;

import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.backends.Backends;
import picocli.CommandLine.Option;

/** The solver backend and its threads, shared by the commands that solve. */
final class SolverChoice {
    @Option(names = "--solver", paramLabel = "NAME", converter = Converters.Solver.class,
            description = "MILP backend (default: the recommended one)")
    String solver = Backends.DEFAULT;

    @Option(names = "--threads", paramLabel = "N", converter = Converters.Threads.class,
            description = "solver threads (default: the processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    /** Solve options with these choices and {@code timeLimitSeconds}. */
    SolveOptions options(double timeLimitSeconds) {
        return new SolveOptions(solver, timeLimitSeconds, threads);
    }
}

package org.poetexplorer.cli;

import org.poetexplorer.model.Allowance;
import org.poetexplorer.model.Budget;
import picocli.CommandLine.Option;

/** The runtime budget and the switches, shared by the commands that take a budget. */
final class BudgetOptions {
    @Option(names = "--runtime", required = true, paramLabel = "RATIO", converter = Converters.RuntimeRatio.class,
            description = "compute time budget in plain training steps, at least 1 (e.g. 1.5 or 1.5x)")
    double runtime;

    @Option(names = "--no-paging", description = "do not page activations out to storage")
    boolean noPaging;

    @Option(names = "--no-remat", description = "do not recompute activations")
    boolean noRemat;

    @Option(names = "--transfers-take-time", description = "a stricter device model: page-out and page-in times count"
            + " against the runtime budget, in series with compute (by default transfers overlap compute)")
    boolean transfersTakeTime;

    Allowance allowance() {
        return new Allowance(runtime, !noPaging, !noRemat, transfersTakeTime);
    }

    Budget budget(long ramBytes) {
        return allowance().withRam(ramBytes);
    }
}

package org.poetexplorer.cli;

import org.poetexplorer.io.InputException;
import org.poetexplorer.model.Budget;
import picocli.CommandLine.Option;

/** The runtime budget and the two switches, shared by the commands that take a budget. */
final class BudgetOptions {
    @Option(names = "--runtime", required = true, paramLabel = "RATIO",
            description = "compute time budget as a multiple of one plain training step (e.g. 1.5)")
    String runtime;

    @Option(names = "--no-paging", description = "do not page activations out to storage")
    boolean noPaging;

    @Option(names = "--no-remat", description = "do not recompute activations")
    boolean noRemat;

    double ratio() throws InputException {
        return Inputs.positive("--runtime", runtime);
    }

    Budget budget(long ramBytes) throws InputException {
        return new Budget(ramBytes, ratio(), !noPaging, !noRemat);
    }
}

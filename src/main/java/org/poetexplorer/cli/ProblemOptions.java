package org.poetexplorer.cli;

import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code solve} and {@code export-mps} state a problem with: network, device, RAM and runtime budgets. */
final class ProblemOptions {
    @Mixin
    NetworkOptions model;

    @Mixin
    BudgetOptions allowance;

    @Option(names = "--ram", required = true, paramLabel = "SIZE", converter = Converters.Ram.class,
            description = "RAM budget for activations: bytes or units (1.5MB = 1500000, 512KiB = 524288), or a share"
                    + " of the network's plain peak (80%%)")
    RamAmount ram;

    Budget budget(TrainingGraph graph) {
        return allowance.budget(ram.bytesFor(graph));
    }
}

package org.poetexplorer.cli;

import org.poetexplorer.io.onnx.ImportOptions;
import picocli.CommandLine.Option;

/** How long one runtime unit of a node-link graph lasts, for the commands that read a network. */
final class TimeUnitOption {
    @Option(names = "--time-unit", paramLabel = "DURATION", converter = Converters.Duration.class,
            description = "node-link graphs (Checkmate, Moccasin, poet generate): how long one runtime unit "
                    + "(cost_cpu, duration) lasts, e.g. 1ms or 10us (default: 1ms)")
    private Double seconds;

    /** {@code choices} with this time unit, when one was given. */
    ImportOptions applyTo(ImportOptions choices) {
        return seconds == null ? choices : choices.withTimeUnit(seconds);
    }
}

package org.poetexplorer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.poetexplorer.generator.LayeredGraph;
import org.poetexplorer.generator.LayeredGraphSpec;
import org.poetexplorer.generator.LayeredGraphs;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.NodeLinkFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code poet generate}: a random layered graph (the rematerialization literature's synthetic
 * benchmark) written as a node-link network file.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a random layered graph (Gagrani et al. 2022, appendix A, as Moccasin benchmarks on) "
                + "as a node-link network file. The same parameters and seed always write the same file.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--nodes", required = true, paramLabel = "N", converter = Converters.Count.class,
            description = "number of nodes, the single source and sink included (at least 3)")
    private int nodes;

    @Option(names = "--width", paramLabel = "W", defaultValue = "0.3",
            description = "between 0 and 1: the larger, the fewer and wider the layers (default: ${DEFAULT-VALUE})")
    private double width;

    @Option(names = "--layer-variance", paramLabel = "V", defaultValue = "0.75",
            description = "how far layer sizes stray from the mean, 0 to below 1 (default: ${DEFAULT-VALUE})")
    private double layerVariance;

    @Option(names = "--edge-density", paramLabel = "D", defaultValue = "0.2",
            description = "edges between consecutive layers, 0 (fewest) to 1 (all) (default: ${DEFAULT-VALUE})")
    private double edgeDensity;

    @Option(names = "--skip-density", paramLabel = "D", defaultValue = "0.14",
            description = "share of skip connections among the edges, 0 to below 1 (default: ${DEFAULT-VALUE})")
    private double skipDensity;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Parameters(paramLabel = "FILE.json", converter = Converters.FileToWrite.class,
            description = "where to write the graph")
    private Path file;

    @Override
    public Integer call() throws InputException {
        LayeredGraph g = LayeredGraphs.generate(spec());
        try {
            NodeLinkFiles.write(g, file);
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot be written (" + e.getMessage() + ")", e);
        }
        int layers = g.layer(g.size() - 1) + 1;
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "wrote %s (%s: %d nodes, %d edges, %d layers)",
                file, g.name(), g.size(), g.edgeCount(), layers));
        return PoetCli.OK;
    }

    /** The parameters as a spec; one out of range is refused naming its option. */
    private LayeredGraphSpec spec() throws InputException {
        try {
            return new LayeredGraphSpec(nodes, width, layerVariance, edgeDensity, skipDensity, seed);
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            int colon = msg.indexOf(": ");
            String option = "--" + msg.substring(0, colon).replace(' ', '-');
            throw new InputException(option, "", msg.substring(colon + 2));
        }
    }
}

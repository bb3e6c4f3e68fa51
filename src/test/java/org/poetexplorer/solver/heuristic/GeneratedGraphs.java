package org.poetexplorer.solver.heuristic;

import org.poetexplorer.generator.LayeredGraphSpec;
import org.poetexplorer.generator.LayeredGraphs;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.NodeLinkFiles;
import org.poetexplorer.model.TrainingGraph;

/** Random layered graphs as the generator makes them, costed on the a72 with a millisecond time unit. */
public final class GeneratedGraphs {
    private GeneratedGraphs() {
    }

    public static TrainingGraph layered(int nodes, long seed) {
        return layered(nodes, 0.3, seed, "a72", 1e-3);
    }

    /** A graph of the given width costed on a built-in device, {@code timeUnitS} seconds per unit of a node's duration. */
    public static TrainingGraph layered(int nodes, double width, long seed, String device, double timeUnitS) {
        try {
            return NodeLinkFiles.graph(LayeredGraphs.generate(new LayeredGraphSpec(nodes, width, seed)),
                    DeviceFiles.builtIn(device), timeUnitS);
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }
}

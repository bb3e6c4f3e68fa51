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
        try {
            return NodeLinkFiles.graph(LayeredGraphs.generate(new LayeredGraphSpec(nodes, 0.3, seed)),
                    DeviceFiles.builtIn("a72"), 1e-3);
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }
}

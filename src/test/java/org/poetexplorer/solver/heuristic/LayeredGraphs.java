package org.poetexplorer.solver.heuristic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.poetexplorer.model.GraphNode;
import org.poetexplorer.model.NodeCosts;
import org.poetexplorer.model.TrainingGraph;

/**
 * Seeded random layered graphs for tests: layers of random width, each node reading one to
 * three nodes of the layer before and, now and then, a node a few layers back; random
 * durations and output sizes. Not the catalog's chain-with-skips shape.
 */
final class LayeredGraphs {
    private LayeredGraphs() {
    }

    static TrainingGraph random(int n, long seed) {
        Random rnd = new Random(seed);
        List<GraphNode> nodes = new ArrayList<>();
        List<int[]> layers = new ArrayList<>();
        int i = 0;
        while (i < n) {
            int width = Math.min(n - i, 1 + rnd.nextInt(layers.isEmpty() ? 1 : 5));
            int[] layer = new int[width];
            for (int w = 0; w < width; w++, i++) {
                layer[w] = i;
                List<Integer> deps = new ArrayList<>();
                if (!layers.isEmpty()) {
                    int[] prev = layers.get(layers.size() - 1);
                    int reads = 1 + rnd.nextInt(Math.min(3, prev.length));
                    for (int r = 0; r < reads; r++) {
                        int d = prev[rnd.nextInt(prev.length)];
                        if (!deps.contains(d)) {
                            deps.add(d);
                        }
                    }
                    for (int back = 2; back <= Math.min(6, layers.size()); back++) {
                        int[] earlier = layers.get(layers.size() - back);
                        int d = earlier[rnd.nextInt(earlier.length)];
                        if (rnd.nextDouble() < 0.15 && !deps.contains(d)) {
                            deps.add(d);
                        }
                    }
                }
                double runtime = 1e-3 * (1 + rnd.nextInt(100));
                long ram = 1000L * (1 + rnd.nextInt(100));
                NodeCosts costs = new NodeCosts(runtime, ram, runtime * 2, ram * 2e-8, ram * 4e-8, 0, 0);
                nodes.add(new GraphNode(i, "n" + i, "Layer", false, List.of(ram / 4), 1, 0, deps, costs));
            }
            layers.add(layer);
        }
        return new TrainingGraph("layered-" + n + "-" + seed, null, nodes, 0);
    }
}

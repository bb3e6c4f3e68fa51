package org.poetexplorer.generator;

import java.util.Arrays;

/**
 * A random layered graph as {@link LayeredGraphs} makes it. Nodes are numbered layer by layer,
 * so every edge goes from a smaller to a larger number and 0 .. n-1 is a topological order;
 * node 0 is the single source and node n-1 the single sink. Immutable.
 */
public final class LayeredGraph {
    private final LayeredGraphSpec spec;
    private final int[] durations;
    private final long[] outputBytes;
    private final int[] layers;
    private final int[] sources;
    private final int[] targets;

    /**
     * @param durations each node's runtime in whole units (0 for the source and the sink)
     * @param outputBytes the size of each node's output in bytes
     * @param layers each node's layer (0 for the source)
     * @param sources the first end of each edge, in the order the edges were made
     * @param targets the second end of each edge (a node that reads {@code sources[i]})
     */
    LayeredGraph(LayeredGraphSpec spec, int[] durations, long[] outputBytes, int[] layers, int[] sources,
            int[] targets) {
        this.spec = spec;
        this.durations = durations.clone();
        this.outputBytes = outputBytes.clone();
        this.layers = layers.clone();
        this.sources = sources.clone();
        this.targets = targets.clone();
    }

    public LayeredGraphSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public int size() {
        return durations.length;
    }

    public int edgeCount() {
        return sources.length;
    }

    /** The node's runtime in whole units. */
    public int duration(int node) {
        return durations[node];
    }

    public long outputBytes(int node) {
        return outputBytes[node];
    }

    public int layer(int node) {
        return layers[node];
    }

    /** The node whose output edge {@code edge} carries. */
    public int source(int edge) {
        return sources[edge];
    }

    /** The node that reads along edge {@code edge}. */
    public int target(int edge) {
        return targets[edge];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayeredGraph g && spec.equals(g.spec) && Arrays.equals(durations, g.durations)
                && Arrays.equals(outputBytes, g.outputBytes) && Arrays.equals(layers, g.layers)
                && Arrays.equals(sources, g.sources) && Arrays.equals(targets, g.targets);
    }

    @Override
    public int hashCode() {
        return spec.hashCode() * 31 + Arrays.hashCode(sources) * 17 + Arrays.hashCode(targets);
    }

    @Override
    public String toString() {
        return "LayeredGraph[" + name() + ", " + size() + " nodes, " + edgeCount() + " edges]";
    }
}

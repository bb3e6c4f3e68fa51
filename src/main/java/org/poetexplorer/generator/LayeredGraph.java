package org.poetexplorer.generator;

import java.util.Arrays;

/**
 * A random layered graph as {@link LayeredGraphs} makes it. Nodes are numbered layer by layer,
 * so every edge goes from a smaller to a larger number and 0 .. n-1 is a topological order;
 * node 0 is the single source and node n-1 the single sink.
 *
 * @param durations each node's runtime in whole units (0 for the source and the sink)
 * @param outputBytes the size of each node's output in bytes
 * @param layers each node's layer (0 for the source)
 * @param sources the first end of each edge, in the order the edges were made
 * @param targets the second end of each edge (a node that reads {@code sources[i]})
 */
public record LayeredGraph(LayeredGraphSpec spec, int[] durations, long[] outputBytes, int[] layers, int[] sources,
        int[] targets) {

    public LayeredGraph {
        durations = durations.clone();
        outputBytes = outputBytes.clone();
        layers = layers.clone();
        sources = sources.clone();
        targets = targets.clone();
    }

    @Override
    public int[] durations() {
        return durations.clone();
    }

    @Override
    public long[] outputBytes() {
        return outputBytes.clone();
    }

    @Override
    public int[] layers() {
        return layers.clone();
    }

    @Override
    public int[] sources() {
        return sources.clone();
    }

    @Override
    public int[] targets() {
        return targets.clone();
    }

    public int size() {
        return durations.length;
    }

    public int edgeCount() {
        return sources.length;
    }

    public String name() {
        return spec.name();
    }

    public int duration(int node) {
        return durations[node];
    }

    public long outputBytes(int node) {
        return outputBytes[node];
    }

    public int layer(int node) {
        return layers[node];
    }

    public int source(int edge) {
        return sources[edge];
    }

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

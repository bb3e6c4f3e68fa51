package org.poetexplorer.model;

import java.util.List;

/**
 * One node of a training graph: a forward layer, the loss, or a gradient node.
 * {@code deps} are indices of earlier nodes, without repeats.
 */
public record GraphNode(
        int index,
        String name,
        String type,
        boolean backward,
        List<Long> outShape,
        double flop,
        double paramCount,
        List<Integer> deps,
        NodeCosts costs) {

    public GraphNode {
        outShape = List.copyOf(outShape);
        deps = List.copyOf(deps);
    }

    public long ramBytes() {
        return costs.ramBytes();
    }

    public double runtimeS() {
        return costs.runtimeS();
    }

    public double computeJ() {
        return costs.computeJ();
    }

    public double pageInJ() {
        return costs.pageInJ();
    }

    public double pageOutJ() {
        return costs.pageOutJ();
    }

    public double pageInS() {
        return costs.pageInS();
    }

    public double pageOutS() {
        return costs.pageOutS();
    }
}

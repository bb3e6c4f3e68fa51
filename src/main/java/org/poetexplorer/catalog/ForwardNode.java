package org.poetexplorer.catalog;

import java.util.List;

/** One forward layer placed in a network: its index, node name, inputs (earlier indices) and what it produces. */
public record ForwardNode(int index, String name, Layer layer, List<Integer> inputs, LayerOutput output) {

    public ForwardNode {
        inputs = List.copyOf(inputs);
    }

    public String type() {
        return layer.type();
    }

    public List<Long> outShape() {
        return output.shape();
    }

    public long params() {
        return output.params();
    }

    public long flop() {
        return output.flop();
    }
}

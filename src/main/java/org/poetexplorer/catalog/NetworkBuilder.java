package org.poetexplorer.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Places layers one after another, each fed by earlier ones, computing shapes as it goes.
 * {@code add} returns the new layer's index, which later layers use as an input. Node names
 * follow the reference: {@code layer<i>_<Type>}.
 */
public final class NetworkBuilder {
    private final String name;
    private final List<ForwardNode> nodes = new ArrayList<>();

    public NetworkBuilder(String name) {
        this.name = name;
    }

    /** Adds the input layer; a network has exactly one and it comes first. */
    public int input(long... dims) {
        if (!nodes.isEmpty()) {
            throw new IllegalArgumentException(name + ": the input must be the first layer");
        }
        return add(Input.of(dims));
    }

    /**
     * Adds {@code layer} fed by the given earlier layers.
     *
     * @throws IllegalArgumentException naming the layer when an input is unknown or has the wrong shape
     */
    public int add(Layer layer, int... inputs) {
        int index = nodes.size();
        String nodeName = "layer" + index + "_" + layer.type();
        if (inputs.length != layer.arity()) {
            throw new IllegalArgumentException(name + ": " + nodeName + " takes " + layer.arity() + " input"
                    + (layer.arity() == 1 ? "" : "s") + " (was given " + inputs.length + ")");
        }
        List<Integer> ins = new ArrayList<>();
        List<List<Long>> shapes = new ArrayList<>();
        for (int in : inputs) {
            if (in < 0 || in >= index) {
                throw new IllegalArgumentException(name + ": " + nodeName + " uses layer " + in
                        + ", which is not an earlier layer");
            }
            ins.add(in);
            shapes.add(nodes.get(in).outShape());
        }
        LayerOutput out;
        try {
            out = layer.apply(shapes);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException(name + ": " + nodeName + " " + e.getMessage(), e);
        }
        nodes.add(new ForwardNode(index, nodeName, layer, ins, out));
        return index;
    }

    /** An added layer. */
    public Layer layer(int index) {
        return nodes.get(index).layer();
    }

    /** Output shape of an added layer. */
    public List<Long> shape(int layer) {
        return nodes.get(layer).outShape();
    }

    public Network build() {
        return new Network(name, nodes);
    }
}

package org.poetexplorer.catalog;

import java.util.List;

/**
 * The forward pass of a network: layers in definition order, each knowing its inputs, output
 * shape, parameters and FLOPs. The last layer is the loss. Build one with {@link NetworkBuilder};
 * turn it into a costed training graph with {@link TrainingGraphBuilder}.
 */
public record Network(String name, List<ForwardNode> layers) {

    public Network {
        layers = List.copyOf(layers);
        if (layers.size() < 2) {
            throw new IllegalArgumentException(name + ": a network needs an input and a loss (has "
                    + layers.size() + " layer" + (layers.size() == 1 ? "" : "s") + ")");
        }
        for (int i = 0; i < layers.size(); i++) {
            ForwardNode node = layers.get(i);
            if (node.index() != i) {
                throw new IllegalArgumentException(name + ": layer " + i + " has index " + node.index());
            }
            for (int in : node.inputs()) {
                if (in < 0 || in >= i) {
                    throw new IllegalArgumentException(name + ": " + node.name() + " uses layer " + in
                            + ", which is not an earlier layer");
                }
            }
        }
        ForwardNode last = layers.get(layers.size() - 1);
        if (!(last.layer() instanceof CrossEntropyLoss)) {
            throw new IllegalArgumentException(name + ": the last layer must be the loss (was " + last.name() + ")");
        }
    }

    public int size() {
        return layers.size();
    }

    public ForwardNode layer(int i) {
        return layers.get(i);
    }

    /** Sum of the parameter counts of all layers. */
    public long paramCount() {
        long sum = 0;
        for (ForwardNode n : layers) {
            sum = Math.addExact(sum, n.params());
        }
        return sum;
    }
}

package org.poetexplorer.catalog;

import java.util.List;

/** The network's input tensor. */
public record Input(List<Long> shape) implements Layer {

    public Input {
        shape = List.copyOf(shape);
        if (shape.isEmpty()) {
            throw new IllegalArgumentException("input shape must have at least one dimension");
        }
        for (long d : shape) {
            Shapes.positive("input dimension", d);
        }
    }

    public static Input of(long... dims) {
        return new Input(Shapes.of(dims));
    }

    @Override
    public String type() {
        return "InputLayer";
    }

    @Override
    public int arity() {
        return 0;
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        if (!inputShapes.isEmpty()) {
            throw new IllegalArgumentException("takes no inputs (was given " + inputShapes.size() + ")");
        }
        return new LayerOutput(shape, 0, 0);
    }
}

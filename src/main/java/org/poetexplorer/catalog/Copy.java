package org.poetexplorer.catalog;

import java.util.List;

/**
 * Copies elements of its input into a tensor of the given shape: a slice or one part of a
 * split, the rows an index picks (a class token, the last step of a sequence), a broadcast.
 * The import computes the shape from the operator's arguments. Not in the reference; one copy
 * per output element, as {@link Flatten}.
 */
public record Copy(String operator, List<Long> shape) implements Layer {

    public Copy {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("operator must be named");
        }
        shape = List.copyOf(shape);
        for (long d : shape) {
            Shapes.positive("output dimension", d);
        }
    }

    @Override
    public String type() {
        return operator + "Layer";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        Shapes.single(inputShapes, 0, "one input");
        return new LayerOutput(shape, 0, Shapes.prod(shape));
    }
}

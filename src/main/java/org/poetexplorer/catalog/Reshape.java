package org.poetexplorer.catalog;

import java.util.List;

/**
 * Gives the input a new shape with the same number of elements. Not in the reference;
 * counted as one copy per output element, as {@link Flatten} is.
 */
public record Reshape(List<Long> shape) implements Layer {

    public Reshape {
        shape = List.copyOf(shape);
        if (shape.isEmpty()) {
            throw new IllegalArgumentException("target shape must have at least one dimension");
        }
        for (long d : shape) {
            Shapes.positive("target dimension", d);
        }
    }

    @Override
    public String type() {
        return "ReshapeLayer";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        List<Long> x = Shapes.single(inputShapes, 0, "one input");
        if (Shapes.prod(x) != Shapes.prod(shape)) {
            throw new IllegalArgumentException("cannot give input shape " + x + " the shape " + shape
                    + " (element counts differ)");
        }
        return new LayerOutput(shape, 0, Shapes.prod(shape));
    }
}

package org.poetexplorer.catalog;

import java.util.List;

/** Keeps the batch dimension and flattens the rest: (batch, ...) to (batch, prod(...)). */
public record Flatten() implements Layer {

    @Override
    public String type() {
        return "FlattenLayer";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        List<Long> x = Shapes.single(inputShapes, 0, "one input");
        if (x.size() < 2) {
            throw new IllegalArgumentException("expects a batch dimension and at least one more (input shape was "
                    + x + ")");
        }
        List<Long> shape = Shapes.of(x.get(0), Shapes.prod(x.subList(1, x.size())));
        return new LayerOutput(shape, 0, Shapes.prod(shape));
    }
}

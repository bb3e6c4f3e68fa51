package org.poetexplorer.catalog;

import java.util.List;

/** Dropout (costed like an element-wise operation). Output shape = input shape. */
public record Dropout() implements Layer {

    @Override
    public String type() {
        return "DropoutLayer";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        List<Long> x = Shapes.single(inputShapes, 0, "one input");
        return new LayerOutput(x, 0, Shapes.prod(x));
    }
}

package org.poetexplorer.catalog;

import java.util.List;

/** Rectified linear unit. Output shape = input shape. */
public record ReLU() implements Layer {

    @Override
    public String type() {
        return "ReLULayer";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        List<Long> x = Shapes.single(inputShapes, 0, "one input");
        return new LayerOutput(x, 0, Shapes.prod(x));
    }
}

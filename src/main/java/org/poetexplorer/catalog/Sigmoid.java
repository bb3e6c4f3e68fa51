package org.poetexplorer.catalog;

import java.util.List;

/** Logistic sigmoid, counted as 4 FLOPs per element. Output shape = input shape. */
public record Sigmoid() implements Layer {

    @Override
    public String type() {
        return "SigmoidLayer";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        List<Long> x = Shapes.single(inputShapes, 0, "one input");
        return new LayerOutput(x, 0, Shapes.mul(4, Shapes.prod(x)));
    }
}

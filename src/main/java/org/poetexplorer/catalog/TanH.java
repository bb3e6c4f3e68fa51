package org.poetexplorer.catalog;

import java.util.List;

/** Hyperbolic tangent, counted as 100 FLOPs per element. Output shape = input shape. */
public record TanH() implements Layer {

    @Override
    public String type() {
        return "TanHLayer";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        List<Long> x = Shapes.single(inputShapes, 0, "one input");
        return new LayerOutput(x, 0, Shapes.mul(100, Shapes.prod(x)));
    }
}

package org.poetexplorer.catalog;

import java.util.List;

/**
 * Softmax along one axis. Not in the reference; counted like {@link Sigmoid}, 4 FLOPs per
 * element: subtract the maximum, exponentiate, add to the sum, divide.
 */
public record Softmax() implements Layer {

    @Override
    public String type() {
        return "SoftmaxLayer";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        List<Long> x = Shapes.single(inputShapes, 0, "one input");
        return new LayerOutput(x, 0, Shapes.mul(4, Shapes.prod(x)));
    }
}

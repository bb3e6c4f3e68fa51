package org.poetexplorer.catalog;

import java.util.List;

/** Batch normalisation over the channels of a (batch, channels, height, width) input; not folded into a convolution. */
public record BatchNorm2d() implements Layer {

    @Override
    public String type() {
        return "BatchNorm2d";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        List<Long> x = Shapes.single(inputShapes, 4, "a (batch, channels, height, width) input");
        return new LayerOutput(x, Shapes.mul(4, x.get(1)), Shapes.mul(2, Shapes.prod(x)));
    }
}

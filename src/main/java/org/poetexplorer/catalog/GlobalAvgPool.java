package org.poetexplorer.catalog;

import java.util.List;

/** Averages each channel over height and width: (batch, channels, h, w) to (batch, channels). */
public record GlobalAvgPool() implements Layer {

    @Override
    public String type() {
        return "GlobalAvgPool";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        List<Long> x = Shapes.single(inputShapes, 4, "a (batch, channels, height, width) input");
        return new LayerOutput(Shapes.of(x.get(0), x.get(1)), 0, Shapes.mul(2, Shapes.prod(x)));
    }
}

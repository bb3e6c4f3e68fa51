package org.poetexplorer.catalog;

import java.util.List;

/**
 * Averages each channel over height and width: (batch, channels, h, w) to (batch, channels),
 * or to (batch, channels, 1, 1) with {@code keepDims} (as ONNX writes it; the same elements).
 */
public record GlobalAvgPool(boolean keepDims) implements Layer {

    /** The reference's layer: (batch, channels). */
    public GlobalAvgPool() {
        this(false);
    }

    @Override
    public String type() {
        return "GlobalAvgPool";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        List<Long> x = Shapes.single(inputShapes, 4, "a (batch, channels, height, width) input");
        List<Long> shape = keepDims ? Shapes.of(x.get(0), x.get(1), 1, 1) : Shapes.of(x.get(0), x.get(1));
        return new LayerOutput(shape, 0, Shapes.mul(2, Shapes.prod(x)));
    }
}

package org.poetexplorer.catalog;

import java.util.List;

/** Average pooling without padding, costed like {@link MaxPool2d}. */
public record AvgPool2d(int kernelH, int kernelW, int stride) implements Layer {

    public AvgPool2d {
        Shapes.positive("kernel height", kernelH);
        Shapes.positive("kernel width", kernelW);
        Shapes.positive("stride", stride);
    }

    /** A square window. */
    public AvgPool2d(int kernel, int stride) {
        this(kernel, kernel, stride);
    }

    @Override
    public String type() {
        return "AvgPool2d";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        return MaxPool2d.pool(inputShapes, kernelH, kernelW, stride);
    }
}

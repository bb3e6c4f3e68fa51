package org.poetexplorer.catalog;

import java.util.List;

/** Average pooling, costed like {@link MaxPool2d}. */
public record AvgPool2d(int kernelH, int kernelW, int stride, int padH, int padW, boolean ceilMode)
        implements Layer {

    public AvgPool2d {
        Shapes.positive("kernel height", kernelH);
        Shapes.positive("kernel width", kernelW);
        Shapes.positive("stride", stride);
        Shapes.nonNegative("padding", padH);
        Shapes.nonNegative("padding", padW);
    }

    /** Rounding down. */
    public AvgPool2d(int kernelH, int kernelW, int stride, int padH, int padW) {
        this(kernelH, kernelW, stride, padH, padW, false);
    }

    /** No padding. */
    public AvgPool2d(int kernelH, int kernelW, int stride) {
        this(kernelH, kernelW, stride, 0, 0);
    }

    /** A square window, no padding. */
    public AvgPool2d(int kernel, int stride) {
        this(kernel, kernel, stride);
    }

    @Override
    public String type() {
        return "AvgPool2d";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        return MaxPool2d.pool(inputShapes, kernelH, kernelW, stride, padH, padW, ceilMode);
    }
}

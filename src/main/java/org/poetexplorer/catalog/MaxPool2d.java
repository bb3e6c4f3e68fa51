package org.poetexplorer.catalog;

import java.util.List;

/**
 * Max pooling. FLOPs: 2 kh kw prod(output), as the reference counts them. The reference pools
 * have no padding and round the number of window steps down; padding and {@code ceilMode}
 * (rounding up, as ONNX models may ask) only change the output size.
 */
public record MaxPool2d(int kernelH, int kernelW, int stride, int padH, int padW, boolean ceilMode)
        implements Layer {

    public MaxPool2d {
        Shapes.positive("kernel height", kernelH);
        Shapes.positive("kernel width", kernelW);
        Shapes.positive("stride", stride);
        Shapes.nonNegative("padding", padH);
        Shapes.nonNegative("padding", padW);
    }

    /** Rounding down. */
    public MaxPool2d(int kernelH, int kernelW, int stride, int padH, int padW) {
        this(kernelH, kernelW, stride, padH, padW, false);
    }

    /** No padding. */
    public MaxPool2d(int kernelH, int kernelW, int stride) {
        this(kernelH, kernelW, stride, 0, 0);
    }

    /** A square window, no padding. */
    public MaxPool2d(int kernel, int stride) {
        this(kernel, kernel, stride);
    }

    @Override
    public String type() {
        return "MaxPool2d";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        return pool(inputShapes, kernelH, kernelW, stride, padH, padW, ceilMode);
    }

    static LayerOutput pool(List<List<Long>> inputShapes, int kernelH, int kernelW, int stride, int padH, int padW,
            boolean ceilMode) {
        List<Long> x = Shapes.single(inputShapes, 4, "a (batch, channels, height, width) input");
        List<Long> shape = Shapes.of(x.get(0), x.get(1),
                Shapes.window(x.get(2), kernelH, padH, stride, ceilMode, x),
                Shapes.window(x.get(3), kernelW, padW, stride, ceilMode, x));
        return new LayerOutput(shape, 0, Shapes.mul(2, kernelH, kernelW, Shapes.prod(shape)));
    }
}

package org.poetexplorer.catalog;

import java.util.List;

/**
 * Max pooling. FLOPs: 2 kh kw prod(output), as the reference counts them. The reference pools
 * have no padding; padding (as ONNX models carry it) only changes the output size.
 */
public record MaxPool2d(int kernelH, int kernelW, int stride, int padH, int padW) implements Layer {

    public MaxPool2d {
        Shapes.positive("kernel height", kernelH);
        Shapes.positive("kernel width", kernelW);
        Shapes.positive("stride", stride);
        Shapes.nonNegative("padding", padH);
        Shapes.nonNegative("padding", padW);
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
        return pool(inputShapes, kernelH, kernelW, stride, padH, padW);
    }

    static LayerOutput pool(List<List<Long>> inputShapes, int kernelH, int kernelW, int stride, int padH, int padW) {
        List<Long> x = Shapes.single(inputShapes, 4, "a (batch, channels, height, width) input");
        List<Long> shape = Shapes.of(x.get(0), x.get(1),
                Shapes.window(x.get(2), kernelH, padH, stride, x),
                Shapes.window(x.get(3), kernelW, padW, stride, x));
        return new LayerOutput(shape, 0, Shapes.mul(2, kernelH, kernelW, Shapes.prod(shape)));
    }
}

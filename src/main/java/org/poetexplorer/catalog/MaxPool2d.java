package org.poetexplorer.catalog;

import java.util.List;

/** Max pooling without padding. FLOPs: 2 kh kw prod(output), as the reference counts them. */
public record MaxPool2d(int kernelH, int kernelW, int stride) implements Layer {

    public MaxPool2d {
        Shapes.positive("kernel height", kernelH);
        Shapes.positive("kernel width", kernelW);
        Shapes.positive("stride", stride);
    }

    /** A square window. */
    public MaxPool2d(int kernel, int stride) {
        this(kernel, kernel, stride);
    }

    @Override
    public String type() {
        return "MaxPool2d";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        return pool(inputShapes, kernelH, kernelW, stride);
    }

    static LayerOutput pool(List<List<Long>> inputShapes, int kernelH, int kernelW, int stride) {
        List<Long> x = Shapes.single(inputShapes, 4, "a (batch, channels, height, width) input");
        List<Long> shape = Shapes.of(x.get(0), x.get(1),
                Shapes.window(x.get(2), kernelH, 0, stride, x),
                Shapes.window(x.get(3), kernelW, 0, stride, x));
        return new LayerOutput(shape, 0, Shapes.mul(2, kernelH, kernelW, Shapes.prod(shape)));
    }
}

package org.poetexplorer.catalog;

import java.util.List;

/**
 * 2-D convolution with bias on a (batch, channels, height, width) input. Its FLOPs follow the
 * reference: 2 kh kw prod(input) outChannels + prod(output), which ignores the stride. With
 * {@code groups} > 1 (not in the reference) the channels are split into that many groups and
 * each output channel reads only the inChannels / groups channels of its group, so the weights
 * and the multiply-adds are divided by {@code groups}; a depthwise convolution has
 * groups = inChannels = outChannels.
 */
public record Conv2d(long inChannels, long outChannels, int kernelH, int kernelW, int stride, int padH, int padW,
        long groups) implements Layer {

    public Conv2d {
        Shapes.positive("in channels", inChannels);
        Shapes.positive("out channels", outChannels);
        Shapes.positive("kernel height", kernelH);
        Shapes.positive("kernel width", kernelW);
        Shapes.positive("stride", stride);
        Shapes.nonNegative("padding", padH);
        Shapes.nonNegative("padding", padW);
        Shapes.positive("groups", groups);
        if (inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException(groups + " groups do not divide " + inChannels + " input and "
                    + outChannels + " output channels");
        }
    }

    /** One group (an ordinary convolution). */
    public Conv2d(long inChannels, long outChannels, int kernelH, int kernelW, int stride, int padH, int padW) {
        this(inChannels, outChannels, kernelH, kernelW, stride, padH, padW, 1);
    }

    /** A square kernel with the same padding on every side. */
    public Conv2d(long inChannels, long outChannels, int kernel, int stride, int padding) {
        this(inChannels, outChannels, kernel, kernel, stride, padding, padding);
    }

    @Override
    public String type() {
        return "Conv2dLayer";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        List<Long> x = Shapes.single(inputShapes, 4, "a (batch, channels, height, width) input");
        if (x.get(1) != inChannels) {
            throw new IllegalArgumentException("expects " + inChannels + " input channels (input shape was " + x + ")");
        }
        List<Long> shape = Shapes.of(x.get(0), outChannels,
                Shapes.window(x.get(2), kernelH, padH, stride, x),
                Shapes.window(x.get(3), kernelW, padW, stride, x));
        long groupIn = inChannels / groups;
        long params = Math.addExact(Shapes.mul(outChannels, groupIn, kernelH, kernelW), outChannels);
        long flop = Math.addExact(Shapes.mul(2, kernelH, kernelW, Shapes.prod(x), outChannels) / groups,
                Shapes.prod(shape));
        return new LayerOutput(shape, params, flop);
    }
}

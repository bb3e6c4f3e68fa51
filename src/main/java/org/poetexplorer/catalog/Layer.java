package org.poetexplorer.catalog;

import java.util.List;

/**
 * A forward layer of a network: given the output shapes of its inputs, it knows its own output
 * shape, parameter count and FLOPs (docs/model.md section 2). Layers are values; where they
 * sit in a network is the job of {@link NetworkBuilder}.
 */
public sealed interface Layer permits Input, Linear, Conv2d, BatchNorm2d, ReLU, Dropout, SkipAdd, MaxPool2d,
        AvgPool2d, GlobalAvgPool, Flatten, TanH, Sigmoid, CrossEntropyLoss, QueryKeyValue, QKT, QKTV, LinearReLU,
        Softmax, Concat, Reshape, Estimated, MatMul, Elementwise, LayerNorm, ReduceMean, Transpose, Copy, Embedding,
        Recurrent {

    /** The node type as the reference graphs spell it, e.g. "Conv2dLayer". */
    String type();

    /** How many inputs the layer takes. */
    default int arity() {
        return 1;
    }

    /**
     * Output shape, parameters and FLOPs for inputs of the given shapes.
     *
     * @throws IllegalArgumentException saying what does not fit when the shapes are wrong for this layer
     */
    LayerOutput apply(List<List<Long>> inputShapes);
}

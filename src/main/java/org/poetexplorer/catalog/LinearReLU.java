package org.poetexplorer.catalog;

import java.util.List;

/** A fully connected layer fused with a ReLU (the feed-forward expansion of a transformer block). */
public record LinearReLU(long in, long out) implements Layer {

    public LinearReLU {
        Shapes.positive("in features", in);
        Shapes.positive("out features", out);
    }

    @Override
    public String type() {
        return "LinearLayerReLU";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        return Linear.dense(inputShapes, in, out, true);
    }
}

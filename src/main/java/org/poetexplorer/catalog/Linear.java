package org.poetexplorer.catalog;

import java.util.List;

/** Fully connected layer with bias on a (batch, in) input. */
public record Linear(long in, long out) implements Layer {

    public Linear {
        Shapes.positive("in features", in);
        Shapes.positive("out features", out);
    }

    @Override
    public String type() {
        return "LinearLayer";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        return dense(inputShapes, in, out, false);
    }

    /** Shared by {@link Linear} and {@link LinearReLU}: the ReLU adds one FLOP per output element. */
    static LayerOutput dense(List<List<Long>> inputShapes, long in, long out, boolean relu) {
        List<Long> x = Shapes.single(inputShapes, 2, "a (batch, " + in + ") input");
        if (x.get(1) != in) {
            throw new IllegalArgumentException("expects " + in + " input features (input shape was " + x + ")");
        }
        List<Long> shape = Shapes.of(x.get(0), out);
        long params = Shapes.mul(in + 1, out);
        long flop = Math.addExact(Shapes.mul(2, params), out);
        if (relu) {
            flop = Math.addExact(flop, Shapes.prod(shape));
        }
        return new LayerOutput(shape, params, flop);
    }
}

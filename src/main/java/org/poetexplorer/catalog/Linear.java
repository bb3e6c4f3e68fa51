package org.poetexplorer.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Fully connected layer with bias, on the last dimension of its input. The reference counts one
 * row: 2 params + out FLOPs for a (batch, in) input, whatever its first dimension (its BERT
 * applies it to all 512 positions at once). With {@code everyRow} (imported models) each of
 * the rows = prod(input) / in rows (every sample, and every position of a sequence) counts:
 * rows (2 params + out), on an input of any rank >= 2. The two agree for one row.
 */
public record Linear(long in, long out, boolean everyRow) implements Layer {

    public Linear {
        Shapes.positive("in features", in);
        Shapes.positive("out features", out);
    }

    /** The reference's layer: a (batch, in) input, one row counted. */
    public Linear(long in, long out) {
        this(in, out, false);
    }

    @Override
    public String type() {
        return "LinearLayer";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        if (!everyRow) {
            return dense(inputShapes, in, out, false);
        }
        List<Long> x = Shapes.single(inputShapes, 0, "one input");
        if (x.size() < 2) {
            throw new IllegalArgumentException("expects rows of " + in + " input features (input shape was " + x + ")");
        }
        if (x.get(x.size() - 1) != in) {
            throw new IllegalArgumentException("expects " + in + " input features (input shape was " + x + ")");
        }
        List<Long> shape = new ArrayList<>(x.subList(0, x.size() - 1));
        shape.add(out);
        long rows = Shapes.prod(x) / in;
        long params = Shapes.mul(in + 1, out);
        long flop = Shapes.mul(rows, Math.addExact(Shapes.mul(2, params), out));
        return new LayerOutput(shape, params, flop);
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

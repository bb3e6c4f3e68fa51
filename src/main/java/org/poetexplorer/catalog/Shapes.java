package org.poetexplorer.catalog;

import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.model.CostModel;

/** Small checks and arithmetic on tensor shapes shared by the layers. */
final class Shapes {
    private Shapes() {
    }

    static long prod(List<Long> shape) {
        return CostModel.elements(shape);
    }

    static long mul(long... factors) {
        long p = 1;
        for (long f : factors) {
            p = Math.multiplyExact(p, f);
        }
        return p;
    }

    static List<Long> of(long... dims) {
        List<Long> out = new ArrayList<>(dims.length);
        for (long d : dims) {
            out.add(d);
        }
        return List.copyOf(out);
    }

    /** The only input of a one-input layer, checked to have {@code rank} dimensions (0: any). */
    static List<Long> single(List<List<Long>> inputs, int rank, String what) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("takes 1 input (was given " + inputs.size() + ")");
        }
        List<Long> in = inputs.get(0);
        if (rank > 0 && in.size() != rank) {
            throw new IllegalArgumentException("expects " + what + " (input shape was " + in + ")");
        }
        return in;
    }

    static void positive(String field, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be >= 1 (was " + value + ")");
        }
    }

    static void nonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0 (was " + value + ")");
        }
    }

    /** Output size of a sliding window: floor((size - kernel + 2 pad) / stride) + 1, which must be >= 1. */
    static long window(long size, long kernel, long pad, long stride, List<Long> inShape) {
        long out = Math.floorDiv(size - kernel + 2 * pad, stride) + 1;
        if (out < 1) {
            throw new IllegalArgumentException("kernel " + kernel + " does not fit input shape " + inShape
                    + " (padding " + pad + ")");
        }
        return out;
    }
}

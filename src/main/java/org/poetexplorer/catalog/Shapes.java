package org.poetexplorer.catalog;

import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.model.CostModel;

/** Small checks and arithmetic on tensor shapes shared by the layers (and by the ONNX import's shape rules). */
public final class Shapes {
    private Shapes() {
    }

    public static long prod(List<Long> shape) {
        return CostModel.elements(shape);
    }

    static long mul(long... factors) {
        long p = 1;
        for (long f : factors) {
            p = Math.multiplyExact(p, f);
        }
        return p;
    }

    /** The shape two shapes broadcast to (NumPy's rule: align on the right, a 1 stretches), null when they do not. */
    public static List<Long> broadcast(List<Long> a, List<Long> b) {
        int r = Math.max(a.size(), b.size());
        List<Long> out = new ArrayList<>(r);
        for (int i = 0; i < r; i++) {
            long da = i < r - a.size() ? 1 : a.get(i - (r - a.size()));
            long db = i < r - b.size() ? 1 : b.get(i - (r - b.size()));
            if (da != db && da != 1 && db != 1) {
                return null;
            }
            out.add(da == 1 ? db : da);
        }
        return List.copyOf(out);
    }

    static List<Long> of(long... dims) {
        List<Long> out = new ArrayList<>(dims.length);
        for (long d : dims) {
            out.add(d);
        }
        return List.copyOf(out);
    }

    /** Checks that a layer of {@code n} inputs was given that many. */
    static void inputs(List<List<Long>> inputs, int n) {
        if (inputs.size() != n) {
            throw new IllegalArgumentException("takes " + n + " input" + (n == 1 ? "" : "s") + " (was given "
                    + inputs.size() + ")");
        }
    }

    /** The only input of a one-input layer, checked to have {@code rank} dimensions (0: any). */
    static List<Long> single(List<List<Long>> inputs, int rank, String what) {
        inputs(inputs, 1);
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
        return window(size, kernel, pad, stride, false, inShape);
    }

    /**
     * Output size of a sliding window, rounding the number of steps down, or up when
     * {@code ceil}: ceil((size - kernel + 2 pad) / stride) + 1, less one when that last window
     * would start in the right padding (as ONNX and PyTorch define ceil_mode). It must be >= 1.
     */
    static long window(long size, long kernel, long pad, long stride, boolean ceil, List<Long> inShape) {
        long span = size - kernel + 2 * pad;
        long out = (ceil ? -Math.floorDiv(-span, stride) : Math.floorDiv(span, stride)) + 1;
        if (ceil && span >= 0 && (out - 1) * stride >= size + pad) {
            out--;
        }
        if (out < 1) {
            throw new IllegalArgumentException("kernel " + kernel + " does not fit input shape " + inShape
                    + " (padding " + pad + ")");
        }
        return out;
    }
}

package org.poetexplorer.io.onnx;

import java.util.List;

/**
 * What the import keeps of a constant tensor (an initializer or a Constant node's value): its
 * name, element type and dimensions, and its values only when it is a small INT64 tensor
 * (the shape argument of Reshape and the like). Weights are never kept.
 *
 * @param values the INT64 values, or null when not kept
 */
record TensorInfo(String name, int dataType, List<Long> dims, List<Long> values) {
    /** INT64 tensors up to this many elements keep their values. */
    static final int MAX_KEPT_VALUES = 64;

    TensorInfo {
        dims = List.copyOf(dims);
        values = values == null ? null : List.copyOf(values);
    }

    long elements() {
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, Math.max(d, 0));
        }
        return n;
    }
}

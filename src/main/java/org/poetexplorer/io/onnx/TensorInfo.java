package org.poetexplorer.io.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.io.onnx.proto.Onnx.TensorProto;

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
    static final int INT64 = TensorProto.DataType.INT64_VALUE;
    static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;

    TensorInfo {
        dims = List.copyOf(dims);
        values = values == null ? null : List.copyOf(values);
    }

    /** A tensor already in memory (a Constant node's value). */
    static TensorInfo of(String name, TensorProto t) {
        List<Long> values = null;
        if (t.getDataType() == INT64) {
            if (t.getInt64DataCount() > 0 && t.getInt64DataCount() <= MAX_KEPT_VALUES) {
                values = t.getInt64DataList();
            } else if (t.getRawData().size() <= 8 * MAX_KEPT_VALUES) {
                values = int64s(t.getRawData().toByteArray());
            }
        }
        return new TensorInfo(name, t.getDataType(), t.getDimsList(), values);
    }

    /** Little-endian INT64 values of raw_data; null when the length is not a whole number of them. */
    static List<Long> int64s(byte[] raw) {
        if (raw.length % 8 != 0) {
            return null;
        }
        List<Long> values = new ArrayList<>(raw.length / 8);
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            values.add(b.getLong());
        }
        return values;
    }

    long elements() {
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, Math.max(d, 0));
        }
        return n;
    }
}

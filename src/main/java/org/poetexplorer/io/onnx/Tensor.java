package org.poetexplorer.io.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.poetexplorer.io.onnx.proto.Onnx.TensorProto;
import org.poetexplorer.io.onnx.proto.Onnx.TensorProto.DataType;

/**
 * A tensor the import knows without running the network: a constant (an initializer, a
 * {@code Constant} node, a result of shape arithmetic folded at import) or data that is given
 * with every step and not trained (the token ids and attention mask of a transformer, and what
 * is computed from them alone: {@link #varying}). It has an element type and dimensions; its
 * values are kept only when there are few of them ({@link #MAX_VALUES}: shape arguments,
 * indices, scalars) and they are known at import. Weights are never held: of an initializer
 * that is a learned parameter (a floating-point tensor of more than one element) only its name
 * and size are kept, in {@link #weights}, and carried to what is computed from it.
 */
final class Tensor {
    /** Tensors of up to this many elements keep their values. */
    static final int MAX_VALUES = 1024;

    private final int type;
    private final List<Long> dims;
    private final double[] values;
    private final Map<String, Long> weights;
    private final boolean varying;

    private Tensor(int type, List<Long> dims, double[] values, Map<String, Long> weights, boolean varying) {
        this.type = type;
        this.dims = List.copyOf(dims);
        long n = elements(this.dims);
        this.values = values == null || varying || n > MAX_VALUES || values.length != n ? null : values;
        this.weights = Map.copyOf(weights);
        this.varying = varying;
    }

    /** An initializer; a floating-point one of more than one element is a learned parameter. */
    static Tensor initializer(String name, int type, List<Long> dims, double[] values) {
        long n = elements(dims);
        return new Tensor(type, dims, values, isFloat(type) && n > 1 ? Map.of(name, n) : Map.of(), false);
    }

    /** A value written into the graph (a Constant node): not a learned parameter. */
    static Tensor literal(int type, List<Long> dims, double[] values) {
        return new Tensor(type, dims, values, Map.of(), false);
    }

    /** Data given with each step (a graph input that is not a floating-point activation). */
    static Tensor data(int type, List<Long> dims) {
        return new Tensor(type, dims, null, Map.of(), true);
    }

    /** The shape of an activation, for the shape rules (its values change with every step). */
    static Tensor activationShape(List<Long> dims) {
        return new Tensor(DataType.FLOAT_VALUE, dims, null, Map.of(), true);
    }

    /**
     * A tensor computed from {@code from}: varying when any of them is, derived from the weights
     * of them all when it is floating-point itself (a slice or a transpose of a weight is a
     * weight; a comparison or a shape is not).
     */
    static Tensor computed(int type, List<Long> dims, double[] values, List<Tensor> from) {
        Map<String, Long> w = new HashMap<>();
        boolean vary = false;
        for (Tensor t : from) {
            if (t != null) {
                vary |= t.varying;
                if (isFloat(type)) {
                    w.putAll(t.weights);
                }
            }
        }
        return new Tensor(type, dims, values, w, vary);
    }

    /** A Constant node's value. */
    static Tensor of(TensorProto t) {
        long n = elements(t.getDimsList());
        double[] values = null;
        if (n <= MAX_VALUES) {
            values = t.hasRawData() ? decodeRaw(t.getDataType(), t.getRawData().toByteArray(), n)
                    : decodeTyped(t, n);
        }
        return literal(t.getDataType(), t.getDimsList(), values);
    }

    int type() {
        return type;
    }

    List<Long> dims() {
        return dims;
    }

    int rank() {
        return dims.size();
    }

    long elements() {
        return elements(dims);
    }

    boolean hasValues() {
        return values != null;
    }

    /** The values (a copy), or null when not known. */
    double[] values() {
        return values == null ? null : values.clone();
    }

    double value(int i) {
        return values[i];
    }

    /** The values as whole numbers (shape arguments), or null when not known. */
    List<Long> longs() {
        if (values == null) {
            return null;
        }
        List<Long> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(toLong(v));
        }
        return out;
    }

    /** The learned initializers it is computed from, with their element counts. */
    Map<String, Long> weights() {
        return weights;
    }

    /** The learned elements it is computed from. */
    long params() {
        long sum = 0;
        for (long n : weights.values()) {
            sum = Math.addExact(sum, n);
        }
        return sum;
    }

    boolean varying() {
        return varying;
    }

    boolean isFloat() {
        return isFloat(type);
    }

    static boolean isFloat(int type) {
        return type == DataType.FLOAT_VALUE || type == DataType.DOUBLE_VALUE || type == DataType.FLOAT16_VALUE
                || type == DataType.BFLOAT16_VALUE;
    }

    static boolean isInteger(int type) {
        return type == DataType.INT64_VALUE || type == DataType.INT32_VALUE || type == DataType.INT16_VALUE
                || type == DataType.INT8_VALUE || type == DataType.UINT64_VALUE || type == DataType.UINT32_VALUE
                || type == DataType.UINT16_VALUE || type == DataType.UINT8_VALUE;
    }

    /** A double as a whole number, the largest magnitudes saturating (INT64_MAX stands for "to the end"). */
    static long toLong(double v) {
        return (long) v;
    }

    static long elements(List<Long> dims) {
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, Math.max(d, 0));
        }
        return n;
    }

    /** Little-endian raw_data of {@code n} elements; null when the length does not fit or the type is not numeric. */
    static double[] decodeRaw(int type, byte[] raw, long n) {
        int size = elementBytes(type);
        if (size == 0 || raw.length != n * size) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        double[] out = new double[(int) n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (type) {
                case DataType.FLOAT_VALUE -> b.getFloat();
                case DataType.DOUBLE_VALUE -> b.getDouble();
                case DataType.INT64_VALUE, DataType.UINT64_VALUE -> b.getLong();
                case DataType.INT32_VALUE -> b.getInt();
                case DataType.UINT32_VALUE -> b.getInt() & 0xffffffffL;
                case DataType.INT16_VALUE -> b.getShort();
                case DataType.UINT16_VALUE -> b.getShort() & 0xffff;
                case DataType.INT8_VALUE -> b.get();
                case DataType.UINT8_VALUE -> b.get() & 0xff;
                case DataType.BOOL_VALUE -> b.get() != 0 ? 1 : 0;
                default -> throw new IllegalStateException("type " + type);
            };
        }
        return out;
    }

    /** Bytes per element in raw_data for the types whose values the import reads; 0 for the others. */
    static int elementBytes(int type) {
        return switch (type) {
            case DataType.DOUBLE_VALUE, DataType.INT64_VALUE, DataType.UINT64_VALUE -> 8;
            case DataType.FLOAT_VALUE, DataType.INT32_VALUE, DataType.UINT32_VALUE -> 4;
            case DataType.INT16_VALUE, DataType.UINT16_VALUE -> 2;
            case DataType.INT8_VALUE, DataType.UINT8_VALUE, DataType.BOOL_VALUE -> 1;
            default -> 0;
        };
    }

    private static double[] decodeTyped(TensorProto t, long n) {
        int type = t.getDataType();
        List<? extends Number> list = switch (type) {
            case DataType.FLOAT_VALUE -> t.getFloatDataList();
            case DataType.DOUBLE_VALUE -> t.getDoubleDataList();
            case DataType.INT64_VALUE -> t.getInt64DataList();
            case DataType.UINT64_VALUE, DataType.UINT32_VALUE -> t.getUint64DataList();
            case DataType.INT32_VALUE, DataType.INT16_VALUE, DataType.INT8_VALUE, DataType.UINT16_VALUE,
                    DataType.UINT8_VALUE, DataType.BOOL_VALUE -> t.getInt32DataList();
            default -> List.of();
        };
        return numbers(list, n);
    }

    /** Values given in a typed field; null unless there are exactly {@code n}. */
    static double[] numbers(List<? extends Number> list, long n) {
        if (list.size() != n) {
            return null;
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i).doubleValue();
        }
        return out;
    }

    @Override
    public String toString() {
        return (varying ? "data" : "constant") + dims;
    }
}

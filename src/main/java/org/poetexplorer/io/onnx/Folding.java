package org.poetexplorer.io.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.poetexplorer.catalog.Shapes;
import org.poetexplorer.io.onnx.proto.Onnx.AttributeProto;
import org.poetexplorer.io.onnx.proto.Onnx.NodeProto;
import org.poetexplorer.io.onnx.proto.Onnx.TensorProto.DataType;

/**
 * ONNX's rules for the shape of an operator's outputs, and for their values where the inputs'
 * values are known. This is the import's constant folding: shape arithmetic that exporters
 * write into the graph (Shape, Gather, Unsqueeze, Concat, ConstantOfShape, Equal, Where,
 * Expand, ...) is evaluated here and becomes a constant; the same rules give the shapes of the
 * layers that move data (Slice, Gather, Expand, Squeeze, ...). Tensors of up to
 * {@link Tensor#MAX_VALUES} elements carry their values; larger results keep only their shape.
 */
final class Folding {

    /** Why an operator cannot be shaped: the model is wrong, or the case has no rule (then {@link #what} says which). */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        /** The operator and variant without a rule, as the refusal of a model lists it; null for a bad model. */
        final String what;

        private Refusal(String message, String what) {
            super(message);
            this.what = what;
        }

        static Refusal badModel(String message) {
            return new Refusal(message, null);
        }

        static Refusal noRule(String what) {
            return new Refusal(what + " has no rule", what);
        }
    }

    /** Operators these rules shape (and fold, when their inputs are constants). */
    static final Set<String> OPERATORS = Set.of("Identity", "Dropout", "Cast", "CastLike", "Shape", "Size", "Gather",
            "GatherElements", "GatherND", "Unsqueeze", "Squeeze", "Concat", "Slice", "Split", "ConstantOfShape",
            "Equal", "Less", "Greater", "LessOrEqual", "GreaterOrEqual", "And", "Or", "Xor", "Not", "IsNaN", "IsInf",
            "Where", "Expand", "Range", "Add", "Sub", "Mul", "Div", "Mod", "Pow", "Max", "Min", "Sum", "Neg", "Abs",
            "Sqrt", "Reciprocal", "Exp", "Log", "Floor", "Ceil", "Round", "Sign", "Relu", "Sigmoid", "Tanh", "Erf",
            "Gelu", "Softmax", "LogSoftmax", "Clip", "HardSigmoid", "HardSwish", "Reshape", "Flatten", "Transpose",
            "Tile", "ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ReduceProd", "MatMul", "Trilu", "CumSum",
            "RandomUniformLike", "RandomNormalLike", "ArgMax", "ArgMin");

    /** The most parts a sequence may have (each is held at import; a graph has at most {@link OnnxReader#MAX_NODES} nodes). */
    static final int MAX_SEQUENCE = 65_536;

    private static final Set<String> COMPARISONS = Set.of("Equal", "Less", "Greater", "LessOrEqual",
            "GreaterOrEqual", "And", "Or", "Xor");

    private Folding() {
    }

    /**
     * The outputs of {@code n} for these inputs (null for an optional input left out), one per
     * output the node names.
     */
    static List<Tensor> apply(NodeProto n, List<Tensor> ins) throws Refusal {
        String op = n.getOpType();
        switch (op) {
            case "Identity":
            case "Dropout":
                return all(n, same(in(ins, 0, n)));
            case "Split":
                return split(n, ins);
            default:
                return List.of(single(op, n, ins));
        }
    }

    private static Tensor single(String op, NodeProto n, List<Tensor> ins) throws Refusal {
        switch (op) {
            case "Cast":
                return cast(in(ins, 0, n), (int) NodeAttributes.intAttr(n, "to", DataType.FLOAT_VALUE));
            case "CastLike":
                return cast(in(ins, 0, n), in(ins, 1, n).type());
            case "Shape":
                return shapeOf(n, in(ins, 0, n));
            case "Size":
                return Tensor.computed(DataType.INT64_VALUE, List.of(), new double[] {in(ins, 0, n).elements()},
                        List.of());
            case "Gather":
                return gather(n, in(ins, 0, n), in(ins, 1, n));
            case "GatherElements":
                return gatherElements(n, in(ins, 0, n), in(ins, 1, n));
            case "GatherND":
                return gatherNd(n, in(ins, 0, n), in(ins, 1, n));
            case "Unsqueeze":
                return unsqueeze(n, ins);
            case "Squeeze":
                return squeeze(n, ins);
            case "Concat":
                return concat(n, ins);
            case "Slice":
                return slice(n, ins);
            case "ConstantOfShape":
                return constantOfShape(n, ins);
            case "Not":
                return map(in(ins, 0, n), DataType.BOOL_VALUE, v -> v == 0 ? 1 : 0);
            case "IsNaN":
                return map(in(ins, 0, n), DataType.BOOL_VALUE, v -> Double.isNaN(v) ? 1 : 0);
            case "IsInf":
                return map(in(ins, 0, n), DataType.BOOL_VALUE, v -> Double.isInfinite(v) ? 1 : 0);
            case "Where":
                return where(n, ins);
            case "Expand":
                return expand(n, in(ins, 0, n), in(ins, 1, n));
            case "Range":
                return range(n, ins);
            case "Reshape":
                return reshape(n, in(ins, 0, n), in(ins, 1, n));
            case "Flatten":
                return flatten(n, in(ins, 0, n));
            case "Transpose":
                return transpose(n, in(ins, 0, n));
            case "Tile":
                return tile(n, in(ins, 0, n), in(ins, 1, n));
            case "ReduceMean":
            case "ReduceSum":
            case "ReduceMax":
            case "ReduceMin":
            case "ReduceProd":
                return reduce(n, ins);
            case "ArgMax":
            case "ArgMin":
                return argReduce(n, in(ins, 0, n));
            case "MatMul":
                return matMul(in(ins, 0, n), in(ins, 1, n));
            case "RandomUniformLike":
            case "RandomNormalLike": {
                Tensor like = in(ins, 0, n);
                int type = (int) NodeAttributes.intAttr(n, "dtype", like.type());
                return Tensor.data(type, like.dims());
            }
            default:
                break;
        }
        if (COMPARISONS.contains(op)) {
            return broadcastMap(n, ins, DataType.BOOL_VALUE, comparison(op));
        }
        DoubleBinaryOperator arithmetic = arithmetic(op, ins.isEmpty() || ins.get(0) == null ? DataType.FLOAT_VALUE
                : ins.get(0).type(), n);
        if (arithmetic != null) {
            return broadcastMap(n, ins, in(ins, 0, n).type(), arithmetic);
        }
        DoubleUnaryOperator unary = unary(op);
        if (unary != null || Set.of("Sigmoid", "Tanh", "Erf", "Gelu", "Softmax", "LogSoftmax", "Clip", "HardSigmoid",
                "HardSwish", "Trilu", "CumSum").contains(op)) {
            Tensor x = in(ins, 0, n);
            if (op.startsWith("Softmax") || op.startsWith("LogSoftmax")) {
                axis(n, "axis", -1, x.rank());
            }
            return unary == null ? Tensor.computed(x.type(), x.dims(), null, ins) : map(x, x.type(), unary);
        }
        throw Refusal.noRule(op);
    }

    // ---- the operators ----

    private static Tensor same(Tensor x) {
        return Tensor.computed(x.type(), x.dims(), x.values(), List.of(x));
    }

    private static List<Tensor> all(NodeProto n, Tensor t) {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < n.getOutputCount(); i++) {
            out.add(t);
        }
        return out;
    }

    private static Tensor cast(Tensor x, int to) {
        double[] v = x.values();
        if (v != null) {
            for (int i = 0; i < v.length; i++) {
                v[i] = convert(v[i], to);
            }
        }
        return Tensor.computed(to, x.dims(), v, List.of(x));
    }

    private static double convert(double v, int to) {
        if (to == DataType.BOOL_VALUE) {
            return v != 0 ? 1 : 0;
        }
        if (Tensor.isInteger(to)) {
            return Double.isNaN(v) ? 0 : (double) Tensor.toLong(v);
        }
        return to == DataType.FLOAT_VALUE ? (float) v : v;
    }

    private static Tensor shapeOf(NodeProto n, Tensor x) {
        int r = x.rank();
        int start = (int) clamp(normalize(NodeAttributes.intAttr(n, "start", 0), r), 0, r);
        int end = (int) clamp(normalize(NodeAttributes.intAttr(n, "end", r), r), 0, r);
        List<Long> dims = x.dims().subList(start, Math.max(start, end));
        double[] v = new double[dims.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = dims.get(i);
        }
        return Tensor.computed(DataType.INT64_VALUE, List.of((long) v.length), v, List.of());
    }

    private static long normalize(long axis, long rank) {
        return axis < 0 ? axis + rank : axis;
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** An axis attribute, normalised to 0..rank-1. */
    static int axis(NodeProto n, String name, long dflt, int rank) throws Refusal {
        long a = NodeAttributes.intAttr(n, name, dflt);
        return checkAxis(a, rank, name);
    }

    private static int checkAxis(long a, int rank, String name) throws Refusal {
        long axis = normalize(a, rank);
        if (axis < 0 || axis >= Math.max(rank, 1)) {
            throw Refusal.badModel(name + " " + a + " is outside a rank-" + rank + " input");
        }
        return (int) axis;
    }

    private static Tensor gather(NodeProto n, Tensor data, Tensor indices) throws Refusal {
        int axis = axis(n, "axis", 0, data.rank());
        if (data.rank() == 0) {
            throw Refusal.badModel("cannot gather from a scalar");
        }
        List<Long> dims = new ArrayList<>(data.dims().subList(0, axis));
        dims.addAll(indices.dims());
        dims.addAll(data.dims().subList(axis + 1, data.rank()));
        long size = data.dims().get(axis);
        double[] idx = indices.values();
        if (idx != null) {
            for (int i = 0; i < idx.length; i++) {
                long k = Tensor.toLong(idx[i]);
                if (k < -size || k >= size) {
                    throw Refusal.badModel("index " + k + " is outside dimension " + axis + " of shape " + data.dims());
                }
                idx[i] = k < 0 ? k + size : k;
            }
        }
        double[] v = null;
        if (data.hasValues() && idx != null && Tensor.elements(dims) <= Tensor.MAX_VALUES) {
            long outer = Tensor.elements(data.dims().subList(0, axis));
            long inner = Tensor.elements(data.dims().subList(axis + 1, data.rank()));
            v = new double[(int) Tensor.elements(dims)];
            int at = 0;
            for (long o = 0; o < outer; o++) {
                for (double k : idx) {
                    for (long i = 0; i < inner; i++) {
                        v[at++] = data.value((int) ((o * size + (long) k) * inner + i));
                    }
                }
            }
        }
        return Tensor.computed(data.type(), dims, v, List.of(data, indices));
    }

    private static Tensor gatherElements(NodeProto n, Tensor data, Tensor indices) throws Refusal {
        axis(n, "axis", 0, data.rank());
        if (indices.rank() != data.rank()) {
            throw Refusal.badModel("indices of shape " + indices.dims() + " do not fit data of shape " + data.dims());
        }
        return Tensor.computed(data.type(), indices.dims(), null, List.of(data, indices));
    }

    private static Tensor gatherNd(NodeProto n, Tensor data, Tensor indices) throws Refusal {
        int b = (int) NodeAttributes.intAttr(n, "batch_dims", 0);
        List<Long> id = indices.dims();
        if (id.isEmpty() || b < 0 || b >= id.size() || b > data.rank()) {
            throw Refusal.badModel("indices of shape " + id + " do not fit data of shape " + data.dims());
        }
        long last = id.get(id.size() - 1);
        if (last < 1 || b + last > data.rank()) {
            throw Refusal.badModel("indices of shape " + id + " do not fit data of shape " + data.dims());
        }
        List<Long> dims = new ArrayList<>(data.dims().subList(0, b));
        dims.addAll(id.subList(b, id.size() - 1));
        dims.addAll(data.dims().subList((int) (b + last), data.rank()));
        return Tensor.computed(data.type(), dims, null, List.of(data, indices));
    }

    /** Axes from the attribute (before opset 13) or the second input; null when the second input's values are unknown. */
    private static List<Long> axesArgument(NodeProto n, List<Tensor> ins, int input) throws Refusal {
        List<Long> attr = NodeAttributes.intsAttr(n, "axes");
        if (attr != null) {
            return attr;
        }
        Tensor t = input < ins.size() ? ins.get(input) : null;
        if (t == null) {
            return List.of();
        }
        if (!t.hasValues()) {
            throw Refusal.noRule(n.getOpType() + " (axes computed from values unknown at import)");
        }
        return t.longs();
    }

    private static Tensor unsqueeze(NodeProto n, List<Tensor> ins) throws Refusal {
        Tensor x = in(ins, 0, n);
        List<Long> axes = axesArgument(n, ins, 1);
        int rank = x.rank() + axes.size();
        boolean[] inserted = new boolean[rank];
        for (long a : axes) {
            int axis = checkAxis(a, rank, "axis");
            if (inserted[axis]) {
                throw Refusal.badModel("axes " + axes + " repeat an axis");
            }
            inserted[axis] = true;
        }
        List<Long> dims = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < rank; i++) {
            dims.add(inserted[i] ? 1L : x.dims().get(next++));
        }
        return Tensor.computed(x.type(), dims, x.values(), List.of(x));
    }

    private static Tensor squeeze(NodeProto n, List<Tensor> ins) throws Refusal {
        Tensor x = in(ins, 0, n);
        List<Long> axes = axesArgument(n, ins, 1);
        boolean[] removed = new boolean[x.rank()];
        for (long a : axes) {
            int axis = checkAxis(a, x.rank(), "axis");
            if (x.dims().get(axis) != 1) {
                throw Refusal.badModel("cannot squeeze dimension " + axis + " of shape " + x.dims() + " (not 1)");
            }
            removed[axis] = true;
        }
        List<Long> dims = new ArrayList<>();
        for (int i = 0; i < x.rank(); i++) {
            boolean drop = axes.isEmpty() ? x.dims().get(i) == 1 : removed[i];
            if (!drop) {
                dims.add(x.dims().get(i));
            }
        }
        return Tensor.computed(x.type(), dims, x.values(), List.of(x));
    }

    private static Tensor concat(NodeProto n, List<Tensor> ins) throws Refusal {
        List<Tensor> parts = given(ins);
        if (NodeAttributes.attr(n, "axis") == null) {
            throw Refusal.badModel("needs an axis attribute");
        }
        Tensor first = parts.get(0);
        int axis = axis(n, "axis", 0, first.rank());
        List<Long> dims = new ArrayList<>(first.dims());
        long joined = 0;
        boolean known = true;
        for (Tensor t : parts) {
            if (t.rank() != first.rank()) {
                throw Refusal.badModel("inputs differ in rank (" + first.dims() + " and " + t.dims() + ")");
            }
            for (int d = 0; d < t.rank(); d++) {
                if (d != axis && !t.dims().get(d).equals(first.dims().get(d))) {
                    throw Refusal.badModel("inputs differ outside axis " + axis + " (" + first.dims() + " and "
                            + t.dims() + ")");
                }
            }
            joined = Math.addExact(joined, t.dims().get(axis));
            known &= t.hasValues();
        }
        dims.set(axis, joined);
        double[] v = null;
        if (known && Tensor.elements(dims) <= Tensor.MAX_VALUES) {
            long outer = Tensor.elements(first.dims().subList(0, axis));
            long inner = Tensor.elements(first.dims().subList(axis + 1, first.rank()));
            v = new double[(int) Tensor.elements(dims)];
            int at = 0;
            for (long o = 0; o < outer; o++) {
                for (Tensor t : parts) {
                    long block = t.dims().get(axis) * inner;
                    for (long i = 0; i < block; i++) {
                        v[at++] = t.value((int) (o * block + i));
                    }
                }
            }
        }
        return Tensor.computed(first.type(), dims, v, parts);
    }

    /** A whole-number argument (Slice starts, Expand shape, ...): its values, or no rule when they are unknown. */
    private static List<Long> known(NodeProto n, Tensor t, String what) throws Refusal {
        if (!t.hasValues()) {
            throw Refusal.noRule(n.getOpType() + " (" + what + " computed from values unknown at import)");
        }
        return t.longs();
    }

    private static Tensor slice(NodeProto n, List<Tensor> ins) throws Refusal {
        Tensor x = in(ins, 0, n);
        List<Long> starts;
        List<Long> ends;
        List<Long> axes = null;
        List<Long> steps = null;
        if (NodeAttributes.attr(n, "starts") != null) { // before opset 10
            starts = NodeAttributes.intsAttr(n, "starts");
            ends = NodeAttributes.intsAttr(n, "ends");
            axes = NodeAttributes.intsAttr(n, "axes");
            if (ends == null) {
                throw Refusal.badModel("needs ends");
            }
        } else {
            starts = known(n, in(ins, 1, n), "starts");
            ends = known(n, in(ins, 2, n), "ends");
            if (ins.size() > 3 && ins.get(3) != null) {
                axes = known(n, ins.get(3), "axes");
            }
            if (ins.size() > 4 && ins.get(4) != null) {
                steps = known(n, ins.get(4), "steps");
            }
        }
        if (ends.size() != starts.size() || (axes != null && axes.size() != starts.size())
                || (steps != null && steps.size() != starts.size())) {
            throw Refusal.badModel("starts, ends, axes and steps differ in length");
        }
        int r = x.rank();
        long[] from = new long[r];
        long[] step = new long[r];
        List<Long> dims = new ArrayList<>(x.dims());
        for (int d = 0; d < r; d++) {
            step[d] = 1;
        }
        for (int i = 0; i < starts.size(); i++) {
            int axis = checkAxis(axes == null ? i : axes.get(i), r, "axis");
            long size = x.dims().get(axis);
            long st = steps == null ? 1 : steps.get(i);
            if (st == 0) {
                throw Refusal.badModel("a step is 0");
            }
            long s = starts.get(i);
            long e = ends.get(i);
            s = s < 0 ? s + size : s;
            e = e < 0 ? e + size : e;
            long length;
            if (st > 0) {
                s = clamp(s, 0, size);
                e = clamp(e, 0, size);
                length = e > s ? (e - s + st - 1) / st : 0;
            } else {
                s = clamp(s, 0, size - 1);
                e = clamp(e, -1, size - 1);
                length = s > e ? (s - e - st - 1) / -st : 0;
            }
            from[axis] = s;
            step[axis] = st;
            dims.set(axis, length);
        }
        double[] v = null;
        if (x.hasValues() && Tensor.elements(dims) <= Tensor.MAX_VALUES) {
            v = new double[(int) Tensor.elements(dims)];
            long[] strides = strides(x.dims());
            int[] index = new int[r];
            for (int k = 0; k < v.length; k++) {
                long at = 0;
                for (int d = 0; d < r; d++) {
                    at += (from[d] + index[d] * step[d]) * strides[d];
                }
                v[k] = x.value((int) at);
                increment(index, dims);
            }
        }
        return Tensor.computed(x.type(), dims, v, List.of(x));
    }

    private static List<Tensor> split(NodeProto n, List<Tensor> ins) throws Refusal {
        Tensor x = in(ins, 0, n);
        int axis = axis(n, "axis", 0, x.rank());
        long size = x.dims().get(axis);
        int parts = n.getOutputCount();
        List<Long> sizes = NodeAttributes.intsAttr(n, "split");
        if (sizes == null && ins.size() > 1 && ins.get(1) != null) {
            sizes = known(n, ins.get(1), "split");
        }
        if (sizes == null) {
            long count = NodeAttributes.intAttr(n, "num_outputs", parts);
            if (count < 1) {
                throw Refusal.badModel("num_outputs " + count + " must be >= 1");
            }
            sizes = chunks(size, (size + count - 1) / count);
        }
        if (sizes.size() != parts) {
            throw Refusal.badModel("split " + sizes + " does not cut dimension " + axis + " of " + x.dims()
                    + " into " + parts + " outputs");
        }
        return cut(x, axis, sizes, true);
    }

    /**
     * The parts {@code SplitToSequence} cuts {@code x} into, {@code split} (null when left out)
     * as ONNX defines it: a scalar is the length of every part but the last, which may be
     * shorter; a 1-D tensor lists the lengths. Without it every part has length 1, and with
     * {@code keepdims} 0 the split axis is dropped from the parts.
     */
    static List<Tensor> sequenceParts(NodeProto n, Tensor x, Tensor split) throws Refusal {
        int axis = axis(n, "axis", 0, x.rank());
        long size = x.dims().get(axis);
        if (split == null) {
            checkParts(size);
            List<Long> ones = new ArrayList<>();
            for (long i = 0; i < size; i++) {
                ones.add(1L);
            }
            return cut(x, axis, ones, NodeAttributes.intAttr(n, "keepdims", 1) != 0);
        }
        List<Long> given = known(n, split, "split");
        if (split.rank() > 1) {
            throw Refusal.badModel("split must be a scalar or a list (was of shape " + split.dims() + ")");
        }
        if (split.rank() == 1) {
            return cut(x, axis, given, true);
        }
        long each = given.get(0);
        if (each < 1) {
            throw Refusal.badModel("split " + each + " must be >= 1");
        }
        checkParts((size + each - 1) / each);
        return cut(x, axis, chunks(size, each), true);
    }

    /** Lengths of {@code each} that add up to {@code size}, the last shorter if need be. */
    private static List<Long> chunks(long size, long each) {
        List<Long> sizes = new ArrayList<>();
        for (long left = size; left > 0; left -= each) {
            sizes.add(Math.min(each, left));
        }
        return sizes;
    }

    private static void checkParts(long count) throws Refusal {
        if (count > MAX_SEQUENCE) {
            throw Refusal.noRule("SplitToSequence (into more than " + MAX_SEQUENCE + " parts)");
        }
    }

    /** {@code x} cut along {@code axis} into parts of these lengths, which must add up to its length there. */
    private static List<Tensor> cut(Tensor x, int axis, List<Long> sizes, boolean keepAxis) throws Refusal {
        long total = 0;
        for (long s : sizes) {
            if (s < 0) {
                throw Refusal.badModel("split " + sizes + " has a negative size");
            }
            total += s;
        }
        if (total != x.dims().get(axis)) {
            throw Refusal.badModel("split " + sizes + " does not add up to dimension " + axis + " of " + x.dims());
        }
        List<Tensor> out = new ArrayList<>();
        for (long s : sizes) {
            List<Long> dims = new ArrayList<>(x.dims());
            if (keepAxis) {
                dims.set(axis, s);
            } else {
                dims.remove(axis);
            }
            out.add(Tensor.computed(x.type(), dims, null, List.of(x)));
        }
        return out;
    }

    private static Tensor constantOfShape(NodeProto n, List<Tensor> ins) throws Refusal {
        List<Long> dims = known(n, in(ins, 0, n), "shape");
        for (long d : dims) {
            if (d < 0) {
                throw Refusal.badModel("shape " + dims + " has a negative dimension");
            }
        }
        AttributeProto value = NodeAttributes.attr(n, "value");
        int type = DataType.FLOAT_VALUE;
        double fill = 0;
        if (value != null) {
            Tensor t = Tensor.of(value.getT());
            type = t.type();
            if (t.elements() != 1 || !t.hasValues()) {
                throw Refusal.badModel("value must be one number");
            }
            fill = t.value(0);
        }
        double[] v = null;
        if (Tensor.elements(dims) <= Tensor.MAX_VALUES) {
            v = new double[(int) Tensor.elements(dims)];
            Arrays.fill(v, fill);
        }
        return Tensor.computed(type, dims, v, List.of());
    }

    private static Tensor where(NodeProto n, List<Tensor> ins) throws Refusal {
        Tensor c = in(ins, 0, n);
        Tensor x = in(ins, 1, n);
        Tensor y = in(ins, 2, n);
        List<Long> dims = broadcast(n, List.of(c, x, y));
        double[] v = null;
        if (c.hasValues() && x.hasValues() && y.hasValues() && Tensor.elements(dims) <= Tensor.MAX_VALUES) {
            int[] ci = broadcastIndex(c.dims(), dims);
            int[] xi = broadcastIndex(x.dims(), dims);
            int[] yi = broadcastIndex(y.dims(), dims);
            v = new double[ci.length];
            for (int k = 0; k < v.length; k++) {
                v[k] = c.value(ci[k]) != 0 ? x.value(xi[k]) : y.value(yi[k]);
            }
        }
        return Tensor.computed(x.type(), dims, v, List.of(c, x, y));
    }

    private static Tensor expand(NodeProto n, Tensor x, Tensor shape) throws Refusal {
        List<Long> to = known(n, shape, "shape");
        List<Long> dims = Shapes.broadcast(x.dims(), to);
        if (dims == null) {
            throw Refusal.badModel("cannot expand shape " + x.dims() + " to " + to);
        }
        return broadcastTo(x, dims, List.of(x, shape));
    }

    private static Tensor broadcastTo(Tensor x, List<Long> dims, List<Tensor> from) {
        double[] v = null;
        if (x.hasValues() && Tensor.elements(dims) <= Tensor.MAX_VALUES) {
            int[] xi = broadcastIndex(x.dims(), dims);
            v = new double[xi.length];
            for (int k = 0; k < v.length; k++) {
                v[k] = x.value(xi[k]);
            }
        }
        return Tensor.computed(x.type(), dims, v, from);
    }

    private static Tensor range(NodeProto n, List<Tensor> ins) throws Refusal {
        Tensor start = in(ins, 0, n);
        Tensor limit = in(ins, 1, n);
        Tensor delta = in(ins, 2, n);
        for (Tensor t : List.of(start, limit, delta)) {
            if (!t.hasValues() || t.elements() != 1) {
                throw Refusal.noRule("Range (bounds computed from values unknown at import)");
            }
        }
        double s = start.value(0);
        double d = delta.value(0);
        if (d == 0) {
            throw Refusal.badModel("delta is 0");
        }
        long count = Math.max((long) Math.ceil((limit.value(0) - s) / d), 0);
        double[] v = null;
        if (count <= Tensor.MAX_VALUES) {
            v = new double[(int) count];
            for (int i = 0; i < count; i++) {
                v[i] = s + i * d;
            }
        }
        return Tensor.computed(start.type(), List.of(count), v, List.of(start, limit, delta));
    }

    private static Tensor reshape(NodeProto n, Tensor x, Tensor shape) throws Refusal {
        List<Long> target = reshapeTarget(x.dims(), known(n, shape, "shape"),
                NodeAttributes.intAttr(n, "allowzero", 0) != 0);
        return Tensor.computed(x.type(), target, x.values(), List.of(x));
    }

    /** The shape Reshape gives an input of shape {@code in} for the argument {@code given} (0 and -1 as ONNX defines them). */
    static List<Long> reshapeTarget(List<Long> in, List<Long> given, boolean allowZero) throws Refusal {
        List<Long> target = new ArrayList<>();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < given.size(); i++) {
            long d = given.get(i);
            if (d == 0 && !allowZero) {
                if (i >= in.size()) {
                    throw Refusal.badModel("cannot reshape " + in + " to " + given);
                }
                d = in.get(i);
            }
            if (d == -1 && inferred < 0) {
                inferred = i;
                target.add(1L);
                continue;
            }
            if (d < 0) {
                throw Refusal.badModel("cannot reshape " + in + " to " + given);
            }
            target.add(d);
            known = Math.multiplyExact(known, d);
        }
        long total = Tensor.elements(in);
        if (inferred >= 0) {
            if (known == 0 || total % known != 0) {
                throw Refusal.badModel("cannot reshape " + in + " to " + given);
            }
            target.set(inferred, total / known);
        }
        if (Tensor.elements(target) != total) {
            throw Refusal.badModel("cannot reshape " + in + " to " + given + " (element counts differ)");
        }
        return target;
    }

    private static Tensor flatten(NodeProto n, Tensor x) throws Refusal {
        long a = NodeAttributes.intAttr(n, "axis", 1);
        long axis = normalize(a, x.rank());
        if (axis < 0 || axis > x.rank()) {
            throw Refusal.badModel("axis " + a + " is outside shape " + x.dims());
        }
        List<Long> dims = List.of(Tensor.elements(x.dims().subList(0, (int) axis)),
                Tensor.elements(x.dims().subList((int) axis, x.rank())));
        return Tensor.computed(x.type(), dims, x.values(), List.of(x));
    }

    /** The permutation of a Transpose (reversing the dimensions by default), checked. */
    static List<Integer> permutation(NodeProto n, int rank) throws Refusal {
        List<Long> perm = NodeAttributes.intsAttr(n, "perm");
        List<Integer> out = new ArrayList<>();
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            long p = perm == null ? rank - 1 - i : i < perm.size() ? perm.get(i) : -1;
            if (perm != null && perm.size() != rank || p < 0 || p >= rank || seen[(int) p]) {
                throw Refusal.badModel("perm " + perm + " does not fit a rank-" + rank + " input");
            }
            seen[(int) p] = true;
            out.add((int) p);
        }
        return out;
    }

    private static Tensor transpose(NodeProto n, Tensor x) throws Refusal {
        List<Integer> perm = permutation(n, x.rank());
        List<Long> dims = new ArrayList<>();
        for (int p : perm) {
            dims.add(x.dims().get(p));
        }
        double[] v = null;
        if (x.hasValues()) {
            v = new double[(int) x.elements()];
            long[] strides = strides(x.dims());
            int[] index = new int[x.rank()];
            for (int k = 0; k < v.length; k++) {
                long at = 0;
                for (int d = 0; d < index.length; d++) {
                    at += index[d] * strides[perm.get(d)];
                }
                v[k] = x.value((int) at);
                increment(index, dims);
            }
        }
        return Tensor.computed(x.type(), dims, v, List.of(x));
    }

    private static Tensor tile(NodeProto n, Tensor x, Tensor repeats) throws Refusal {
        List<Long> r = known(n, repeats, "repeats");
        if (r.size() != x.rank()) {
            throw Refusal.badModel("repeats " + r + " do not fit shape " + x.dims());
        }
        List<Long> dims = new ArrayList<>();
        for (int d = 0; d < r.size(); d++) {
            if (r.get(d) < 0) {
                throw Refusal.badModel("repeats " + r + " has a negative count");
            }
            dims.add(Math.multiplyExact(x.dims().get(d), r.get(d)));
        }
        return Tensor.computed(x.type(), dims, null, List.of(x));
    }

    /** The reduced axes of a Reduce operator (attribute, or the second input from opset 18), ascending. */
    static List<Integer> reducedAxes(NodeProto n, List<Tensor> ins, int rank) throws Refusal {
        List<Long> axes = axesArgument(n, ins, 1);
        List<Integer> out = new ArrayList<>();
        if (axes.isEmpty()) {
            if (NodeAttributes.intAttr(n, "noop_with_empty_axes", 0) == 0) {
                for (int d = 0; d < rank; d++) {
                    out.add(d);
                }
            }
            return out;
        }
        for (long a : axes) {
            int axis = checkAxis(a, rank, "axis");
            if (out.contains(axis)) {
                throw Refusal.badModel("axes " + axes + " repeat an axis");
            }
            out.add(axis);
        }
        out.sort(null);
        return out;
    }

    private static Tensor reduce(NodeProto n, List<Tensor> ins) throws Refusal {
        Tensor x = in(ins, 0, n);
        List<Integer> axes = reducedAxes(n, ins, x.rank());
        boolean keep = NodeAttributes.intAttr(n, "keepdims", 1) != 0;
        List<Long> dims = new ArrayList<>();
        for (int d = 0; d < x.rank(); d++) {
            if (!axes.contains(d)) {
                dims.add(x.dims().get(d));
            } else if (keep) {
                dims.add(1L);
            }
        }
        return Tensor.computed(x.type(), dims, null, List.of(x));
    }

    private static Tensor argReduce(NodeProto n, Tensor x) throws Refusal {
        int axis = axis(n, "axis", 0, x.rank());
        List<Long> dims = new ArrayList<>(x.dims());
        if (NodeAttributes.intAttr(n, "keepdims", 1) != 0) {
            dims.set(axis, 1L);
        } else {
            dims.remove(axis);
        }
        return Tensor.computed(DataType.INT64_VALUE, dims, null, List.of(x));
    }

    private static Tensor matMul(Tensor a, Tensor b) throws Refusal {
        if (a.rank() < 2 || b.rank() < 2 || !a.dims().get(a.rank() - 1).equals(b.dims().get(b.rank() - 2))) {
            throw Refusal.noRule("MatMul (of shapes " + a.dims() + " and " + b.dims() + ")");
        }
        List<Long> lead = Shapes.broadcast(a.dims().subList(0, a.rank() - 2), b.dims().subList(0, b.rank() - 2));
        if (lead == null) {
            throw Refusal.badModel("cannot multiply " + a.dims() + " by " + b.dims());
        }
        List<Long> dims = new ArrayList<>(lead);
        dims.add(a.dims().get(a.rank() - 2));
        dims.add(b.dims().get(b.rank() - 1));
        return Tensor.computed(a.type(), dims, null, List.of(a, b));
    }

    // ---- element-wise ----

    /** The shape the inputs broadcast to. */
    static List<Long> broadcast(NodeProto n, List<Tensor> ins) throws Refusal {
        List<Long> out = List.of();
        List<List<Long>> shapes = new ArrayList<>();
        for (Tensor t : ins) {
            if (t == null) {
                continue;
            }
            shapes.add(t.dims());
            out = Shapes.broadcast(out, t.dims());
            if (out == null) {
                throw Refusal.badModel("operands of shapes " + shapes + " do not broadcast");
            }
        }
        return out;
    }

    private static Tensor broadcastMap(NodeProto n, List<Tensor> ins, int type, DoubleBinaryOperator f)
            throws Refusal {
        List<Tensor> operands = given(ins);
        if (operands.size() != 2 && !Set.of("Max", "Min", "Sum").contains(n.getOpType())) {
            throw Refusal.badModel("takes 2 inputs (was given " + operands.size() + ")");
        }
        List<Long> dims = broadcast(n, operands);
        double[] v = null;
        boolean known = operands.stream().allMatch(Tensor::hasValues);
        if (known && Tensor.elements(dims) <= Tensor.MAX_VALUES) {
            v = new double[(int) Tensor.elements(dims)];
            for (int i = 0; i < operands.size(); i++) {
                Tensor t = operands.get(i);
                int[] ti = broadcastIndex(t.dims(), dims);
                for (int k = 0; k < v.length; k++) {
                    double x = t.value(ti[k]);
                    v[k] = i == 0 ? x : f.applyAsDouble(v[k], x);
                }
            }
            for (int k = 0; k < v.length; k++) {
                v[k] = convert(v[k], type);
            }
        }
        return Tensor.computed(type, dims, v, operands);
    }

    private static Tensor map(Tensor x, int type, DoubleUnaryOperator f) {
        double[] v = x.values();
        if (v != null) {
            for (int i = 0; i < v.length; i++) {
                v[i] = convert(f.applyAsDouble(v[i]), type);
            }
        }
        return Tensor.computed(type, x.dims(), v, List.of(x));
    }

    private static DoubleBinaryOperator comparison(String op) {
        return switch (op) {
            case "Equal" -> (a, b) -> a == b ? 1 : 0;
            case "Less" -> (a, b) -> a < b ? 1 : 0;
            case "Greater" -> (a, b) -> a > b ? 1 : 0;
            case "LessOrEqual" -> (a, b) -> a <= b ? 1 : 0;
            case "GreaterOrEqual" -> (a, b) -> a >= b ? 1 : 0;
            case "And" -> (a, b) -> a != 0 && b != 0 ? 1 : 0;
            case "Or" -> (a, b) -> a != 0 || b != 0 ? 1 : 0;
            default -> (a, b) -> (a != 0) != (b != 0) ? 1 : 0;
        };
    }

    /** Binary arithmetic; whole-number types divide as ONNX does (truncating, Mod taking the divisor's sign). */
    private static DoubleBinaryOperator arithmetic(String op, int type, NodeProto n) {
        boolean whole = Tensor.isInteger(type);
        return switch (op) {
            case "Add", "Sum" -> (a, b) -> a + b;
            case "Sub" -> (a, b) -> a - b;
            case "Mul" -> (a, b) -> a * b;
            case "Div" -> whole ? (a, b) -> b == 0 ? 0 : (double) (Tensor.toLong(a) / Tensor.toLong(b)) : (a, b) -> a / b;
            case "Mod" -> whole && NodeAttributes.intAttr(n, "fmod", 0) == 0
                    ? (a, b) -> b == 0 ? 0 : (double) Math.floorMod(Tensor.toLong(a), Tensor.toLong(b))
                    : (a, b) -> a % b;
            case "Pow" -> Math::pow;
            case "Max" -> Math::max;
            case "Min" -> Math::min;
            default -> null;
        };
    }

    private static DoubleUnaryOperator unary(String op) {
        return switch (op) {
            case "Neg" -> v -> -v;
            case "Abs" -> Math::abs;
            case "Sqrt" -> Math::sqrt;
            case "Reciprocal" -> v -> 1 / v;
            case "Exp" -> Math::exp;
            case "Log" -> Math::log;
            case "Floor" -> Math::floor;
            case "Ceil" -> Math::ceil;
            case "Round" -> Math::rint;
            case "Sign" -> Math::signum;
            case "Relu" -> v -> Math.max(v, 0);
            default -> null;
        };
    }

    // ---- indexing ----

    private static long[] strides(List<Long> dims) {
        long[] s = new long[dims.size()];
        long acc = 1;
        for (int d = dims.size() - 1; d >= 0; d--) {
            s[d] = acc;
            acc *= dims.get(d);
        }
        return s;
    }

    private static void increment(int[] index, List<Long> dims) {
        for (int d = index.length - 1; d >= 0; d--) {
            if (++index[d] < dims.get(d)) {
                return;
            }
            index[d] = 0;
        }
    }

    /** For each element of a tensor of shape {@code out}, the element of a tensor of shape {@code in} broadcast to it. */
    private static int[] broadcastIndex(List<Long> in, List<Long> out) {
        int n = (int) Tensor.elements(out);
        int[] map = new int[n];
        long[] inStrides = strides(in);
        int offset = out.size() - in.size();
        int[] index = new int[out.size()];
        for (int k = 0; k < n; k++) {
            long at = 0;
            for (int d = 0; d < in.size(); d++) {
                if (in.get(d) != 1) {
                    at += index[d + offset] * inStrides[d];
                }
            }
            map[k] = (int) at;
            increment(index, out);
        }
        return map;
    }

    /** The inputs given (an optional input left out is null); at least one. */
    private static List<Tensor> given(List<Tensor> ins) throws Refusal {
        List<Tensor> out = new ArrayList<>();
        for (Tensor t : ins) {
            if (t != null) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            throw Refusal.badModel("has no inputs");
        }
        return out;
    }

    private static Tensor in(List<Tensor> ins, int i, NodeProto n) throws Refusal {
        if (i >= ins.size() || ins.get(i) == null) {
            throw Refusal.badModel("lacks its input " + (i + 1));
        }
        return ins.get(i);
    }
}

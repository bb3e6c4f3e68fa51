package org.poetexplorer.io.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.poetexplorer.catalog.AvgPool2d;
import org.poetexplorer.catalog.BatchNorm2d;
import org.poetexplorer.catalog.Concat;
import org.poetexplorer.catalog.Conv2d;
import org.poetexplorer.catalog.CrossEntropyLoss;
import org.poetexplorer.catalog.Dropout;
import org.poetexplorer.catalog.Flatten;
import org.poetexplorer.catalog.GlobalAvgPool;
import org.poetexplorer.catalog.Layer;
import org.poetexplorer.catalog.Linear;
import org.poetexplorer.catalog.MaxPool2d;
import org.poetexplorer.catalog.ReLU;
import org.poetexplorer.catalog.Reshape;
import org.poetexplorer.catalog.Sigmoid;
import org.poetexplorer.catalog.SkipAdd;
import org.poetexplorer.catalog.Softmax;
import org.poetexplorer.catalog.TanH;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.onnx.proto.Onnx.AttributeProto;
import org.poetexplorer.io.onnx.proto.Onnx.NodeProto;

/**
 * The cost rules of the supported ONNX operators: which catalog layer each operator (with its
 * attributes) becomes, or what about it has no rule. docs/file-formats.md, "ONNX import",
 * states them for users.
 */
final class OperatorRules {
    /** Operators with a rule (some attribute values still have none, see {@link #translate}). */
    static final Set<String> SUPPORTED = Set.of("Gemm", "MatMul", "Conv", "BatchNormalization", "Relu", "MaxPool",
            "AveragePool", "GlobalAveragePool", "Add", "Flatten", "Reshape", "Dropout", "Sigmoid", "Tanh", "Softmax",
            "Concat", "Identity", "Constant", "Transpose", "SoftmaxCrossEntropyLoss");

    private final String source;
    private final IntFunction<List<Long>> shapes;
    private final long modelBatch;
    private final long batch;
    private final Map<String, Integer> consumers;
    /** Layers made from a MatMul whose bias Add has not been folded into them yet. */
    private final Set<Integer> matMulLayers;

    /**
     * @param shapes the output shape of each layer made so far
     * @param modelBatch the model's own fixed batch, 0 when symbolic
     * @param batch the batch chosen at import
     * @param consumers how many times each value name is used (by nodes and as graph output)
     * @param matMulLayers layers made from a MatMul; the translator adds them, a folded bias removes them
     */
    OperatorRules(String source, IntFunction<List<Long>> shapes, long modelBatch, long batch,
            Map<String, Integer> consumers, Set<Integer> matMulLayers) {
        this.source = source;
        this.shapes = shapes;
        this.modelBatch = modelBatch;
        this.batch = batch;
        this.consumers = consumers;
        this.matMulLayers = matMulLayers;
    }

    Outcome translate(String op, NodeProto n, List<Value> ins) throws InputException {
        String where = NodeAttributes.label(n, -1);
        switch (op) {
            case "Identity":
                return Outcome.value(required(ins, 0, where));
            case "Constant":
                return Outcome.value(Value.constant(constantOf(n, where)));
            case "Transpose":
                return transpose(n, ins, where);
            case "Relu":
            case "Sigmoid":
            case "Tanh":
            case "Softmax":
            case "Dropout": {
                Value x = required(ins, 0, where);
                if (!x.isActivation()) {
                    return Outcome.missing(op + " (of a constant)");
                }
                Layer l = op.equals("Relu") ? new ReLU() : op.equals("Sigmoid") ? new Sigmoid()
                        : op.equals("Tanh") ? new TanH() : op.equals("Softmax") ? new Softmax() : new Dropout();
                return Outcome.layer(l, x);
            }
            case "Gemm":
                return gemm(n, ins, where);
            case "MatMul":
                return matMul(ins, where);
            case "Add":
                return add(n, ins, where);
            case "Conv":
                return conv(n, ins, where);
            case "BatchNormalization": {
                Value x = required(ins, 0, where);
                if (!x.isActivation() || rank(x) != 4) {
                    return Outcome.missing("BatchNormalization (" + describe(x) + ")");
                }
                return Outcome.layer(new BatchNorm2d(), x);
            }
            case "MaxPool":
            case "AveragePool":
                return pool(op, n, ins, where);
            case "GlobalAveragePool": {
                Value x = required(ins, 0, where);
                if (!x.isActivation() || rank(x) != 4) {
                    return Outcome.missing("GlobalAveragePool (" + describe(x) + ")");
                }
                return Outcome.layer(new GlobalAvgPool(), x);
            }
            case "Flatten":
                return flatten(n, ins, where);
            case "Reshape":
                return reshape(n, ins, where);
            case "Concat":
                return concat(n, ins, where);
            case "SoftmaxCrossEntropyLoss": {
                Value scores = required(ins, 0, where);
                if (!scores.isActivation() || rank(scores) < 2) {
                    return Outcome.missing("SoftmaxCrossEntropyLoss (" + describe(scores) + ")");
                }
                return Outcome.layer(new CrossEntropyLoss(shape(scores).get(1)), scores);
            }
            default:
                return Outcome.missing(op);
        }
    }

    private Outcome gemm(NodeProto n, List<Value> ins, String where) throws InputException {
        Value a = required(ins, 0, where);
        Value b = required(ins, 1, where);
        if (NodeAttributes.intAttr(n, "transA", 0) != 0) {
            return Outcome.missing("Gemm (transA)");
        }
        if (!a.isActivation() || !b.isConstant() || b.constant().dims().size() != 2) {
            return Outcome.missing("Gemm (" + describe(a) + " times " + describe(b) + ")");
        }
        List<Long> w = b.constant().dims();
        boolean transB = NodeAttributes.intAttr(n, "transB", 0) != 0;
        return Outcome.layer(new Linear(transB ? w.get(1) : w.get(0), transB ? w.get(0) : w.get(1)), a);
    }

    private Outcome matMul(List<Value> ins, String where) throws InputException {
        Value a = required(ins, 0, where);
        Value b = required(ins, 1, where);
        if (!a.isActivation() || rank(a) != 2 || !b.isConstant() || b.constant().dims().size() != 2) {
            return Outcome.missing("MatMul (" + describe(a) + " times " + describe(b) + ")");
        }
        List<Long> w = b.constant().dims();
        return Outcome.layer(new Linear(w.get(0), w.get(1)), a);
    }

    /** Two activations: the skip add. An activation plus a bias right after a MatMul: the bias of that Linear. */
    private Outcome add(NodeProto n, List<Value> ins, String where) throws InputException {
        Value a = required(ins, 0, where);
        Value b = required(ins, 1, where);
        if (a.isActivation() && b.isActivation()) {
            List<Long> sa = shape(a);
            List<Long> sb = shape(b);
            List<Long> out = broadcast(sa, sb);
            if (out != null && out.equals(sa)) {
                return Outcome.layer(new SkipAdd(), a, b);
            }
            if (out != null && out.equals(sb)) {
                return Outcome.layer(new SkipAdd(), b, a);
            }
            return Outcome.missing("Add (broadcast to a new shape)");
        }
        Value x = a.isActivation() ? a : b;
        Value c = a.isActivation() ? b : a;
        String xName = n.getInput(a.isActivation() ? 0 : 1);
        if (x.isActivation() && c.isConstant() && matMulLayers.contains(x.layer())
                && consumers.getOrDefault(xName, 0) == 1 && isBias(c.constant(), shape(x))) {
            matMulLayers.remove(x.layer());
            return Outcome.value(x);
        }
        return Outcome.missing("Add (with a constant)");
    }

    private static boolean isBias(TensorInfo c, List<Long> out) {
        long features = out.get(out.size() - 1);
        return c.elements() == features && (c.dims().isEmpty() || c.dims().get(c.dims().size() - 1) == features);
    }

    private Outcome conv(NodeProto n, List<Value> ins, String where) throws InputException {
        Value x = required(ins, 0, where);
        Value w = required(ins, 1, where);
        if (!x.isActivation() || rank(x) != 4 || !w.isConstant() || w.constant().dims().size() != 4) {
            return Outcome.missing("Conv (" + describe(x) + ", weights " + describe(w) + ")");
        }
        long group = NodeAttributes.intAttr(n, "group", 1);
        if (group != 1) {
            return Outcome.missing("Conv (group " + group + ")");
        }
        List<Long> dims = w.constant().dims();
        List<Long> kernel = NodeAttributes.intsAttr(n, "kernel_shape");
        if (kernel != null && !kernel.equals(dims.subList(2, 4))) {
            throw new InputException(source, where, "kernel_shape " + kernel + " does not match the weights "
                    + dims);
        }
        Window win = window("Conv", n, dims.get(2), dims.get(3), shape(x), where);
        if (win.missing != null) {
            return Outcome.missing(win.missing);
        }
        return Outcome.layer(new Conv2d(dims.get(1), dims.get(0), toInt(dims.get(2), where), toInt(dims.get(3), where),
                win.stride, win.padH, win.padW), x);
    }

    private Outcome pool(String op, NodeProto n, List<Value> ins, String where) throws InputException {
        Value x = required(ins, 0, where);
        if (!x.isActivation() || rank(x) != 4) {
            return Outcome.missing(op + " (" + describe(x) + ")");
        }
        List<Long> kernel = NodeAttributes.intsAttr(n, "kernel_shape");
        if (kernel == null || kernel.size() != 2) {
            throw new InputException(source, where, "needs a kernel_shape of two values (was "
                    + (kernel == null ? "missing" : kernel) + ")");
        }
        if (NodeAttributes.intAttr(n, "ceil_mode", 0) != 0) {
            return Outcome.missing(op + " (ceil_mode)");
        }
        Window win = window(op, n, kernel.get(0), kernel.get(1), shape(x), where);
        if (win.missing != null) {
            return Outcome.missing(win.missing);
        }
        int kh = toInt(kernel.get(0), where);
        int kw = toInt(kernel.get(1), where);
        return Outcome.layer(op.equals("MaxPool") ? new MaxPool2d(kh, kw, win.stride, win.padH, win.padW)
                : new AvgPool2d(kh, kw, win.stride, win.padH, win.padW), x);
    }

    /** Stride and padding of a 2-D window operator, or what about them has no rule. */
    private static final class Window {
        int stride;
        int padH;
        int padW;
        String missing;
    }

    /**
     * Stride and padding from strides, pads, dilations and auto_pad. SAME_UPPER and SAME_LOWER
     * pad so that the output is ceil(input / stride); that has a rule when the padding comes
     * out the same on both sides.
     */
    private Window window(String op, NodeProto n, long kh, long kw, List<Long> in, String where)
            throws InputException {
        Window w = new Window();
        String autoPad = NodeAttributes.stringAttr(n, "auto_pad", "NOTSET");
        List<Long> strides = NodeAttributes.intsAttr(n, "strides");
        List<Long> pads = NodeAttributes.intsAttr(n, "pads");
        List<Long> dilations = NodeAttributes.intsAttr(n, "dilations");
        boolean same = autoPad.equals("SAME_UPPER") || autoPad.equals("SAME_LOWER");
        if (!autoPad.isEmpty() && !autoPad.equals("NOTSET") && !autoPad.equals("VALID") && !same) {
            w.missing = op + " (auto_pad " + autoPad + ")";
        } else if (dilations != null && dilations.stream().anyMatch(d -> d != 1)) {
            w.missing = op + " (dilations " + dilations + ")";
        } else if (strides != null && (strides.size() != 2 || !strides.get(0).equals(strides.get(1)))) {
            w.missing = op + " (strides " + strides + ")";
        } else if (!same && pads != null && (pads.size() != 4 || !pads.get(0).equals(pads.get(2))
                || !pads.get(1).equals(pads.get(3)))) {
            w.missing = op + " (asymmetric pads " + pads + ")";
        }
        if (w.missing != null) {
            return w;
        }
        w.stride = strides == null ? 1 : toInt(strides.get(0), where);
        if (same) {
            long totalH = samePadding(in.get(2), kh, w.stride);
            long totalW = samePadding(in.get(3), kw, w.stride);
            if (totalH % 2 != 0 || totalW % 2 != 0) {
                w.missing = op + " (auto_pad " + autoPad + " with uneven padding)";
                return w;
            }
            w.padH = toInt(totalH / 2, where);
            w.padW = toInt(totalW / 2, where);
        } else {
            boolean padded = pads != null && !autoPad.equals("VALID");
            w.padH = padded ? toInt(pads.get(0), where) : 0;
            w.padW = padded ? toInt(pads.get(1), where) : 0;
        }
        return w;
    }

    /** Total padding along one axis that makes the output ceil(size / stride). */
    private static long samePadding(long size, long kernel, long stride) {
        long out = (size + stride - 1) / stride;
        return Math.max((out - 1) * stride + kernel - size, 0);
    }

    private Outcome flatten(NodeProto n, List<Value> ins, String where) throws InputException {
        Value x = required(ins, 0, where);
        if (!x.isActivation()) {
            return Outcome.missing("Flatten (of a constant)");
        }
        List<Long> s = shape(x);
        long axis = NodeAttributes.intAttr(n, "axis", 1);
        if (axis < 0) {
            axis += s.size();
        }
        if (axis < 0 || axis > s.size()) {
            throw new InputException(source, where, "axis " + NodeAttributes.intAttr(n, "axis", 1) + " is outside shape " + s);
        }
        if (axis == 1 && s.size() >= 2) {
            return Outcome.layer(new Flatten(), x);
        }
        long outer = product(s.subList(0, (int) axis));
        long inner = product(s.subList((int) axis, s.size()));
        return Outcome.layer(new Reshape(List.of(outer, inner)), x);
    }

    private Outcome reshape(NodeProto n, List<Value> ins, String where) throws InputException {
        Value x = required(ins, 0, where);
        Value spec = required(ins, 1, where);
        if (!x.isActivation()) {
            return Outcome.missing("Reshape (of a constant)");
        }
        if (!spec.isConstant() || spec.constant().values() == null) {
            return Outcome.missing("Reshape (shape computed in the graph)");
        }
        List<Long> in = shape(x);
        List<Long> target = new ArrayList<>();
        boolean allowZero = NodeAttributes.intAttr(n, "allowzero", 0) != 0;
        int inferred = -1;
        long known = 1;
        List<Long> given = spec.constant().values();
        for (int i = 0; i < given.size(); i++) {
            long d = given.get(i);
            if (d == 0 && !allowZero && i < in.size()) {
                d = in.get(i);
            } else if (i == 0 && d == modelBatch && modelBatch > 0 && batch != modelBatch && in.get(0) == batch) {
                d = batch; // the model's fixed batch, written into the shape, follows the batch chosen at import
            }
            if (d == -1 && inferred < 0) {
                inferred = i;
                target.add(1L);
                continue;
            }
            if (d < 1) {
                throw new InputException(source, where, "cannot reshape " + in + " to " + given);
            }
            target.add(d);
            known = Math.multiplyExact(known, d);
        }
        long total = product(in);
        if (inferred >= 0) {
            if (total % known != 0) {
                throw new InputException(source, where, "cannot reshape " + in + " to " + given);
            }
            target.set(inferred, total / known);
        }
        if (product(target) != total) {
            throw new InputException(source, where, "cannot reshape " + in + " to " + given
                    + " (element counts differ)");
        }
        return Outcome.layer(new Reshape(target), x);
    }

    private Outcome concat(NodeProto n, List<Value> ins, String where) throws InputException {
        List<Value> parts = new ArrayList<>();
        for (Value v : ins) {
            if (v == null) {
                continue;
            }
            if (!v.isActivation()) {
                return Outcome.missing("Concat (with a constant input)");
            }
            parts.add(v);
        }
        if (parts.isEmpty()) {
            throw new InputException(source, where, "has no inputs");
        }
        long axis = NodeAttributes.intAttr(n, "axis", Long.MIN_VALUE);
        if (axis == Long.MIN_VALUE) {
            throw new InputException(source, where, "needs an axis attribute");
        }
        int r = rank(parts.get(0));
        if (axis < 0) {
            axis += r;
        }
        if (axis < 0 || axis >= r) {
            throw new InputException(source, where, "axis " + NodeAttributes.intAttr(n, "axis", 0) + " is outside shape "
                    + shape(parts.get(0)));
        }
        return Outcome.layer(new Concat(parts.size(), (int) axis), parts.toArray(new Value[0]));
    }


    /** A transposed weight (as older exporters write a Linear without bias) is another constant; activations have no rule. */
    private Outcome transpose(NodeProto n, List<Value> ins, String where) throws InputException {
        Value x = required(ins, 0, where);
        if (!x.isConstant()) {
            return Outcome.missing("Transpose (of an activation)");
        }
        List<Long> dims = x.constant().dims();
        List<Long> perm = NodeAttributes.intsAttr(n, "perm");
        if (perm != null && perm.size() != dims.size()) {
            throw new InputException(source, where, "perm " + perm + " does not fit dimensions " + dims);
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            long axis = perm == null ? dims.size() - 1 - i : perm.get(i);
            if (axis < 0 || axis >= dims.size()) {
                throw new InputException(source, where, "perm " + perm + " does not fit dimensions " + dims);
            }
            out.add(dims.get((int) axis));
        }
        return Outcome.value(Value.constant(new TensorInfo(n.getOutput(0), x.constant().dataType(), out, null)));
    }

    private TensorInfo constantOf(NodeProto n, String where) throws InputException {
        for (AttributeProto a : n.getAttributeList()) {
            switch (a.getName()) {
                case "value":
                    return TensorInfo.of(n.getOutput(0), a.getT());
                case "value_int":
                    return new TensorInfo(n.getOutput(0), TensorInfo.INT64, List.of(),
                            List.of(a.getI()));
                case "value_ints":
                    return new TensorInfo(n.getOutput(0), TensorInfo.INT64,
                            List.of((long) a.getIntsCount()), a.getIntsList());
                case "value_float":
                    return new TensorInfo(n.getOutput(0), TensorInfo.FLOAT, List.of(), null);
                case "value_floats":
                    return new TensorInfo(n.getOutput(0), TensorInfo.FLOAT,
                            List.of((long) a.getFloatsCount()), null);
                default:
                    break;
            }
        }
        throw new InputException(source, where, "has no value attribute");
    }


    private Value required(List<Value> ins, int i, String where) throws InputException {
        if (i >= ins.size() || ins.get(i) == null) {
            throw new InputException(source, where, "lacks its input " + (i + 1));
        }
        return ins.get(i);
    }

    private List<Long> shape(Value v) {
        return shapes.apply(v.layer());
    }

    private int rank(Value v) {
        return shape(v).size();
    }

    private String describe(Value v) {
        if (v == null) {
            return "no input";
        }
        if (v.isActivation()) {
            return "rank-" + rank(v) + " activation";
        }
        return v.isConstant() ? "rank-" + v.constant().dims().size() + " constant" : "unknown";
    }

    private static List<Long> broadcast(List<Long> a, List<Long> b) {
        int r = Math.max(a.size(), b.size());
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            long da = i < r - a.size() ? 1 : a.get(i - (r - a.size()));
            long db = i < r - b.size() ? 1 : b.get(i - (r - b.size()));
            if (da != db && da != 1 && db != 1) {
                return null;
            }
            out.add(Math.max(da, db));
        }
        return out;
    }

    static long product(List<Long> dims) {
        long p = 1;
        for (long d : dims) {
            p = Math.multiplyExact(p, d);
        }
        return p;
    }

    private int toInt(long v, String where) throws InputException {
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new InputException(source, where, "value " + v + " is out of range");
        }
        return (int) v;
    }
}

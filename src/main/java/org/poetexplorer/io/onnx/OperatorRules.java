package org.poetexplorer.io.onnx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.poetexplorer.catalog.AvgPool2d;
import org.poetexplorer.catalog.BatchNorm2d;
import org.poetexplorer.catalog.Concat;
import org.poetexplorer.catalog.Conv2d;
import org.poetexplorer.catalog.Copy;
import org.poetexplorer.catalog.CrossEntropyLoss;
import org.poetexplorer.catalog.Dropout;
import org.poetexplorer.catalog.Elementwise;
import org.poetexplorer.catalog.Embedding;
import org.poetexplorer.catalog.Flatten;
import org.poetexplorer.catalog.GlobalAvgPool;
import org.poetexplorer.catalog.Layer;
import org.poetexplorer.catalog.LayerNorm;
import org.poetexplorer.catalog.Linear;
import org.poetexplorer.catalog.MatMul;
import org.poetexplorer.catalog.MaxPool2d;
import org.poetexplorer.catalog.ReLU;
import org.poetexplorer.catalog.Recurrent;
import org.poetexplorer.catalog.ReduceMean;
import org.poetexplorer.catalog.Shapes;
import org.poetexplorer.catalog.Reshape;
import org.poetexplorer.catalog.Sigmoid;
import org.poetexplorer.catalog.SkipAdd;
import org.poetexplorer.catalog.Softmax;
import org.poetexplorer.catalog.TanH;
import org.poetexplorer.catalog.Transpose;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.onnx.proto.Onnx.AttributeProto;
import org.poetexplorer.io.onnx.proto.Onnx.NodeProto;
import org.poetexplorer.io.onnx.proto.Onnx.TensorProto.DataType;

/**
 * The cost rules of the ONNX operators: which catalog layer each operator (with its attributes
 * and the kinds of its inputs) becomes, or which constant or untrained data it gives, or what
 * about it has no rule. docs/file-formats.md, "ONNX import", states them for users.
 *
 * <p>An operator whose inputs are all constants or untrained data is evaluated at import
 * ({@link Folding}) and gives a tensor, not a layer; so do operators whose results carry no
 * gradient (comparisons, integer casts, random masks) and {@code Shape}. Only operators on
 * activations become layers, and only layers get backward nodes.
 */
final class OperatorRules {
    /** Operators with a rule for some inputs and attributes (the others are refused, see {@link #translate}). */
    static final Set<String> SUPPORTED;

    /** Results that carry no gradient: untrained data, whatever their inputs. */
    private static final Set<String> DATA_RESULTS = Set.of("Equal", "Less", "Greater", "LessOrEqual",
            "GreaterOrEqual", "And", "Or", "Xor", "Not", "IsNaN", "IsInf", "ArgMax", "ArgMin", "RandomUniformLike",
            "RandomNormalLike");
    /** Element-wise operators of one activation with a fixed count per element. */
    private static final Set<String> UNARY = Set.of("Clip", "HardSigmoid", "HardSwish", "Erf", "Sqrt", "Reciprocal");
    private static final Set<String> BINARY = Set.of("Add", "Sub", "Mul", "Div", "Pow");
    /** Operators that copy some elements of one activation into a new shape. */
    private static final Set<String> COPIES = Set.of("Slice", "Gather", "GatherElements", "GatherND", "Expand",
            "Tile");
    private static final Set<String> RESHAPES = Set.of("Reshape", "Squeeze", "Unsqueeze");
    /** Operators with weights: data they read (not trained) is the network's input. */
    private static final Set<String> WEIGHTED = Set.of("Conv", "Gemm", "MatMul", "LSTM", "GRU");

    static {
        Set<String> s = new HashSet<>(Folding.OPERATORS);
        s.addAll(Set.of("Gemm", "MatMul", "Conv", "BatchNormalization", "Relu", "MaxPool", "AveragePool",
                "GlobalAveragePool", "Flatten", "Reshape", "Dropout", "Sigmoid", "Tanh", "Softmax", "Concat",
                "Identity", "Constant", "Transpose", "SoftmaxCrossEntropyLoss", "LayerNormalization", "Gelu", "LSTM",
                "GRU", "Split", "Where", "Cast", "SplitToSequence", "SequenceAt"));
        SUPPORTED = Set.copyOf(s);
    }

    /** Where the rules put the layers they make. */
    interface Layers {
        /** Adds a layer fed by earlier layers; returns its index. */
        int add(Layer layer, String where, int... inputs) throws InputException;

        /** The output shape of a layer made so far. */
        List<Long> shape(int layer);

        /** The layer that brings untrained data into the network (token ids for an embedding), made on first use. */
        int input(Tensor data, String where) throws InputException;
    }

    private final String source;
    private final Layers layers;
    private final long modelBatch;
    private final long batch;
    private final Map<String, Integer> consumers;
    /** Layers made from a MatMul whose bias Add has not been folded into them yet. */
    private final Set<Integer> matMulLayers;
    /** The parts of each sequence of an activation made layers so far, by position (one layer per part picked). */
    private final Map<Sequence, Value[]> picked = new IdentityHashMap<>();

    /**
     * @param modelBatch the model's own fixed batch, 0 when symbolic
     * @param batch the batch chosen at import
     * @param consumers how many times each value name is used (by nodes and as graph output)
     * @param matMulLayers layers made from a MatMul (filled here); a folded bias removes them
     */
    OperatorRules(String source, Layers layers, long modelBatch, long batch, Map<String, Integer> consumers,
            Set<Integer> matMulLayers) {
        this.source = source;
        this.layers = layers;
        this.modelBatch = modelBatch;
        this.batch = batch;
        this.consumers = consumers;
        this.matMulLayers = matMulLayers;
    }

    /** What node {@code n} becomes, given the values of its inputs (null for an optional input left out). */
    Outcome translate(NodeProto n, List<Value> ins) throws InputException {
        String op = n.getOpType();
        String where = NodeAttributes.label(n, -1);
        boolean sequences = false;
        for (Value v : ins) {
            sequences |= v != null && v.isSequence();
        }
        if (sequences && !op.equals("Identity") && !op.equals("SequenceAt")) {
            return Outcome.missing(SUPPORTED.contains(op) ? op + " (of a sequence)" : op);
        }
        switch (op) {
            case "Constant":
                return Outcome.of(Value.of(constantOf(n, where)));
            case "Identity":
                return Outcome.of(required(ins, 0, where));
            case "Shape":
            case "Size":
                return fold(n, shapesOf(ins), where);
            case "SplitToSequence":
                return splitToSequence(n, ins, where);
            case "SequenceAt":
                return sequenceAt(ins, where);
            default:
                break;
        }
        boolean activations = false;
        for (Value v : ins) {
            activations |= v != null && v.isActivation();
        }
        if (!activations) {
            return onTensors(op, n, ins, where);
        }
        if (DATA_RESULTS.contains(op)) {
            return fold(n, shapesOf(ins), where);
        }
        return onActivations(op, n, ins, where);
    }

    // ---- operators on constants and data ----

    private Outcome onTensors(String op, NodeProto n, List<Value> ins, String where) throws InputException {
        if (op.equals("Gather") && ins.size() == 2 && ins.get(0) != null && ins.get(1) != null) {
            Tensor table = ins.get(0).tensor();
            Tensor ids = ins.get(1).tensor();
            if (table.params() > 0 && table.rank() == 2 && ids.varying() && !Tensor.isFloat(ids.type())
                    && NodeAttributes.intAttr(n, "axis", 0) == 0) {
                int in = layers.input(ids, where);
                return layer(new Embedding(table.dims().get(0), table.dims().get(1)), where, in);
            }
        }
        if (WEIGHTED.contains(op) && !ins.isEmpty() && ins.get(0) != null && ins.get(0).tensor().varying()) {
            List<Value> fed = new ArrayList<>(ins);
            fed.set(0, Value.activation(layers.input(ins.get(0).tensor(), where)));
            return onActivations(op, n, fed, where);
        }
        if (!Folding.OPERATORS.contains(op)) {
            return Outcome.missing(op + (SUPPORTED.contains(op) ? " (of constants)" : ""));
        }
        return fold(n, shapesOf(ins), where);
    }

    /** Evaluates the node at import: its outputs are tensors. */
    private Outcome fold(NodeProto n, List<Tensor> ins, String where) throws InputException {
        try {
            List<Value> out = new ArrayList<>();
            for (Tensor t : Folding.apply(n, ins)) {
                out.add(Value.of(t));
            }
            return Outcome.of(out);
        } catch (Folding.Refusal r) {
            return refused(r, where);
        }
    }

    private Outcome refused(Folding.Refusal r, String where) throws InputException {
        if (r.what != null) {
            return Outcome.missing(r.what);
        }
        throw new InputException(source, where, r.getMessage());
    }

    /** The inputs as tensors, activations by their shape (for the shape rules). */
    private List<Tensor> shapesOf(List<Value> ins) {
        List<Tensor> out = new ArrayList<>();
        for (Value v : ins) {
            out.add(v == null ? null : v.isActivation() ? Tensor.activationShape(shape(v)) : v.tensor());
        }
        return out;
    }

    /** The output shapes the shape rules give the node, for layers that move data. */
    private List<List<Long>> shapesOut(NodeProto n, List<Value> ins) throws Folding.Refusal {
        List<List<Long>> out = new ArrayList<>();
        for (Tensor t : Folding.apply(n, shapesOf(ins))) {
            out.add(t.dims());
        }
        return out;
    }

    // ---- operators on activations: layers ----

    private Outcome onActivations(String op, NodeProto n, List<Value> ins, String where) throws InputException {
        try {
            return layerFor(op, n, ins, where);
        } catch (Folding.Refusal r) {
            return refused(r, where);
        }
    }

    private Outcome layerFor(String op, NodeProto n, List<Value> ins, String where)
            throws InputException, Folding.Refusal {
        switch (op) {
            case "Relu":
                return unaryLayer(new ReLU(), ins, where);
            case "Sigmoid":
                return unaryLayer(new Sigmoid(), ins, where);
            case "Tanh":
                return unaryLayer(new TanH(), ins, where);
            case "Dropout":
                return Outcome.all(n, layerValue(new Dropout(), where, activation(ins, 0, op, where)));
            case "Softmax": {
                Value x = activation(ins, 0, op, where);
                Folding.axis(n, "axis", -1, rank(x));
                return unaryLayer(new Softmax(), ins, where);
            }
            case "Gelu": {
                boolean tanh = NodeAttributes.stringAttr(n, "approximate", "none").equals("tanh");
                return unaryLayer(Elementwise.of(tanh ? "GeluTanh" : "Gelu", 1, List.of(), 0), ins, where);
            }
            case "Clip":
                for (int i = 1; i < ins.size(); i++) {
                    if (ins.get(i) != null && ins.get(i).isActivation()) {
                        return Outcome.missing("Clip (bounds computed by the network)");
                    }
                }
                return unaryLayer(Elementwise.of(op, 1, List.of(), 0), ins, where);
            case "HardSigmoid":
            case "HardSwish":
            case "Erf":
            case "Sqrt":
            case "Reciprocal":
                return unaryLayer(Elementwise.of(op, 1, List.of(), 0), ins, where);
            case "Cast":
            case "CastLike":
                return cast(op, n, ins, where);
            case "Add":
            case "Sub":
            case "Mul":
            case "Div":
            case "Pow":
                return binary(op, n, ins, where);
            case "Where":
                return where(n, ins, where);
            case "Gemm":
                return gemm(n, ins, where);
            case "MatMul":
                return matMul(n, ins, where);
            case "Conv":
                return conv(n, ins, where);
            case "BatchNormalization": {
                Value x = activation(ins, 0, op, where);
                if (rank(x) != 4) {
                    return Outcome.missing("BatchNormalization (" + describe(x) + ")");
                }
                return Outcome.all(n, layerValue(new BatchNorm2d(), where, x));
            }
            case "LayerNormalization":
                return layerNorm(n, ins, where);
            case "MaxPool":
            case "AveragePool":
                return pool(op, n, ins, where);
            case "GlobalAveragePool": {
                Value x = activation(ins, 0, op, where);
                if (rank(x) != 4) {
                    return Outcome.missing("GlobalAveragePool (" + describe(x) + ")");
                }
                return layer(new GlobalAvgPool(true), where, x.layer());
            }
            case "ReduceMean":
                return reduceMean(n, ins, where);
            case "Flatten":
                return flatten(n, ins, where);
            case "Reshape":
                return reshape(n, ins, where);
            case "Squeeze":
            case "Unsqueeze":
                return copyShaped(n, ins, where, Reshape::new);
            case "Transpose": {
                Value x = activation(ins, 0, op, where);
                return layer(new Transpose(Folding.permutation(n, rank(x))), where, x.layer());
            }
            case "Concat":
                return concat(n, ins, where);
            case "Split":
                return split(n, ins, where);
            case "LSTM":
            case "GRU":
                return recurrent(op, n, ins, where);
            case "SoftmaxCrossEntropyLoss": {
                Value scores = activation(ins, 0, op, where);
                if (rank(scores) < 2) {
                    return Outcome.missing("SoftmaxCrossEntropyLoss (" + describe(scores) + ")");
                }
                return layer(new CrossEntropyLoss(shape(scores).get(1)), where, scores.layer());
            }
            default:
                break;
        }
        if (COPIES.contains(op)) {
            if (!ins.get(0).isActivation()) {
                return Outcome.missing(op + " (with an index computed by the network)");
            }
            return copyShaped(n, ins, where, (shape) -> new Copy(op, shape));
        }
        return Outcome.missing(op);
    }

    private Outcome unaryLayer(Layer l, List<Value> ins, String where) throws InputException {
        Value x = ins.isEmpty() ? null : ins.get(0);
        if (x == null || !x.isActivation()) {
            throw new InputException(source, where, "lacks its input 1");
        }
        return layer(l, where, x.layer());
    }

    /** A cast to a floating-point type is the same activation (every element costs the device's bytesPerElement); to whole numbers or booleans it is untrained data. */
    private Outcome cast(String op, NodeProto n, List<Value> ins, String where) throws InputException {
        Value x = required(ins, 0, where);
        int to = op.equals("Cast") ? (int) NodeAttributes.intAttr(n, "to", DataType.FLOAT_VALUE)
                : required(ins, 1, where).isActivation() ? DataType.FLOAT_VALUE : ins.get(1).tensor().type();
        if (Tensor.isFloat(to)) {
            return Outcome.of(x);
        }
        return Outcome.of(Value.of(Tensor.data(to, shape(x))));
    }

    /**
     * Two activations: the skip add (when one has the result's shape) or an element-wise layer.
     * An activation and a constant: the bias of the MatMul right before it (its only use), or an
     * element-wise layer whose params are the constant's learned elements.
     */
    private Outcome binary(String op, NodeProto n, List<Value> ins, String where) throws InputException {
        Value a = required(ins, 0, where);
        Value b = required(ins, 1, where);
        if (a.isActivation() && b.isActivation()) {
            if (op.equals("Add")) {
                List<Long> out = Shapes.broadcast(shape(a), shape(b));
                if (out != null && out.equals(shape(a))) {
                    return layer(new SkipAdd(), where, a.layer(), b.layer());
                }
                if (out != null && out.equals(shape(b))) {
                    return layer(new SkipAdd(), where, b.layer(), a.layer());
                }
            }
            Layer l = op.equals("Pow") ? new Elementwise("Pow", 2, 4, List.of(), 0) : Elementwise.of(op, 2, List.of(), 0);
            return layer(l, where, a.layer(), b.layer());
        }
        Value x = a.isActivation() ? a : b;
        Tensor c = (a.isActivation() ? b : a).tensor();
        if (op.equals("Add")) {
            String xName = n.getInput(a.isActivation() ? 0 : 1);
            if (matMulLayers.contains(x.layer()) && consumers.getOrDefault(xName, 0) == 1 && !c.varying()
                    && isBias(c, shape(x))) {
                matMulLayers.remove(x.layer());
                return Outcome.of(x);
            }
        }
        if (op.equals("Pow")) {
            boolean exponent = a.isActivation() && c.elements() == 1 && c.hasValues();
            Layer l = exponent ? Elementwise.power(c.value(0), c.dims(), c.params())
                    : new Elementwise("Pow", 1, 4, c.dims(), c.params());
            return layer(l, where, x.layer());
        }
        return layer(Elementwise.of(op, 1, c.dims(), c.params()), where, x.layer());
    }

    private static boolean isBias(Tensor c, List<Long> out) {
        long features = out.get(out.size() - 1);
        return c.elements() == features && (c.rank() == 0 || c.dims().get(c.rank() - 1) == features);
    }

    /** A choice by a mask (untrained data) between an activation and a constant, or two activations. */
    private Outcome where(NodeProto n, List<Value> ins, String where) throws InputException, Folding.Refusal {
        Value c = required(ins, 0, where);
        Value x = required(ins, 1, where);
        Value y = required(ins, 2, where);
        if (c.isActivation()) {
            return Outcome.missing("Where (condition computed by the network)");
        }
        Folding.broadcast(n, shapesOf(ins));
        List<Long> constant = c.tensor().dims();
        long params = 0;
        List<Integer> acts = new ArrayList<>();
        for (Value v : List.of(x, y)) {
            if (v.isActivation()) {
                acts.add(v.layer());
            } else {
                constant = Shapes.broadcast(constant, v.tensor().dims());
                params += v.tensor().params();
            }
        }
        return layer(Elementwise.of("Where", acts.size(), constant, params), where,
                acts.stream().mapToInt(Integer::intValue).toArray());
    }

    private Outcome gemm(NodeProto n, List<Value> ins, String where) throws InputException {
        Value a = required(ins, 0, where);
        Value b = required(ins, 1, where);
        if (NodeAttributes.intAttr(n, "transA", 0) != 0) {
            return Outcome.missing("Gemm (transA)");
        }
        if (!a.isActivation() || !b.isConstant() || b.tensor().rank() != 2) {
            return Outcome.missing("Gemm (" + describe(a) + " times " + describe(b) + ")");
        }
        List<Long> w = b.tensor().dims();
        boolean transB = NodeAttributes.intAttr(n, "transB", 0) != 0;
        return layer(new Linear(transB ? w.get(1) : w.get(0), transB ? w.get(0) : w.get(1), true), where, a.layer());
    }

    /** An activation times a 2-D weight: a Linear at every row; two activations: a MatMul layer (attention). */
    private Outcome matMul(NodeProto n, List<Value> ins, String where) throws InputException {
        Value a = required(ins, 0, where);
        Value b = required(ins, 1, where);
        if (a.isActivation() && b.isActivation()) {
            return layer(new MatMul(), where, a.layer(), b.layer());
        }
        if (!a.isActivation() || !b.isConstant() || b.tensor().rank() != 2 || rank(a) < 2) {
            return Outcome.missing("MatMul (" + describe(a) + " times " + describe(b) + ")");
        }
        List<Long> w = b.tensor().dims();
        Outcome o = layer(new Linear(w.get(0), w.get(1), true), where, a.layer());
        matMulLayers.add(o.outputs.get(0).layer());
        return o;
    }

    private Outcome conv(NodeProto n, List<Value> ins, String where) throws InputException {
        Value x = required(ins, 0, where);
        Value w = required(ins, 1, where);
        if (!x.isActivation() || rank(x) != 4 || !w.isConstant() || w.tensor().rank() != 4) {
            return Outcome.missing("Conv (" + describe(x) + ", weights " + describe(w) + ")");
        }
        List<Long> dims = w.tensor().dims();
        long group = NodeAttributes.intAttr(n, "group", 1);
        if (group < 1) {
            throw new InputException(source, where, "group " + group + " must be >= 1");
        }
        List<Long> kernel = NodeAttributes.intsAttr(n, "kernel_shape");
        if (kernel != null && !kernel.equals(dims.subList(2, 4))) {
            throw new InputException(source, where, "kernel_shape " + kernel + " does not match the weights " + dims);
        }
        positive(where, "kernel", dims.subList(2, 4));
        positive(where, "out channels", dims.subList(0, 1));
        long inChannels = shape(x).get(1);
        if (dims.get(1) * group != inChannels || dims.get(0) % group != 0) {
            throw new InputException(source, where, "weights " + dims + " in " + group + " group" + (group == 1 ? "" : "s")
                    + " do not fit " + inChannels + " input channels (input shape " + shape(x) + ")");
        }
        Window win = window("Conv", n, dims.get(2), dims.get(3), shape(x), where);
        if (win.missing != null) {
            return Outcome.missing(win.missing);
        }
        return layer(new Conv2d(inChannels, dims.get(0), toInt(dims.get(2), where), toInt(dims.get(3), where),
                win.stride, win.padH, win.padW, group), where, x.layer());
    }

    private Outcome pool(String op, NodeProto n, List<Value> ins, String where)
            throws InputException, Folding.Refusal {
        Value x = activation(ins, 0, op, where);
        if (rank(x) != 4) {
            return Outcome.missing(op + " (" + describe(x) + ")");
        }
        List<Long> kernel = NodeAttributes.intsAttr(n, "kernel_shape");
        if (kernel == null || kernel.size() != 2) {
            throw new InputException(source, where, "needs a kernel_shape of two values (was "
                    + (kernel == null ? "missing" : kernel) + ")");
        }
        positive(where, "kernel_shape", kernel);
        Window win = window(op, n, kernel.get(0), kernel.get(1), shape(x), where);
        if (win.missing != null) {
            return Outcome.missing(win.missing);
        }
        boolean ceil = NodeAttributes.intAttr(n, "ceil_mode", 0) != 0;
        int kh = toInt(kernel.get(0), where);
        int kw = toInt(kernel.get(1), where);
        Layer l = op.equals("MaxPool") ? new MaxPool2d(kh, kw, win.stride, win.padH, win.padW, ceil)
                : new AvgPool2d(kh, kw, win.stride, win.padH, win.padW, ceil);
        return Outcome.all(n, layerValue(l, where, x));
    }

    private void positive(String where, String what, List<Long> values) throws InputException {
        for (long v : values) {
            if (v < 1) {
                throw new InputException(source, where, what + " " + values + " must be >= 1");
            }
        }
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
     * out the same on both sides. A stride below 1 or a negative padding is a bad model.
     */
    private Window window(String op, NodeProto n, long kh, long kw, List<Long> in, String where)
            throws InputException {
        Window w = new Window();
        String autoPad = NodeAttributes.stringAttr(n, "auto_pad", "NOTSET");
        List<Long> strides = NodeAttributes.intsAttr(n, "strides");
        List<Long> pads = NodeAttributes.intsAttr(n, "pads");
        List<Long> dilations = NodeAttributes.intsAttr(n, "dilations");
        if (strides != null) {
            positive(where, "strides", strides);
        }
        if (pads != null && pads.stream().anyMatch(p -> p < 0)) {
            throw new InputException(source, where, "pads " + pads + " must be >= 0");
        }
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

    private Outcome layerNorm(NodeProto n, List<Value> ins, String where) throws InputException, Folding.Refusal {
        Value x = activation(ins, 0, "LayerNormalization", where);
        Value scale = required(ins, 1, where);
        Value bias = ins.size() > 2 ? ins.get(2) : null;
        if (scale.isActivation() || (bias != null && bias.isActivation())) {
            return Outcome.missing("LayerNormalization (scale computed by the network)");
        }
        int axis = Folding.axis(n, "axis", -1, rank(x));
        List<Long> normalized = shape(x).subList(axis, rank(x));
        if (scale.tensor().elements() != Tensor.elements(normalized)) {
            throw new InputException(source, where, "scale of shape " + scale.tensor().dims()
                    + " does not fit the normalised dimensions " + normalized);
        }
        List<Value> out = new ArrayList<>();
        out.add(layerValue(new LayerNorm(axis, bias != null), where, x));
        List<Long> stats = new ArrayList<>(shape(x).subList(0, axis));
        normalized.forEach(d -> stats.add(1L));
        for (int i = 1; i < n.getOutputCount(); i++) {
            out.add(Value.of(Tensor.data(DataType.FLOAT_VALUE, stats))); // the saved mean and 1/deviation
        }
        return Outcome.of(out);
    }

    /** The mean over height and width of an image is the global average pool; any other mean a ReduceMean layer. */
    private Outcome reduceMean(NodeProto n, List<Value> ins, String where) throws InputException, Folding.Refusal {
        Value x = activation(ins, 0, "ReduceMean", where);
        if (ins.size() > 1 && ins.get(1) != null && ins.get(1).isActivation()) {
            return Outcome.missing("ReduceMean (axes computed by the network)");
        }
        List<Integer> axes = Folding.reducedAxes(n, shapesOf(ins), rank(x));
        boolean keep = NodeAttributes.intAttr(n, "keepdims", 1) != 0;
        if (axes.isEmpty()) {
            return Outcome.of(x);
        }
        if (rank(x) == 4 && axes.equals(List.of(2, 3))) {
            return layer(new GlobalAvgPool(keep), where, x.layer());
        }
        return layer(new ReduceMean(axes, keep), where, x.layer());
    }

    private Outcome flatten(NodeProto n, List<Value> ins, String where) throws InputException, Folding.Refusal {
        Value x = activation(ins, 0, "Flatten", where);
        List<Long> out = shapesOut(n, ins).get(0);
        long axis = NodeAttributes.intAttr(n, "axis", 1);
        if ((axis == 1 || axis == 1 - rank(x)) && rank(x) >= 2) {
            return layer(new Flatten(), where, x.layer());
        }
        return reshapeTo(out, x, where);
    }

    private Outcome reshape(NodeProto n, List<Value> ins, String where) throws InputException, Folding.Refusal {
        Value x = activation(ins, 0, "Reshape", where);
        Value spec = required(ins, 1, where);
        if (spec.isActivation()) {
            return Outcome.missing("Reshape (shape computed by the network)");
        }
        List<Long> given = spec.tensor().longs();
        if (given == null) {
            return Outcome.missing("Reshape (shape computed from values unknown at import)");
        }
        List<Long> in = shape(x);
        List<Long> adjusted = new ArrayList<>(given);
        if (!adjusted.isEmpty() && adjusted.get(0) == modelBatch && modelBatch > 0 && batch != modelBatch
                && in.get(0) == batch) {
            adjusted.set(0, batch); // the model's fixed batch, written into the shape, follows the batch chosen at import
        }
        List<Long> target = Folding.reshapeTarget(in, adjusted, NodeAttributes.intAttr(n, "allowzero", 0) != 0);
        return reshapeTo(target, x, where);
    }

    private Outcome reshapeTo(List<Long> target, Value x, String where) throws InputException {
        for (long d : target) {
            if (d < 1) {
                throw new InputException(source, where, "cannot reshape " + shape(x) + " to " + target);
            }
        }
        if (target.isEmpty()) {
            target = List.of(1L);
        }
        return layer(new Reshape(target), where, x.layer());
    }

    /** A layer of one activation input whose output shape is the shape rules' (Squeeze, Unsqueeze, Slice, Gather, Expand, ...). */
    private Outcome copyShaped(NodeProto n, List<Value> ins, String where,
            Function<List<Long>, Layer> make) throws InputException, Folding.Refusal {
        Value x = ins.get(0);
        List<Long> out = shapesOut(n, ins).get(0);
        if (out.isEmpty()) {
            out = List.of(1L);
        }
        for (long d : out) {
            if (d < 1) {
                throw new InputException(source, where, "gives an empty tensor of shape " + out);
            }
        }
        for (int i = 1; i < ins.size(); i++) {
            if (ins.get(i) != null && ins.get(i).isActivation()) {
                return Outcome.missing(n.getOpType() + " (arguments computed by the network)");
            }
        }
        return layer(make.apply(out), where, x.layer());
    }

    /** Activations joined, with any constants (a learned class token) joined along the same axis. */
    private Outcome concat(NodeProto n, List<Value> ins, String where) throws InputException, Folding.Refusal {
        List<Long> out = shapesOut(n, ins).get(0);
        int axis = Folding.axis(n, "axis", 0, out.size());
        List<Integer> acts = new ArrayList<>();
        long constantLength = 0;
        long params = 0;
        for (Value v : ins) {
            if (v == null) {
                continue;
            }
            if (v.isActivation()) {
                acts.add(v.layer());
            } else {
                constantLength += v.tensor().dims().get(axis);
                params += v.tensor().params();
            }
        }
        if (acts.size() == 1 && constantLength == 0) {
            return Outcome.of(Value.activation(acts.get(0))); // one tensor joined to nothing is itself
        }
        return layer(new Concat(acts.size(), axis, constantLength, params), where,
                acts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Each part of a split that is used is a Copy of the input. */
    private Outcome split(NodeProto n, List<Value> ins, String where) throws InputException, Folding.Refusal {
        Value x = activation(ins, 0, "Split", where);
        List<List<Long>> parts = shapesOut(n, ins);
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String name = n.getOutput(i);
            if (name.isEmpty() || consumers.getOrDefault(name, 0) == 0) {
                out.add(null);
            } else {
                out.add(layerValue(new Copy("Split", parts.get(i)), where, x));
            }
        }
        return Outcome.of(out);
    }

    /** The parts of a split, as a sequence; the split sizes must be known at import. */
    private Outcome splitToSequence(NodeProto n, List<Value> ins, String where) throws InputException {
        Value x = required(ins, 0, where);
        Value split = ins.size() > 1 ? ins.get(1) : null;
        if (split != null && split.isActivation()) {
            return Outcome.missing("SplitToSequence (split computed by the network)");
        }
        Tensor whole = x.isActivation() ? Tensor.activationShape(shape(x)) : x.tensor();
        try {
            List<Tensor> parts = Folding.sequenceParts(n, whole, split == null ? null : split.tensor());
            return Outcome.of(Value.of(new Sequence(x, parts, where)));
        } catch (Folding.Refusal r) {
            return refused(r, where);
        }
    }

    /** One part of a sequence, at a position known at import (negative: from the end). */
    private Outcome sequenceAt(List<Value> ins, String where) throws InputException {
        Value seq = required(ins, 0, where);
        Value position = required(ins, 1, where);
        if (!seq.isSequence()) {
            return Outcome.missing("SequenceAt (of " + describe(seq) + ")");
        }
        if (position.isActivation()) {
            return Outcome.missing("SequenceAt (position computed by the network)");
        }
        Tensor p = position.tensor();
        if (p.isFloat() || p.elements() != 1) {
            throw new InputException(source, where, "position must be one whole number (was a tensor of shape "
                    + p.dims() + ")");
        }
        if (!p.hasValues()) {
            return Outcome.missing("SequenceAt (position computed from values unknown at import)");
        }
        Sequence s = seq.sequence();
        int count = s.parts().size();
        long k = Tensor.toLong(p.value(0));
        if (k < -count || k >= count) {
            throw new InputException(source, where, "position " + k + " is outside a sequence of " + count
                    + " tensors");
        }
        return Outcome.of(part(s, (int) (k < 0 ? k + count : k)));
    }

    /** Part {@code i} of a sequence: a tensor, or for an activation the copy that is that part, made once. */
    private Value part(Sequence s, int i) throws InputException {
        if (!s.whole().isActivation()) {
            return Value.of(s.parts().get(i));
        }
        Value[] made = picked.computeIfAbsent(s, k -> new Value[k.parts().size()]);
        if (made[i] == null) {
            List<Long> dims = s.parts().get(i).dims();
            made[i] = layerValue(new Copy("Split", dims.isEmpty() ? List.of(1L) : dims), s.where(), s.whole());
        }
        return made[i];
    }

    /** LSTM and GRU over the whole sequence; the final states Y_h and Y_c are copies of the layer's output. */
    private Outcome recurrent(String op, NodeProto n, List<Value> ins, String where)
            throws InputException, Folding.Refusal {
        Value x = activation(ins, 0, op, where);
        Value w = required(ins, 1, where);
        Value r = required(ins, 2, where);
        for (int i = 1; i < ins.size(); i++) {
            if (ins.get(i) != null && ins.get(i).isActivation()) {
                return Outcome.missing(op + " (" + (i >= 5 ? "initial state" : "weights") + " computed by the network)");
            }
        }
        if (ins.size() > 7 && ins.get(7) != null) {
            return Outcome.missing(op + " (peepholes)");
        }
        if (NodeAttributes.attr(n, "activations") != null) {
            return Outcome.missing(op + " (activations other than the default)");
        }
        if (NodeAttributes.intAttr(n, "input_forget", 0) != 0) {
            return Outcome.missing(op + " (input_forget)");
        }
        Recurrent.Cell cell = Recurrent.Cell.valueOf(op);
        String direction = NodeAttributes.stringAttr(n, "direction", "forward");
        int directions = direction.equals("bidirectional") ? 2 : 1;
        boolean batchFirst = NodeAttributes.intAttr(n, "layout", 0) != 0;
        List<Long> wd = w.tensor().dims();
        List<Long> rd = r.tensor().dims();
        if (rank(x) != 3 || wd.size() != 3 || rd.size() != 3 || wd.get(0) != directions || rd.get(0) != directions) {
            throw new InputException(source, where, "weights " + wd + " and " + rd + " do not fit input "
                    + shape(x) + " (" + direction + ")");
        }
        int gates = op.equals("LSTM") ? 4 : 3;
        long hidden = NodeAttributes.intAttr(n, "hidden_size", rd.get(2));
        if (hidden < 1 || wd.get(1) != gates * hidden || rd.get(1) != gates * hidden || rd.get(2) != hidden
                || !wd.get(2).equals(shape(x).get(2))) {
            throw new InputException(source, where, "weights " + wd + " and " + rd + " do not fit input "
                    + shape(x) + " and hidden_size " + hidden);
        }
        boolean bias = ins.size() > 3 && ins.get(3) != null;
        Value y = layerValue(new Recurrent(cell, wd.get(2), hidden, directions, bias, batchFirst), where, x);
        long batchSize = batchFirst ? shape(x).get(0) : shape(x).get(1);
        List<Long> state = batchFirst ? List.of(batchSize, (long) directions, hidden)
                : List.of((long) directions, batchSize, hidden);
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < n.getOutputCount(); i++) {
            String name = n.getOutput(i);
            if (i == 0 || name.isEmpty() || consumers.getOrDefault(name, 0) == 0) {
                out.add(y);
            } else {
                out.add(layerValue(new Copy(op + "State", state), where, y));
            }
        }
        return Outcome.of(out);
    }

    // ---- helpers ----

    private Outcome layer(Layer l, String where, int... inputs) throws InputException {
        return Outcome.of(Value.activation(layers.add(l, where, inputs)));
    }

    private Value layerValue(Layer l, String where, Value x) throws InputException {
        return Value.activation(layers.add(l, where, x.layer()));
    }

    private Tensor constantOf(NodeProto n, String where) throws InputException {
        for (AttributeProto a : n.getAttributeList()) {
            switch (a.getName()) {
                case "value":
                    return Tensor.of(a.getT());
                case "value_int":
                    return Tensor.literal(DataType.INT64_VALUE, List.of(), new double[] {a.getI()});
                case "value_ints":
                    return Tensor.literal(DataType.INT64_VALUE, List.of((long) a.getIntsCount()),
                            a.getIntsList().stream().mapToDouble(Long::doubleValue).toArray());
                case "value_float":
                    return Tensor.literal(DataType.FLOAT_VALUE, List.of(), new double[] {a.getF()});
                case "value_floats":
                    return Tensor.literal(DataType.FLOAT_VALUE, List.of((long) a.getFloatsCount()),
                            a.getFloatsList().stream().mapToDouble(Float::doubleValue).toArray());
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

    /** Input {@code i}, which this rule needs to be an activation. */
    private Value activation(List<Value> ins, int i, String op, String where) throws InputException, Folding.Refusal {
        Value v = required(ins, i, where);
        if (!v.isActivation()) {
            throw Folding.Refusal.noRule(op + " (of " + describe(v) + ")");
        }
        return v;
    }

    private List<Long> shape(Value v) {
        return layers.shape(v.layer());
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
        if (v.isSequence()) {
            return "a sequence";
        }
        if (v.isTensor()) {
            return "rank-" + v.tensor().rank() + (v.tensor().varying() ? " data" : " constant");
        }
        return "unknown";
    }

    private int toInt(long v, String where) throws InputException {
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new InputException(source, where, "value " + v + " is out of range");
        }
        return (int) v;
    }
}

package org.poetexplorer.io.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.poetexplorer.catalog.AvgPool2d;
import org.poetexplorer.catalog.BatchNorm2d;
import org.poetexplorer.catalog.Concat;
import org.poetexplorer.catalog.Conv2d;
import org.poetexplorer.catalog.CrossEntropyLoss;
import org.poetexplorer.catalog.Dropout;
import org.poetexplorer.catalog.Estimated;
import org.poetexplorer.catalog.Flatten;
import org.poetexplorer.catalog.GlobalAvgPool;
import org.poetexplorer.catalog.Input;
import org.poetexplorer.catalog.Layer;
import org.poetexplorer.catalog.Linear;
import org.poetexplorer.catalog.MaxPool2d;
import org.poetexplorer.catalog.Network;
import org.poetexplorer.catalog.NetworkBuilder;
import org.poetexplorer.catalog.ReLU;
import org.poetexplorer.catalog.Reshape;
import org.poetexplorer.catalog.Sigmoid;
import org.poetexplorer.catalog.SkipAdd;
import org.poetexplorer.catalog.Softmax;
import org.poetexplorer.catalog.TanH;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.onnx.proto.Onnx.AttributeProto;
import org.poetexplorer.io.onnx.proto.Onnx.NodeProto;
import org.poetexplorer.io.onnx.proto.Onnx.TensorProto;
import org.poetexplorer.io.onnx.proto.Onnx.TensorShapeProto;
import org.poetexplorer.io.onnx.proto.Onnx.ValueInfoProto;

/**
 * Turns the graph of an {@link OnnxModel} into the forward layers of a {@link Network}: one
 * layer per operator that produces an activation, shapes inferred by the layers from the graph
 * inputs and the initializers' dimensions, then a cross-entropy loss over the graph's first
 * output unless the graph ends in one. The rules are those of docs/file-formats.md, "ONNX import".
 */
final class OnnxTranslator {
    /** Operators with a cost rule (some attribute values are still refused, see {@link #translate}). */
    static final Set<String> SUPPORTED = Set.of("Gemm", "MatMul", "Conv", "BatchNormalization", "Relu", "MaxPool",
            "AveragePool", "GlobalAveragePool", "Add", "Flatten", "Reshape", "Dropout", "Sigmoid", "Tanh", "Softmax",
            "Concat", "Identity", "Constant", "SoftmaxCrossEntropyLoss");

    private static final Set<String> LOSSES = Set.of("SoftmaxCrossEntropyLoss");

    private final String source;
    private final OnnxModel model;
    private final ImportOptions options;
    private final NetworkBuilder builder;
    private final String networkName;
    private final Map<String, Value> values = new HashMap<>();
    private final Map<String, ValueInfoProto> graphInputs = new LinkedHashMap<>();
    private final Map<String, ValueInfoProto> declared = new HashMap<>();
    private final Map<String, Integer> consumers = new HashMap<>();
    /** Layers made from a MatMul, whose following bias Add is folded into them. */
    private final Set<Integer> matMulLayers = new HashSet<>();
    private final Map<String, Integer> unsupported = new LinkedHashMap<>();
    private final long modelBatch;
    private final long batch;
    private int lossLayer = -1;

    private OnnxTranslator(String source, String name, OnnxModel model, ImportOptions options) throws InputException {
        this.source = source;
        this.model = model;
        this.options = options;
        this.builder = new NetworkBuilder(name);
        this.networkName = name;
        for (ValueInfoProto v : model.valueInfo()) {
            declared.put(v.getName(), v);
        }
        for (ValueInfoProto v : model.outputs()) {
            declared.put(v.getName(), v);
            consumers.merge(v.getName(), 1, Integer::sum);
        }
        for (ValueInfoProto v : model.inputs()) {
            if (!model.initializers().containsKey(v.getName())) {
                graphInputs.put(v.getName(), v);
            }
        }
        for (NodeProto n : model.nodes()) {
            for (String in : n.getInputList()) {
                consumers.merge(in, 1, Integer::sum);
            }
        }
        this.modelBatch = modelBatch();
        this.batch = options.batch() > 0 ? options.batch() : modelBatch > 0 ? modelBatch : 1;
    }

    static Network translate(String source, String name, OnnxModel model, ImportOptions options)
            throws InputException {
        return new OnnxTranslator(source, name, model, options).run();
    }

    /** The first dimension of the first graph input, when fixed; 0 when symbolic or absent. */
    private long modelBatch() {
        for (ValueInfoProto v : graphInputs.values()) {
            TensorShapeProto shape = v.getType().getTensorType().getShape();
            if (shape.getDimCount() > 0 && shape.getDim(0).hasDimValue() && shape.getDim(0).getDimValue() > 0) {
                return shape.getDim(0).getDimValue();
            }
            return 0;
        }
        return 0;
    }

    private Network run() throws InputException {
        if (model.outputs().isEmpty()) {
            throw new InputException(source, "graph.output", "the graph has no outputs");
        }
        for (NodeProto node : topologicalOrder()) {
            node(node);
        }
        if (!unsupported.isEmpty()) {
            List<String> parts = new ArrayList<>();
            unsupported.forEach((op, count) -> parts.add(op + " x" + count));
            throw new InputException(source, "", "unsupported operators: " + String.join(", ", parts)
                    + " (import with the conservative estimate to cost them anyway)");
        }
        String outName = model.outputs().get(0).getName();
        Value out = resolve(outName, "graph.output '" + outName + "'");
        if (!out.isActivation()) {
            throw new InputException(source, "graph.output '" + outName + "'", "is a constant, not computed by the graph");
        }
        if (lossLayer >= 0) {
            if (out.layer() != lossLayer) {
                throw new InputException(source, "graph.output '" + outName + "'",
                        "the graph has a loss, which must give its first output");
            }
        } else {
            List<Long> shape = builder.shape(out.layer());
            add(new CrossEntropyLoss(shape.get(shape.size() - 1)), "loss over '" + outName + "'", out.layer());
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new InputException(source, "graph", e.getMessage(), e);
        }
    }

    /** The nodes in a dependency order, keeping the file's order where it allows (it normally is one). */
    private List<NodeProto> topologicalOrder() throws InputException {
        List<NodeProto> nodes = model.nodes();
        Map<String, Integer> producer = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (String out : nodes.get(i).getOutputList()) {
                if (out.isEmpty()) {
                    continue;
                }
                Integer before = producer.put(out, i);
                if (before != null || graphInputs.containsKey(out) || model.initializers().containsKey(out)) {
                    throw new InputException(source, label(nodes.get(i), i), "gives '" + out
                            + "', which is already defined");
                }
            }
        }
        int[] pending = new int[nodes.size()];
        List<List<Integer>> users = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            users.add(new ArrayList<>());
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (String in : new HashSet<>(nodes.get(i).getInputList())) {
                Integer p = producer.get(in);
                if (p != null) {
                    pending[i]++;
                    users.get(p).add(i);
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<NodeProto> order = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(nodes.get(i));
            for (int u : users.get(i)) {
                if (--pending[u] == 0) {
                    ready.add(u);
                }
            }
        }
        if (order.size() < nodes.size()) {
            for (int i = 0; i < nodes.size(); i++) {
                if (pending[i] > 0) {
                    throw new InputException(source, label(nodes.get(i), i), "is part of a cycle");
                }
            }
        }
        return order;
    }

    // ---- one node ----

    private void node(NodeProto n) throws InputException {
        String op = n.getOpType();
        String where = label(n, -1);
        List<Value> ins = new ArrayList<>();
        boolean unknownInput = false;
        // a loss's later inputs are labels, which are data, not activations of the network
        List<String> used = LOSSES.contains(op) && n.getInputCount() > 0 ? n.getInputList().subList(0, 1)
                : n.getInputList();
        for (String name : used) {
            Value v = name.isEmpty() ? null : resolve(name, where);
            unknownInput |= v != null && v.isUnknown();
            ins.add(v);
        }
        if (n.getOutputCount() == 0 || n.getOutput(0).isEmpty()) {
            return; // produces nothing anyone can use
        }
        String domain = n.getDomain();
        if (!domain.isEmpty() && !domain.equals("ai.onnx")) {
            unsupported(n, ins, domain + "." + op);
            return;
        }
        if (unknownInput) {
            // fed by an operator without a rule: the model is refused anyway; count this one if it has no rule either
            if (!SUPPORTED.contains(op)) {
                unsupported.merge(op, 1, Integer::sum);
            }
            setOutputs(n, Value.UNKNOWN);
            return;
        }
        Outcome o;
        try {
            o = translate(op, n, ins);
        } catch (ArithmeticException e) {
            throw new InputException(source, where, "sizes too large (" + e.getMessage() + ")", e);
        }
        if (o.missing != null) {
            unsupported(n, ins, o.missing);
        } else if (o.layer != null) {
            int layer = add(o.layer, where, o.inputs);
            if (o.layer instanceof Linear && op.equals("MatMul")) {
                matMulLayers.add(layer);
            }
            if (o.layer instanceof CrossEntropyLoss) {
                lossLayer = layer;
            }
            if (lossLayer != layer) {
                checkDeclared(n, layer, where);
            }
            setOutputs(n, Value.activation(layer));
        } else {
            setOutputs(n, o.value);
        }
    }

    /** What an operator becomes: a layer fed by activations, another name for a value, or no rule. */
    private static final class Outcome {
        Layer layer;
        int[] inputs;
        Value value;
        String missing;

        static Outcome layer(Layer layer, Value... inputs) {
            Outcome o = new Outcome();
            o.layer = layer;
            o.inputs = new int[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                o.inputs[i] = inputs[i].layer();
            }
            return o;
        }

        static Outcome value(Value v) {
            Outcome o = new Outcome();
            o.value = v;
            return o;
        }

        static Outcome missing(String what) {
            Outcome o = new Outcome();
            o.missing = what;
            return o;
        }
    }

    private Outcome translate(String op, NodeProto n, List<Value> ins) throws InputException {
        String where = label(n, -1);
        switch (op) {
            case "Identity":
                return Outcome.value(required(ins, 0, where));
            case "Constant":
                return Outcome.value(Value.constant(constantOf(n, where)));
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
        if (intAttr(n, "transA", 0) != 0) {
            return Outcome.missing("Gemm (transA)");
        }
        if (!a.isActivation() || !b.isConstant() || b.constant().dims().size() != 2) {
            return Outcome.missing("Gemm (" + describe(a) + " times " + describe(b) + ")");
        }
        List<Long> w = b.constant().dims();
        boolean transB = intAttr(n, "transB", 0) != 0;
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
        long group = intAttr(n, "group", 1);
        if (group != 1) {
            return Outcome.missing("Conv (group " + group + ")");
        }
        List<Long> dims = w.constant().dims();
        List<Long> kernel = intsAttr(n, "kernel_shape");
        if (kernel != null && !kernel.equals(dims.subList(2, 4))) {
            throw new InputException(source, where, "kernel_shape " + kernel + " does not match the weights "
                    + dims);
        }
        Window win = window("Conv", n, where);
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
        List<Long> kernel = intsAttr(n, "kernel_shape");
        if (kernel == null || kernel.size() != 2) {
            throw new InputException(source, where, "needs a kernel_shape of two values (was "
                    + (kernel == null ? "missing" : kernel) + ")");
        }
        if (intAttr(n, "ceil_mode", 0) != 0) {
            return Outcome.missing(op + " (ceil_mode)");
        }
        Window win = window(op, n, where);
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

    private Window window(String op, NodeProto n, String where) throws InputException {
        Window w = new Window();
        String autoPad = stringAttr(n, "auto_pad", "NOTSET");
        List<Long> strides = intsAttr(n, "strides");
        List<Long> pads = intsAttr(n, "pads");
        List<Long> dilations = intsAttr(n, "dilations");
        if (!autoPad.equals("NOTSET") && !autoPad.equals("VALID")) {
            w.missing = op + " (auto_pad " + autoPad + ")";
        } else if (dilations != null && dilations.stream().anyMatch(d -> d != 1)) {
            w.missing = op + " (dilations " + dilations + ")";
        } else if (strides != null && (strides.size() != 2 || !strides.get(0).equals(strides.get(1)))) {
            w.missing = op + " (strides " + strides + ")";
        } else if (pads != null && (pads.size() != 4 || !pads.get(0).equals(pads.get(2))
                || !pads.get(1).equals(pads.get(3)))) {
            w.missing = op + " (asymmetric pads " + pads + ")";
        }
        if (w.missing == null) {
            w.stride = strides == null ? 1 : toInt(strides.get(0), where);
            boolean padded = pads != null && !autoPad.equals("VALID");
            w.padH = padded ? toInt(pads.get(0), where) : 0;
            w.padW = padded ? toInt(pads.get(1), where) : 0;
        }
        return w;
    }

    private Outcome flatten(NodeProto n, List<Value> ins, String where) throws InputException {
        Value x = required(ins, 0, where);
        if (!x.isActivation()) {
            return Outcome.missing("Flatten (of a constant)");
        }
        List<Long> s = shape(x);
        long axis = intAttr(n, "axis", 1);
        if (axis < 0) {
            axis += s.size();
        }
        if (axis < 0 || axis > s.size()) {
            throw new InputException(source, where, "axis " + intAttr(n, "axis", 1) + " is outside shape " + s);
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
        boolean allowZero = intAttr(n, "allowzero", 0) != 0;
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
        long axis = intAttr(n, "axis", Long.MIN_VALUE);
        if (axis == Long.MIN_VALUE) {
            throw new InputException(source, where, "needs an axis attribute");
        }
        int r = rank(parts.get(0));
        if (axis < 0) {
            axis += r;
        }
        if (axis < 0 || axis >= r) {
            throw new InputException(source, where, "axis " + intAttr(n, "axis", 0) + " is outside shape "
                    + shape(parts.get(0)));
        }
        return Outcome.layer(new Concat(parts.size(), (int) axis), parts.toArray(new Value[0]));
    }

    // ---- operators without a rule ----

    private void unsupported(NodeProto n, List<Value> ins, String what) throws InputException {
        if (options.unsupported() == ImportOptions.Unsupported.FAIL) {
            unsupported.merge(what, 1, Integer::sum);
            setOutputs(n, Value.UNKNOWN);
            return;
        }
        String where = label(n, -1);
        String out = n.getOutput(0);
        List<Long> shape = declaredShape(out);
        if (shape == null) {
            throw new InputException(source, where, "has no cost rule, and the model gives no fixed shape for its output '"
                    + out + "' to estimate it from (run ONNX shape inference on the model first)");
        }
        List<Integer> acts = new ArrayList<>();
        long params = 0;
        for (Value v : ins) {
            if (v == null) {
                continue;
            }
            if (v.isActivation()) {
                acts.add(v.layer());
            } else if (v.isConstant()) {
                params = Math.addExact(params, v.constant().elements());
            }
        }
        int[] inputs = acts.stream().mapToInt(Integer::intValue).toArray();
        int layer = add(new Estimated(n.getOpType(), inputs.length, shape, params), where, inputs);
        setOutputs(n, Value.activation(layer));
    }

    // ---- helpers ----

    private int add(Layer layer, String where, int... inputs) throws InputException {
        try {
            return builder.add(layer, inputs);
        } catch (IllegalArgumentException | ArithmeticException e) {
            // the builder's message starts "<network>: layer<i>_<Type> "; the node label says where instead
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            String prefix = networkName + ": layer";
            if (reason.startsWith(prefix) && reason.indexOf(' ', prefix.length()) > 0) {
                reason = reason.substring(reason.indexOf(' ', prefix.length()) + 1);
            }
            throw new InputException(source, where, reason, e);
        }
    }

    /** The value a name stands for: an earlier output, a graph input (its Input layer made on first use) or an initializer. */
    private Value resolve(String name, String where) throws InputException {
        Value v = values.get(name);
        if (v != null) {
            return v;
        }
        TensorInfo init = model.initializers().get(name);
        if (init != null) {
            return Value.constant(init);
        }
        ValueInfoProto input = graphInputs.get(name);
        if (input != null) {
            Value in = Value.activation(add(new Input(inputShape(input)), "graph.input '" + name + "'"));
            values.put(name, in);
            return in;
        }
        throw new InputException(source, where, "uses '" + name
                + "', which no earlier node, graph input or initializer gives");
    }

    private List<Long> inputShape(ValueInfoProto input) throws InputException {
        String where = "graph.input '" + input.getName() + "'";
        if (!input.getType().hasTensorType() || !input.getType().getTensorType().hasShape()) {
            throw new InputException(source, where, "has no tensor shape");
        }
        List<TensorShapeProto.Dimension> dims = input.getType().getTensorType().getShape().getDimList();
        if (dims.isEmpty()) {
            throw new InputException(source, where, "is a scalar; inputs need a batch dimension");
        }
        List<Long> shape = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            TensorShapeProto.Dimension d = dims.get(i);
            if (i == 0) {
                shape.add(batch);
            } else if (d.hasDimValue() && d.getDimValue() > 0) {
                shape.add(d.getDimValue());
            } else {
                throw new InputException(source, where, "dimension " + i + " is "
                        + (d.hasDimParam() ? "symbolic ('" + d.getDimParam() + "')" : "not fixed")
                        + "; only the batch dimension may be");
            }
        }
        return shape;
    }

    /** The shape the model declares for a value, with the batch chosen at import; null when not fully known. */
    private List<Long> declaredShape(String name) {
        ValueInfoProto v = declared.get(name);
        if (v == null || !v.getType().hasTensorType() || !v.getType().getTensorType().hasShape()) {
            return null;
        }
        List<TensorShapeProto.Dimension> dims = v.getType().getTensorType().getShape().getDimList();
        if (dims.isEmpty()) {
            return null;
        }
        List<Long> shape = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            TensorShapeProto.Dimension d = dims.get(i);
            if (d.hasDimValue() && d.getDimValue() > 0) {
                shape.add(i == 0 && d.getDimValue() == modelBatch && modelBatch > 0 ? batch : d.getDimValue());
            } else if (i == 0) {
                shape.add(batch);
            } else {
                return null;
            }
        }
        return shape;
    }

    /** When the model declares the output's shape (for the model's own batch), its size must match the rule's. */
    private void checkDeclared(NodeProto n, int layer, String where) throws InputException {
        if (options.batch() != 0 && options.batch() != modelBatch) {
            return; // a declared shape may hold the model's own batch in any dimension
        }
        List<Long> want = declaredShape(n.getOutput(0));
        List<Long> got = builder.shape(layer);
        if (want != null && product(want) != product(got)) {
            throw new InputException(source, where, "the model declares shape " + want + " for '" + n.getOutput(0)
                    + "' but the operator gives " + got);
        }
    }

    private void setOutputs(NodeProto n, Value v) {
        // secondary outputs (MaxPool indices, Dropout mask, BatchNormalization statistics) stand for the main one
        for (String out : n.getOutputList()) {
            if (!out.isEmpty()) {
                values.put(out, v);
            }
        }
    }

    private TensorInfo constantOf(NodeProto n, String where) throws InputException {
        for (AttributeProto a : n.getAttributeList()) {
            switch (a.getName()) {
                case "value": {
                    TensorProto t = a.getT();
                    List<Long> vals = null;
                    if (t.getDataType() == TensorProto.DataType.INT64_VALUE) {
                        if (t.getInt64DataCount() > 0 && t.getInt64DataCount() <= TensorInfo.MAX_KEPT_VALUES) {
                            vals = t.getInt64DataList();
                        } else if (t.getRawData().size() % 8 == 0
                                && t.getRawData().size() <= 8 * TensorInfo.MAX_KEPT_VALUES) {
                            vals = new ArrayList<>();
                            java.nio.ByteBuffer b = t.getRawData().asReadOnlyByteBuffer()
                                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
                            while (b.hasRemaining()) {
                                vals.add(b.getLong());
                            }
                        }
                    }
                    return new TensorInfo(n.getOutput(0), t.getDataType(), t.getDimsList(), vals);
                }
                case "value_int":
                    return new TensorInfo(n.getOutput(0), TensorProto.DataType.INT64_VALUE, List.of(),
                            List.of(a.getI()));
                case "value_ints":
                    return new TensorInfo(n.getOutput(0), TensorProto.DataType.INT64_VALUE,
                            List.of((long) a.getIntsCount()), a.getIntsList());
                case "value_float":
                    return new TensorInfo(n.getOutput(0), TensorProto.DataType.FLOAT_VALUE, List.of(), null);
                case "value_floats":
                    return new TensorInfo(n.getOutput(0), TensorProto.DataType.FLOAT_VALUE,
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
        return builder.shape(v.layer());
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

    private static long product(List<Long> dims) {
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

    private static AttributeProto attr(NodeProto n, String name) {
        for (AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    private static long intAttr(NodeProto n, String name, long dflt) {
        AttributeProto a = attr(n, name);
        return a == null ? dflt : a.getI();
    }

    private static List<Long> intsAttr(NodeProto n, String name) {
        AttributeProto a = attr(n, name);
        return a == null ? null : a.getIntsList();
    }

    private static String stringAttr(NodeProto n, String name, String dflt) {
        AttributeProto a = attr(n, name);
        return a == null ? dflt : a.getS().toStringUtf8();
    }

    private static String label(NodeProto n, int index) {
        String op = n.getOpType().isEmpty() ? "?" : n.getOpType();
        if (!n.getName().isEmpty()) {
            return "node '" + n.getName() + "' (" + op + ")";
        }
        String out = n.getOutputCount() > 0 ? n.getOutput(0) : "";
        return index >= 0 && out.isEmpty() ? "node " + index + " (" + op + ")" : "node giving '" + out + "' (" + op + ")";
    }
}

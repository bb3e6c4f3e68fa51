package org.poetexplorer.io.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.poetexplorer.catalog.CrossEntropyLoss;
import org.poetexplorer.catalog.Estimated;
import org.poetexplorer.catalog.Input;
import org.poetexplorer.catalog.Layer;
import org.poetexplorer.catalog.Linear;
import org.poetexplorer.catalog.Network;
import org.poetexplorer.catalog.NetworkBuilder;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.onnx.proto.Onnx.NodeProto;
import org.poetexplorer.io.onnx.proto.Onnx.TensorShapeProto;
import org.poetexplorer.io.onnx.proto.Onnx.ValueInfoProto;

/**
 * Turns the graph of an {@link OnnxModel} into the forward layers of a {@link Network}: one
 * layer per operator that produces an activation, shapes inferred by the layers from the graph
 * inputs and the initializers' dimensions, then a cross-entropy loss over the graph's first
 * output unless the graph ends in one. The rules are those of docs/file-formats.md, "ONNX import".
 */
final class OnnxTranslator {
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
    private final OperatorRules rules;
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
        this.rules = new OperatorRules(source, builder::shape, modelBatch, batch, consumers, matMulLayers);
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
        Set<String> defined = new HashSet<>(graphInputs.keySet());
        defined.addAll(model.initializers().keySet());
        for (NodeProto node : NodeOrder.sort(model.nodes(), defined, source)) {
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

    // ---- one node ----

    private void node(NodeProto n) throws InputException {
        String op = n.getOpType();
        String where = NodeAttributes.label(n, -1);
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
        if (mainOutput(n) == null) {
            return; // produces nothing anyone can use
        }
        String domain = n.getDomain();
        if (!domain.isEmpty() && !domain.equals("ai.onnx")) {
            unsupported(n, ins, domain + "." + op);
            return;
        }
        if (unknownInput) {
            // fed by an operator without a rule: the model is refused anyway; count this one if it has no rule either
            if (!OperatorRules.SUPPORTED.contains(op)) {
                unsupported.merge(op, 1, Integer::sum);
            }
            setOutputs(n, Value.UNKNOWN);
            return;
        }
        Outcome o;
        try {
            o = rules.translate(op, n, ins);
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

    // ---- operators without a rule ----

    private void unsupported(NodeProto n, List<Value> ins, String what) throws InputException {
        if (options.unsupported() == ImportOptions.Unsupported.FAIL) {
            unsupported.merge(what, 1, Integer::sum);
            setOutputs(n, Value.UNKNOWN);
            return;
        }
        String where = NodeAttributes.label(n, -1);
        String out = mainOutput(n);
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
        String out = mainOutput(n);
        List<Long> want = declaredShape(out);
        List<Long> got = builder.shape(layer);
        if (want != null && OperatorRules.product(want) != OperatorRules.product(got)) {
            throw new InputException(source, where, "the model declares shape " + want + " for '" + out
                    + "' but the operator gives " + got);
        }
    }

    /** The node's first named output (optional outputs may be left unnamed), null when it names none. */
    private static String mainOutput(NodeProto n) {
        for (String out : n.getOutputList()) {
            if (!out.isEmpty()) {
                return out;
            }
        }
        return null;
    }

    private void setOutputs(NodeProto n, Value v) {
        // secondary outputs (MaxPool indices, Dropout mask, BatchNormalization statistics) stand for the main one
        for (String out : n.getOutputList()) {
            if (!out.isEmpty()) {
                values.put(out, v);
            }
        }
    }
}

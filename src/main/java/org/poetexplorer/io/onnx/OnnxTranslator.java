package org.poetexplorer.io.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.poetexplorer.catalog.CrossEntropyLoss;
import org.poetexplorer.catalog.Estimated;
import org.poetexplorer.catalog.Input;
import org.poetexplorer.catalog.Layer;
import org.poetexplorer.catalog.Network;
import org.poetexplorer.catalog.NetworkBuilder;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.onnx.proto.Onnx.NodeProto;
import org.poetexplorer.io.onnx.proto.Onnx.StringStringEntryProto;
import org.poetexplorer.io.onnx.proto.Onnx.TensorShapeProto;
import org.poetexplorer.io.onnx.proto.Onnx.ValueInfoProto;

/**
 * Turns the graph of an {@link OnnxModel} into the forward layers of a {@link Network}: one
 * layer per operator on activations, shapes inferred by the layers from the graph inputs and
 * the initializers' dimensions, constants and untrained data evaluated at import, then a
 * cross-entropy loss over the graph's first output unless the graph ends in one. The rules are
 * those of docs/file-formats.md, "ONNX import".
 */
final class OnnxTranslator implements OperatorRules.Layers {
    private static final Set<String> LOSSES = Set.of("SoftmaxCrossEntropyLoss");
    /** Node metadata where the dynamo exporter's optimiser names the rewrites it made. */
    private static final String REWRITE_RULE = "pkg.onnxscript.rewriter.rule_name";

    /** The network and what the user should know about it. */
    record Result(Network network, List<String> warnings) {
    }

    private final String source;
    private final OnnxModel model;
    private final ImportOptions options;
    private final NetworkBuilder builder;
    private final String networkName;
    private final Map<String, Value> values = new HashMap<>();
    private final Map<String, ValueInfoProto> graphInputs = new LinkedHashMap<>();
    private final Map<String, ValueInfoProto> declared = new HashMap<>();
    private final Map<String, Integer> consumers = new HashMap<>();
    private final Map<String, Integer> unsupported = new LinkedHashMap<>();
    /** Nodes after an operator without a rule, which could not be checked. */
    private int unchecked;
    private final Map<Tensor, Integer> dataInputs = new IdentityHashMap<>();
    private final Map<Tensor, String> dataNames = new IdentityHashMap<>();
    private final long modelBatch;
    private final long batch;
    private final OperatorRules rules;
    private int layerCount;
    private int lossLayer = -1;

    private OnnxTranslator(String source, String name, OnnxModel model, ImportOptions options) {
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
        this.rules = new OperatorRules(source, this, modelBatch, batch, consumers, new HashSet<>());
    }

    static Result translate(String source, String name, OnnxModel model, ImportOptions options)
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

    private Result run() throws InputException {
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
                    + (unchecked == 0 ? "" : "; " + unchecked + " node" + (unchecked == 1 ? "" : "s")
                            + " after them could not be checked")
                    + " (import with the conservative estimate to cost them anyway)");
        }
        String outName = model.outputs().get(0).getName();
        Value out = resolve(outName, "graph.output '" + outName + "'");
        if (!out.isActivation()) {
            throw new InputException(source, "graph.output '" + outName + "'",
                    "is " + (out.isSequence() ? "a sequence of tensors" : out.isConstant() ? "a constant" : "untrained data")
                            + ", not computed by the network's layers");
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
        Network network;
        try {
            network = builder.build();
        } catch (IllegalArgumentException e) {
            throw new InputException(source, "graph", e.getMessage(), e);
        }
        return new Result(network, warnings());
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
            } else {
                unchecked++;
            }
            setOutputs(n, Value.UNKNOWN);
            return;
        }
        int before = layerCount;
        Outcome o;
        try {
            o = rules.translate(n, ins);
        } catch (ArithmeticException e) {
            throw new InputException(source, where, "sizes too large (" + e.getMessage() + ")", e);
        } catch (InputException e) {
            if (unsupported.isEmpty() && batch != modelBatch && modelBatch > 0) {
                // exporters write the batch they traced into shape constants anywhere in the graph
                throw withReason(e, " (the model was exported for batch " + modelBatch
                        + ", which its shapes may hold; export it with the batch to cost)");
            }
            if (unsupported.isEmpty()) {
                throw e;
            }
            unchecked++; // it may read the placeholder of an operator without a rule: that refusal says more
            setOutputs(n, Value.UNKNOWN);
            return;
        }
        if (o.missing != null) {
            unsupported(n, ins, o.missing);
            return;
        }
        for (int i = 0; i < n.getOutputCount(); i++) {
            Value v = i < o.outputs.size() ? o.outputs.get(i) : null;
            String out = n.getOutput(i);
            if (v == null || out.isEmpty()) {
                continue;
            }
            values.put(out, v);
            if (v.isActivation() && v.layer() >= before && o.outputs.indexOf(v) == i) {
                checkDeclared(out, v.layer(), where); // secondary outputs standing for the main one are not checked
            }
        }
        for (int layer = before; layer < layerCount; layer++) {
            if (isLoss(layer)) {
                lossLayer = layer;
            }
        }
    }

    /** The same refusal with more said after its reason. */
    private static InputException withReason(InputException e, String more) {
        String src = e.source() == null ? "" : e.source();
        String field = e.field() == null ? "" : e.field();
        String prefix = (src.isEmpty() ? "" : src + ": ") + (field.isEmpty() ? "" : field + ": ");
        return new InputException(src, field, e.getMessage().substring(prefix.length()) + more, e);
    }

    private boolean isLoss(int layer) {
        return builder.layer(layer) instanceof CrossEntropyLoss;
    }

    // ---- operators without a rule ----

    private void unsupported(NodeProto n, List<Value> ins, String what) throws InputException {
        String where = NodeAttributes.label(n, -1);
        String out = mainOutput(n);
        List<Long> shape = declaredShape(out);
        if (options.unsupported() == ImportOptions.Unsupported.FAIL) {
            unsupported.merge(what, 1, Integer::sum);
            // where the model declares the shape, a placeholder lets the nodes after it be checked too
            setOutputs(n, shape == null ? Value.UNKNOWN : Value.activation(estimate(n, ins, shape, where)));
            return;
        }
        if (shape == null) {
            throw new InputException(source, where, "has no cost rule, and the model gives no fixed shape for its output '"
                    + out + "' to estimate it from (run ONNX shape inference on the model first)");
        }
        setOutputs(n, Value.activation(estimate(n, ins, shape, where)));
    }

    private int estimate(NodeProto n, List<Value> ins, List<Long> shape, String where) throws InputException {
        List<Integer> acts = new ArrayList<>();
        long params = 0;
        for (Value v : ins) {
            if (v == null) {
                continue;
            }
            if (v.isActivation()) {
                acts.add(v.layer());
            } else if (v.isSequence() && v.sequence().whole().isActivation()) {
                acts.add(v.sequence().whole().layer()); // it reads the parts of that activation
            } else if (v.isTensor()) {
                params = Math.addExact(params, v.tensor().isFloat() && !v.tensor().varying() ? v.tensor().elements() : 0);
            }
        }
        int[] inputs = acts.stream().mapToInt(Integer::intValue).toArray();
        return add(new Estimated(n.getOpType(), inputs.length, shape, params), where, inputs);
    }

    // ---- what the user should know ----

    /**
     * An export for inference folds each BatchNormalization that follows a Conv into it: the
     * training graph then lacks those layers. The dynamo exporter marks the Convs it rewrote;
     * the classic one names their folded weights "onnx::Conv_...".
     */
    private List<String> warnings() {
        int convs = 0;
        int folded = 0;
        for (NodeProto n : model.nodes()) {
            if (!n.getOpType().equals("Conv")) {
                continue;
            }
            convs++;
            boolean marked = false;
            for (StringStringEntryProto p : n.getMetadataPropsList()) {
                marked |= p.getKey().equals(REWRITE_RULE) && p.getValue().contains("FuseBatchNormIntoConv");
            }
            String weight = n.getInputCount() > 1 ? n.getInput(1) : "";
            marked |= weight.startsWith("onnx::Conv_") && model.initializers().containsKey(weight);
            folded += marked ? 1 : 0;
        }
        if (folded == 0) {
            return List.of();
        }
        return List.of(folded + " of " + convs + " convolutions have a BatchNormalization folded into them (the model"
                + " was exported for inference), so the training graph has no BatchNorm layers there and understates"
                + " training; export in training mode to keep them: torch.onnx.export(..., dynamo=False,"
                + " training=torch.onnx.TrainingMode.TRAINING, do_constant_folding=False), or with dynamo=True"
                + " call model.train() and pass optimize=False");
    }

    // ---- layers ----

    @Override
    public int add(Layer layer, String where, int... inputs) throws InputException {
        try {
            int index = builder.add(layer, inputs);
            layerCount = index + 1;
            return index;
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

    @Override
    public List<Long> shape(int layer) {
        return builder.shape(layer);
    }

    @Override
    public int input(Tensor data, String where) throws InputException {
        Integer layer = dataInputs.get(data);
        if (layer == null) {
            String name = dataNames.get(data);
            layer = add(new Input(data.dims()), name != null ? "graph.input '" + name + "'" : where);
            dataInputs.put(data, layer);
        }
        return layer;
    }

    /**
     * The value a name stands for: an earlier output, a graph input or an initializer. A
     * floating-point graph input is an activation (its Input layer made on first use); any
     * other (token ids, an attention mask) is untrained data.
     */
    private Value resolve(String name, String where) throws InputException {
        Value v = values.get(name);
        if (v != null) {
            return v;
        }
        Tensor init = model.initializers().get(name);
        if (init != null) {
            return Value.of(init);
        }
        ValueInfoProto input = graphInputs.get(name);
        if (input != null) {
            int type = input.getType().getTensorType().getElemType();
            Value in;
            if (type == 0 || Tensor.isFloat(type)) {
                in = Value.activation(add(new Input(inputShape(input)), "graph.input '" + name + "'"));
            } else {
                Tensor data = Tensor.data(type, inputShape(input));
                dataNames.put(data, name);
                in = Value.of(data);
            }
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

    /** When the model declares an output's shape (for the model's own batch), its size must match the rule's. */
    private void checkDeclared(String out, int layer, String where) throws InputException {
        if (layer == lossLayer || isLoss(layer)) {
            return;
        }
        if (options.batch() != 0 && options.batch() != modelBatch) {
            return; // a declared shape may hold the model's own batch in any dimension
        }
        List<Long> want = declaredShape(out);
        List<Long> got = builder.shape(layer);
        if (want != null && Tensor.elements(want) != Tensor.elements(got)) {
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

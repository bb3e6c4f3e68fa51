package org.poetexplorer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.io.onnx.ImportOptions;
import org.poetexplorer.io.onnx.OnnxImport;
import org.poetexplorer.model.CostModel;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.GraphNode;
import org.poetexplorer.model.NodeCosts;
import org.poetexplorer.model.TrainingGraph;

/**
 * Network files (JSON): the nodes of a training graph with type, output shape, FLOPs,
 * parameters and dependencies, in topological order. The reference graphs the project carries
 * (org/poetexplorer/reference/graphs) are in this format and load as they are.
 *
 * <p>Costs: a node gives all five (runtime_s, ram_bytes, compute_j, pagein_j, pageout_j) or
 * none. Without a device every node must give them and they are used as given; with a device
 * the costs are computed for that device from each node's FLOPs and shape (costs in the file
 * are still checked). Paging durations (pagein_s, pageout_s, seconds per transfer) are optional;
 * without them a file whose platform is a built-in device takes that device's. {@link #write}
 * always writes the costs and durations, so a written file stands alone.
 */
public final class NetworkFiles {
    public static final String FORMAT = "poet-network/1";
    private static final String[] COST_FIELDS = {"runtime_s", "ram_bytes", "compute_j", "pagein_j", "pageout_j"};

    private NetworkFiles() {
    }

    /**
     * Reads a network file: our JSON format, or an ONNX model when the name ends in .onnx
     * (imported with {@link ImportOptions#DEFAULT}). {@code device} may be null when every node
     * of a JSON file carries its costs; an ONNX model needs one.
     *
     * @throws InputException naming the file, the field and the value when the file is unusable
     */
    public static TrainingGraph read(Path file, Device device) throws InputException {
        return read(file, device, ImportOptions.DEFAULT);
    }

    /** As {@link #read(Path, Device)}, with the choices for an ONNX import (ignored for JSON files). */
    public static TrainingGraph read(Path file, Device device, ImportOptions onnx) throws InputException {
        return load(file, device, onnx).graph();
    }

    /** As {@link #read(Path, Device, ImportOptions)}, with the warnings of an ONNX import (none for JSON files). */
    public static LoadedNetwork load(Path file, Device device, ImportOptions onnx) throws InputException {
        if (OnnxImport.isOnnx(file)) {
            OnnxImport.Imported imported = OnnxImport.load(file, device, onnx);
            List<String> warnings = new ArrayList<>();
            for (String w : imported.warnings()) {
                warnings.add(file + ": " + w);
            }
            return new LoadedNetwork(imported.graph(), warnings);
        }
        return new LoadedNetwork(parse(Json.readText(file), file.toString(), device, onnx.timeUnitS()), List.of());
    }

    /** As {@link #parse(String, String, Device, double)}, a node-link graph's runtime unit lasting a millisecond. */
    public static TrainingGraph parse(String json, String source, Device device) throws InputException {
        return parse(json, source, device, ImportOptions.DEFAULT_TIME_UNIT_S);
    }

    /**
     * A network file's text: our format, or a node-link graph ({@link NodeLinkFiles}, told apart
     * by its content), whose runtime units last {@code timeUnitS} seconds each.
     */
    public static TrainingGraph parse(String json, String source, Device device, double timeUnitS)
            throws InputException {
        JsonNode root = Json.parseObject(json, source, "a \"nodes\" array");
        if (NodeLinkFiles.isNodeLink(root)) {
            return NodeLinkFiles.graph(root, source, device, timeUnitS);
        }
        JsonFields f = new JsonFields(source);
        f.format(root, FORMAT, false);
        String name = root.hasNonNull("model") ? f.string(root, "", "model")
                : root.hasNonNull("name") ? f.string(root, "", "name") : fileStem(source);
        String platform = root.hasNonNull("platform") ? f.string(root, "", "platform") : null;
        JsonNode nodesJson = f.array(root, "", "nodes");
        if (root.hasNonNull("node_count")) {
            long count = f.wholeNonNegative(root, "", "node_count");
            if (count != nodesJson.size()) {
                throw f.error("node_count", "says " + count + " nodes but \"nodes\" has " + nodesJson.size());
            }
        }
        List<GraphNode> nodes = new ArrayList<>();
        double paramCount = 0;
        for (int i = 0; i < nodesJson.size(); i++) {
            GraphNode node = node(f, nodesJson.get(i), i, device);
            paramCount += node.paramCount();
            nodes.add(node);
        }
        long paramBytes;
        if (root.hasNonNull("param_bytes")) {
            paramBytes = f.wholeNonNegative(root, "", "param_bytes");
        } else {
            paramBytes = Math.round(paramCount * (device == null ? 4 : device.bytesPerElement()));
        }
        String deviceId = device != null ? device.id() : platform;
        if (device == null && platform != null && DeviceFiles.builtInIds().contains(platform)) {
            nodes = withPagingTimes(nodes, DeviceFiles.builtIn(platform));
        }
        try {
            return new TrainingGraph(name, deviceId, nodes, paramBytes);
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            int colon = msg.indexOf(": ");
            throw colon > 0 ? new InputException(source, msg.substring(0, colon), msg.substring(colon + 2))
                    : new InputException(source, "nodes", msg);
        }
    }

    private static GraphNode node(JsonFields f, JsonNode n, int i, Device device) throws InputException {
        String p = "nodes[" + i + "]";
        f.object(n, p);
        if (n.hasNonNull("index")) {
            double idx = f.number(n, p, "index");
            if (idx != i) {
                throw f.error(p + ".index", "expected " + i + " (was " + n.get("index") + ")");
            }
        }
        String type = f.string(n, p, "type");
        if (type.isBlank()) {
            throw f.error(p + ".type", "must not be empty");
        }
        String nodeName = n.hasNonNull("name") ? f.string(n, p, "name") : "layer" + i + "_" + type;
        if (nodeName.isBlank()) {
            throw f.error(p + ".name", "must not be empty");
        }
        boolean backward = f.bool(n, p, "backward", false);
        List<Long> shape = f.positiveLongs(n, p, "out_shape");
        double flop = f.nonNegative(n, p, "flop");
        double params = n.hasNonNull("param_count") ? f.nonNegative(n, p, "param_count") : 0;
        List<Integer> deps = f.indices(n, p, "deps");
        NodeCosts given = givenCosts(f, n, p);
        NodeCosts costs;
        if (device != null) {
            costs = costsFor(f, p, flop, shape, device);
        } else if (given != null) {
            costs = withGivenPagingTimes(f, n, p, given);
        } else {
            throw f.error(p, "has no costs (" + String.join(", ", COST_FIELDS)
                    + "): give them in the file or choose a device to compute them");
        }
        return new GraphNode(i, nodeName, type, backward, shape, flop, params, deps, costs);
    }

    /**
     * Costs given in the file for a known built-in platform: add that device's paging durations
     * where the file did not give them.
     */
    private static List<GraphNode> withPagingTimes(List<GraphNode> nodes, Device platform) {
        List<GraphNode> out = new ArrayList<>(nodes.size());
        for (GraphNode n : nodes) {
            NodeCosts c = n.costs().pagingTimed() ? n.costs() : CostModel.withPagingTimes(n.costs(), platform);
            out.add(new GraphNode(n.index(), n.name(), n.type(), n.backward(), n.outShape(), n.flop(),
                    n.paramCount(), n.deps(), c));
        }
        return out;
    }

    /** The node's five costs, null when it gives none; a node that gives only some is refused. */

    /** Paging durations (pagein_s, pageout_s) a file may give beside the costs: both or neither. */
    private static NodeCosts withGivenPagingTimes(JsonFields f, JsonNode n, String p, NodeCosts given)
            throws InputException {
        boolean in = n.hasNonNull("pagein_s");
        boolean out = n.hasNonNull("pageout_s");
        if (!in && !out) {
            return given;
        }
        if (in != out) {
            throw f.error(p + "." + (in ? "pageout_s" : "pagein_s"), "missing (give both paging durations or neither)");
        }
        return given.withPagingTimes(f.nonNegative(n, p, "pagein_s"), f.nonNegative(n, p, "pageout_s"));
    }

    private static NodeCosts givenCosts(JsonFields f, JsonNode n, String p) throws InputException {
        List<String> missing = new ArrayList<>();
        for (String c : COST_FIELDS) {
            if (!n.hasNonNull(c)) {
                missing.add(c);
            }
        }
        if (missing.size() == COST_FIELDS.length) {
            return null;
        }
        if (!missing.isEmpty()) {
            throw f.error(p + "." + missing.get(0), "missing (a node gives all five costs or none; it lacks "
                    + String.join(", ", missing) + ")");
        }
        return new NodeCosts(f.nonNegative(n, p, "runtime_s"), f.wholeNonNegative(n, p, "ram_bytes"),
                f.nonNegative(n, p, "compute_j"), f.nonNegative(n, p, "pagein_j"), f.nonNegative(n, p, "pageout_j"));
    }

    private static NodeCosts costsFor(JsonFields f, String path, double flop, List<Long> shape, Device device)
            throws InputException {
        try {
            return CostModel.costs(flop, shape, device);
        } catch (ArithmeticException e) {
            throw f.error(path + ".out_shape", "too large (" + shape + ")");
        }
    }

    /** Writes a graph with its costs, atomically (temporary file in the same folder, then a move). */
    public static void write(TrainingGraph graph, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(graph));
    }

    public static String toJson(TrainingGraph g) {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("model", g.name());
        if (g.deviceId() != null) {
            root.put("platform", g.deviceId());
        }
        root.put("node_count", g.size());
        root.put("edge_count", g.edgeCount());
        root.put("param_bytes", g.paramBytes());
        root.put("total_runtime_s", g.plainRuntimeS());
        ArrayNode nodes = root.putArray("nodes");
        for (GraphNode n : g.nodes()) {
            ObjectNode o = nodes.addObject();
            o.put("index", n.index());
            o.put("name", n.name());
            o.put("type", n.type());
            o.put("backward", n.backward());
            ArrayNode shape = o.putArray("out_shape");
            n.outShape().forEach(shape::add);
            o.put("flop", n.flop());
            o.put("param_count", n.paramCount());
            o.put("runtime_s", n.runtimeS());
            o.put("ram_bytes", n.ramBytes());
            o.put("compute_j", n.computeJ());
            o.put("pagein_j", n.pageInJ());
            o.put("pageout_j", n.pageOutJ());
            if (n.costs().pagingTimed()) {
                o.put("pagein_s", n.costs().pageInS());
                o.put("pageout_s", n.costs().pageOutS());
            }
            ArrayNode deps = o.putArray("deps");
            n.deps().forEach(deps::add);
        }
        return Json.write(root);
    }

    /** The network's name in a file of the reference's naming, NAME__DEVICE.json; else the file's name. */
    private static String fileStem(String source) {
        String s = Sources.stem(source);
        int sep = s.indexOf("__");
        return sep > 0 ? s.substring(0, sep) : s;
    }
}

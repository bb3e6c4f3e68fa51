package org.poetexplorer.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.model.CostModel;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.GraphNode;
import org.poetexplorer.model.NodeCosts;
import org.poetexplorer.model.TrainingGraph;

/**
 * Network files (JSON): a list of nodes with type, output shape, FLOPs, parameters and
 * dependencies, in topological order. The reference graphs of ../shared/reference/graphs load
 * as they are: where a node carries all five costs (runtime_s, ram_bytes, compute_j,
 * pagein_j, pageout_j) they are used as given; otherwise they are computed for the device.
 */
public final class NetworkFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] COST_FIELDS = {"runtime_s", "ram_bytes", "compute_j", "pagein_j", "pageout_j"};

    private NetworkFiles() {
    }

    /**
     * Reads a network file. {@code device} may be null when every node carries its costs.
     *
     * @throws InputException naming the file, the field and the value when the file is unusable
     */
    public static TrainingGraph read(Path file, Device device) throws InputException {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InputException(source, "", "no such file");
        } catch (IOException e) {
            throw new InputException(source, "", "cannot be read (" + e.getMessage() + ")", e);
        }
        return parse(text, source, device);
    }

    public static TrainingGraph parse(String json, String source, Device device) throws InputException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InputException(source, "", "not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(source, "", "must be a JSON object with a \"nodes\" array");
        }
        JsonFields f = new JsonFields(source);
        String name = f.optString(root, "model", f.optString(root, "name", fileStem(source)));
        JsonNode nodesJson = f.array(root, "", "nodes");
        List<GraphNode> nodes = new ArrayList<>();
        boolean allCosted = true;
        for (int i = 0; i < nodesJson.size(); i++) {
            JsonNode n = nodesJson.get(i);
            String p = "nodes[" + i + "]";
            if (!n.isObject()) {
                throw f.error(p, "must be an object (was " + JsonFields.shortText(n) + ")");
            }
            int index = i;
            if (n.has("index")) {
                double idx = f.number(n, p, "index");
                if (idx != i) {
                    throw f.error(p + ".index", "expected " + i + " (was " + n.get("index") + ")");
                }
            }
            String nodeName = n.has("name") ? f.string(n, p, "name") : "layer" + i + "_" + f.string(n, p, "type");
            if (nodeName.isBlank()) {
                throw f.error(p + ".name", "must not be empty");
            }
            String type = f.string(n, p, "type");
            boolean backward = f.bool(n, p, "backward", false);
            List<Long> shape = f.positiveLongs(n, p, "out_shape");
            double flop = f.nonNegative(n, p, "flop");
            double params = n.has("param_count") ? f.nonNegative(n, p, "param_count") : 0;
            List<Integer> deps = f.indices(n, p, "deps");
            int given = 0;
            for (String c : COST_FIELDS) {
                if (n.has(c) && !n.get(c).isNull()) {
                    given++;
                }
            }
            NodeCosts costs;
            if (given == COST_FIELDS.length) {
                long ram = f.wholeNonNegative(n, p, "ram_bytes");
                costs = new NodeCosts(f.nonNegative(n, p, "runtime_s"), ram, f.nonNegative(n, p, "compute_j"),
                        f.nonNegative(n, p, "pagein_j"), f.nonNegative(n, p, "pageout_j"));
                if (device != null) {
                    costs = CostModel.withPagingTimes(costs, device);
                }
            } else if (given > 0 && device == null) {
                for (String c : COST_FIELDS) {
                    if (!n.has(c) || n.get(c).isNull()) {
                        throw f.error(p + "." + c, "missing (a node gives all five costs or none)");
                    }
                }
                throw new IllegalStateException();
            } else {
                allCosted = false;
                if (device == null) {
                    throw new InputException(source, p, "has no costs (runtime_s, ram_bytes, compute_j, pagein_j, "
                            + "pageout_j): choose a device to compute them");
                }
                costs = costsFor(f, p, flop, shape, device);
            }
            nodes.add(new GraphNode(index, nodeName, type, backward, shape, flop, params, deps, costs));
        }
        long paramBytes;
        if (root.has("param_bytes") && !root.get("param_bytes").isNull()) {
            paramBytes = f.wholeNonNegative(root, "", "param_bytes");
        } else {
            double count = 0;
            for (GraphNode n : nodes) {
                count += n.paramCount();
            }
            paramBytes = Math.round(count * (device == null ? 4 : device.bytesPerElement()));
        }
        String deviceId = allCosted ? f.optString(root, "platform", null) : device.id();
        try {
            return new TrainingGraph(name, deviceId, nodes, paramBytes);
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            int colon = msg.indexOf(": ");
            throw colon > 0 ? new InputException(source, msg.substring(0, colon), msg.substring(colon + 2))
                    : new InputException(source, "nodes", msg);
        }
    }

    private static NodeCosts costsFor(JsonFields f, String path, double flop, List<Long> shape, Device device)
            throws InputException {
        try {
            return CostModel.costs(flop, shape, device);
        } catch (ArithmeticException e) {
            throw f.error(path + ".out_shape", "too large (" + shape + ")");
        }
    }

    private static String fileStem(String source) {
        String s = Path.of(source).getFileName().toString();
        int dot = s.lastIndexOf('.');
        s = dot > 0 ? s.substring(0, dot) : s;
        int sep = s.indexOf("__");
        return sep > 0 ? s.substring(0, sep) : s;
    }
}

package org.poetexplorer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.poetexplorer.generator.LayeredGraph;
import org.poetexplorer.generator.LayeredGraphSpec;
import org.poetexplorer.model.CostModel;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.GraphNode;
import org.poetexplorer.model.TrainingGraph;

/**
 * Graphs of the rematerialization literature: networkx node-link JSON, as Checkmate's graph
 * extraction writes it and Moccasin's data holds it, and as {@code poet generate} writes its
 * random layered graphs. A network file is one of these when it has a "links" (or "edges")
 * array beside its "nodes"; {@link NetworkFiles} tells them apart by that, whatever the file is
 * called.
 *
 * <p>Each node has an "id" (or, without one, its "name" is its id), a runtime in whole or
 * fractional units ("cost_cpu" or "duration") and the bytes of its output ("cost_ram" or
 * "out_cost"); "backward" and "param_cost" are read when present. A link joins "source" to
 * "target" (or "0" to "1"): the target reads the source's output. "graph.order", when present,
 * is the node order to use; else the nodes are taken in a dependency order that keeps the
 * file's order where it can. The graph is a whole training graph as it is: no backward nodes are
 * added. docs/file-formats.md ("Node-link graphs") states how the costs follow from a device and
 * the time unit.
 */
public final class NodeLinkFiles {
    /** How a node read from such a graph is typed: a forward operation or a gradient. */
    public static final String FORWARD_TYPE = "Operation";
    public static final String BACKWARD_TYPE = "GradientOperation";

    private NodeLinkFiles() {
    }

    /** Whether {@code root} is a node-link graph rather than our network format. */
    static boolean isNodeLink(JsonNode root) {
        return root.has("links") || root.has("edges");
    }

    /**
     * The training graph of a node-link graph, costed on {@code device} with {@code timeUnitS}
     * seconds per runtime unit.
     *
     * @throws InputException naming the file, the field and the value when the graph is unusable
     */
    static TrainingGraph graph(JsonNode root, String source, Device device, double timeUnitS) throws InputException {
        JsonFields f = new JsonFields(source);
        if (device == null) {
            throw f.error("", "a node-link graph gives runtimes in units and outputs in bytes, not energies: "
                    + "choose a device to cost it");
        }
        JsonNode graphJson = root.get("graph");
        String name = graphJson != null && graphJson.path("name").isTextual() ? graphJson.get("name").asText()
                : Sources.stem(source);
        JsonNode nodesJson = f.array(root, "", "nodes");
        InputLimits.requireGraphNodes(source, "nodes", nodesJson.size());
        List<Node> nodes = nodes(f, nodesJson);
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Integer before = byKey.putIfAbsent(nodes.get(i).key(), i);
            if (before != null) {
                throw f.error("nodes[" + i + "]." + nodes.get(i).keyField(), "duplicate id " + nodes.get(i).key()
                        + " (also nodes[" + before + "])");
            }
        }
        String linksField = root.has("links") ? "links" : "edges";
        List<List<Integer>> readsOf = links(f, f.array(root, "", linksField), linksField, byKey, nodes);
        int[] order = graphJson != null && graphJson.hasNonNull("order")
                ? givenOrder(f, graphJson.get("order"), byKey, readsOf, nodes)
                : dependencyOrder(f, readsOf, nodes, linksField);
        return build(f, name, device, timeUnitS, nodes, readsOf, order);
    }

    /** One node as the file gives it, at its position in "nodes". */
    private record Node(String key, String keyField, String name, double runtimeUnits, long ramBytes, boolean backward,
            double params) {
    }

    private static List<Node> nodes(JsonFields f, JsonNode array) throws InputException {
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String p = "nodes[" + i + "]";
            JsonNode n = f.object(array.get(i), p);
            String keyField = n.hasNonNull("id") ? "id" : "name";
            String key = key(f, f.require(n, p, keyField), p + "." + keyField);
            String name = keyField.equals("id") && n.hasNonNull("name") ? key(f, n.get("name"), p + ".name") : key;
            String runtimeField = n.has("cost_cpu") ? "cost_cpu" : "duration";
            String ramField = n.has("cost_ram") ? "cost_ram" : "out_cost";
            if (!n.has(runtimeField)) {
                throw f.error(p, "has no runtime (\"cost_cpu\" or \"duration\")");
            }
            if (!n.has(ramField)) {
                throw f.error(p, "has no output size (\"cost_ram\" or \"out_cost\")");
            }
            double params = n.hasNonNull("param_cost") ? f.nonNegative(n, p, "param_cost") : 0;
            out.add(new Node(key, keyField, name, f.nonNegative(n, p, runtimeField), f.wholeNonNegative(n, p, ramField),
                    f.bool(n, p, "backward", false), params));
        }
        if (out.isEmpty()) {
            throw f.error("nodes", "the graph has no nodes");
        }
        return out;
    }

    /** A node id as text: a whole number as written without a fraction, a string as it is. */
    private static String key(JsonFields f, JsonNode v, String path) throws InputException {
        if (v.isTextual() && !v.asText().isBlank()) {
            return v.asText();
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 1e15) {
            return Long.toString((long) v.asDouble());
        }
        throw f.error(path, "must be a whole number or a non-empty string (was " + JsonFields.shortText(v) + ")");
    }

    /** For each node (by position in "nodes"), the positions of the nodes it reads. */
    private static List<List<Integer>> links(JsonFields f, JsonNode array, String field, Map<String, Integer> byKey,
            List<Node> nodes) throws InputException {
        List<List<Integer>> reads = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            reads.add(new ArrayList<>());
        }
        Map<Long, Integer> seen = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            String p = field + "[" + i + "]";
            JsonNode link = f.object(array.get(i), p);
            String from = link.has("source") ? "source" : "0";
            String to = link.has("target") ? "target" : "1";
            if (!link.has(from) || !link.has(to)) {
                throw f.error(p, "needs \"source\" and \"target\" (or \"0\" and \"1\")");
            }
            int u = endpoint(f, link.get(from), p + "." + from, byKey);
            int v = endpoint(f, link.get(to), p + "." + to, byKey);
            if (u == v) {
                throw f.error(p, "links node " + nodes.get(u).key() + " to itself (a cycle)");
            }
            Integer before = seen.putIfAbsent(((long) u << 32) | v, i);
            if (before != null) {
                throw f.error(p, "repeats the link " + nodes.get(u).key() + " -> " + nodes.get(v).key() + " ("
                        + field + "[" + before + "])");
            }
            reads.get(v).add(u);
        }
        return reads;
    }

    private static int endpoint(JsonFields f, JsonNode v, String path, Map<String, Integer> byKey)
            throws InputException {
        Integer node = byKey.get(key(f, v, path));
        if (node == null) {
            throw f.error(path, "names no node (was " + JsonFields.shortText(v) + ")");
        }
        return node;
    }

    /** "graph.order": every node once, each after the nodes it reads. */
    private static int[] givenOrder(JsonFields f, JsonNode order, Map<String, Integer> byKey,
            List<List<Integer>> readsOf, List<Node> nodes) throws InputException {
        if (!order.isArray()) {
            throw f.error("graph.order", "must be an array of node ids (was " + JsonFields.shortText(order) + ")");
        }
        int[] position = new int[nodes.size()];
        Arrays.fill(position, -1);
        int[] out = new int[order.size()];
        for (int k = 0; k < order.size(); k++) {
            String p = "graph.order[" + k + "]";
            int v = endpoint(f, order.get(k), p, byKey);
            if (position[v] >= 0) {
                throw f.error(p, "lists node " + nodes.get(v).key() + " twice (also graph.order[" + position[v] + "])");
            }
            position[v] = k;
            out[k] = v;
        }
        for (int v = 0; v < nodes.size(); v++) {
            if (position[v] < 0) {
                throw f.error("graph.order", "lists " + order.size() + " of the " + nodes.size()
                        + " nodes (node " + nodes.get(v).key() + " is missing)");
            }
            for (int u : readsOf.get(v)) {
                if (position[u] > position[v]) {
                    throw f.error("graph.order", "puts node " + nodes.get(v).key() + " before node "
                            + nodes.get(u).key() + ", whose output it reads");
                }
            }
        }
        return out;
    }

    /** A dependency order that takes the nodes in file order wherever the links allow. */
    private static int[] dependencyOrder(JsonFields f, List<List<Integer>> readsOf, List<Node> nodes, String field)
            throws InputException {
        int n = nodes.size();
        int[] waiting = new int[n];
        List<List<Integer>> readers = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            readers.add(new ArrayList<>());
        }
        for (int v = 0; v < n; v++) {
            waiting[v] = readsOf.get(v).size();
            for (int u : readsOf.get(v)) {
                readers.get(u).add(v);
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int v = 0; v < n; v++) {
            if (waiting[v] == 0) {
                ready.add(v);
            }
        }
        int[] out = new int[n];
        int placed = 0;
        while (!ready.isEmpty()) {
            int v = ready.poll();
            out[placed++] = v;
            for (int w : readers.get(v)) {
                if (--waiting[w] == 0) {
                    ready.add(w);
                }
            }
        }
        if (placed < n) {
            throw f.error(field, "the graph has a cycle: " + cycle(readsOf, waiting, nodes));
        }
        return out;
    }

    /** A cycle among the nodes still waiting, named by their ids in link direction. */
    private static String cycle(List<List<Integer>> readsOf, int[] waiting, List<Node> nodes) {
        int v = 0;
        while (waiting[v] == 0) {
            v++;
        }
        List<Integer> path = new ArrayList<>();
        Map<Integer, Integer> at = new HashMap<>();
        while (!at.containsKey(v)) {
            at.put(v, path.size());
            path.add(v);
            for (int u : readsOf.get(v)) {
                if (waiting[u] > 0) {
                    v = u;
                    break;
                }
            }
        }
        List<Integer> loop = new ArrayList<>(path.subList(at.get(v), path.size()));
        Collections.reverse(loop);
        Collections.rotate(loop, -loop.indexOf(Collections.min(loop)));
        StringBuilder sb = new StringBuilder();
        for (int u : loop) {
            sb.append(nodes.get(u).key()).append(" -> ");
        }
        return sb.append(nodes.get(loop.get(0)).key()).toString();
    }

    private static TrainingGraph build(JsonFields f, String name, Device device, double timeUnitS, List<Node> nodes,
            List<List<Integer>> readsOf, int[] order) throws InputException {
        int[] index = new int[nodes.size()];
        for (int k = 0; k < order.length; k++) {
            index[order[k]] = k;
        }
        List<GraphNode> out = new ArrayList<>(nodes.size());
        Set<String> names = new HashSet<>();
        double params = 0;
        for (int k = 0; k < order.length; k++) {
            Node n = nodes.get(order[k]);
            List<Integer> deps = new ArrayList<>();
            for (int u : readsOf.get(order[k])) {
                deps.add(index[u]);
            }
            Collections.sort(deps);
            double runtimeS = n.runtimeUnits() * timeUnitS;
            long elements = Math.max(1, (n.ramBytes() + device.bytesPerElement() - 1) / device.bytesPerElement());
            String shown = names.add(n.name()) ? n.name() : n.name() + " (id " + n.key() + ")";
            names.add(shown);
            out.add(new GraphNode(k, shown, n.backward() ? BACKWARD_TYPE : FORWARD_TYPE, n.backward(), List.of(elements),
                    runtimeS * device.flops(), 0, deps, CostModel.measured(runtimeS, n.ramBytes(), device)));
            params += n.params();
        }
        try {
            return new TrainingGraph(name, device.id(), out, Math.round(params));
        } catch (IllegalArgumentException e) {
            throw f.error("nodes", e.getMessage());
        }
    }

    /** A generated graph as a node-link graph (the form {@link #graph} reads). */
    public static String toJson(LayeredGraph g) {
        ObjectNode root = Json.object();
        root.put("directed", true);
        root.put("multigraph", false);
        ObjectNode graph = root.putObject("graph");
        graph.put("name", g.name());
        LayeredGraphSpec s = g.spec();
        ObjectNode made = graph.putObject("generator");
        made.put("algorithm", "random layered graph (Gagrani et al. 2022, appendix A), poet generate");
        made.put("nodes", s.nodes());
        made.put("width", s.width());
        made.put("layer_variance", s.layerVariance());
        made.put("edge_density", s.edgeDensity());
        made.put("skip_connection_density", s.skipDensity());
        made.put("seed", s.seed());
        graph.put("source_node", 0);
        graph.put("target_node", g.size() - 1);
        ArrayNode nodes = root.putArray("nodes");
        for (int v = 0; v < g.size(); v++) {
            ObjectNode o = nodes.addObject();
            o.put("id", v);
            o.put("layer", g.layer(v));
            o.put("duration", g.duration(v));
            o.put("out_cost", g.outputBytes(v));
        }
        ArrayNode links = root.putArray("links");
        for (int e = 0; e < g.edgeCount(); e++) {
            ObjectNode o = links.addObject();
            o.put("source", g.source(e));
            o.put("target", g.target(e));
        }
        return Json.write(root);
    }

    /** Writes a generated graph atomically (temporary file in the same folder, then a move). */
    public static void write(LayeredGraph g, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(g));
    }

    /** A generated graph costed on {@code device}, read exactly as its file would be. */
    public static TrainingGraph graph(LayeredGraph g, Device device, double timeUnitS) {
        try {
            return graph(Json.tree(toJson(g)), g.name(), device, timeUnitS);
        } catch (InputException e) {
            throw new IllegalStateException("a generated graph does not read back: " + e.getMessage(), e);
        }
    }
}

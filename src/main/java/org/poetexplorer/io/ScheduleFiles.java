package org.poetexplorer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.poetexplorer.model.Allowance;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.GraphNode;
import org.poetexplorer.model.NodeCosts;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Claims;
import org.poetexplorer.schedule.OpKind;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.ReplayChecker;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;

/**
 * Schedule files (JSON, "poet-schedule/1", docs/schedule-format.md): the budget, the solve, the
 * figures, every node with its costs and dependencies, and the operations. Numbers are written
 * so that reading gives back the very same doubles. Besides the fields of the format the file
 * carries the summary figures (recomputeJ, totalTimeS, peakStage, peakOpIndex, inRamAtPeak,
 * counts, plain) and per node pageInS, pageOutS, outShape, flop and paramCount; "computeJ" is
 * the energy of all computations, recomputations included, so that
 * energyJ = computeJ + pageInJ + pageOutJ.
 */
public final class ScheduleFiles {
    public static final String FORMAT = "poet-schedule/1";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScheduleFiles() {
    }

    /** Writes a solve's schedule atomically. */
    public static void write(Path file, SolveResult result) throws IOException {
        String json = toJson(result);
        AtomicFiles.writeString(file, json);
    }

    public static void write(Path file, Schedule s, String solver, SolveStatus status, Double gap) throws IOException {
        AtomicFiles.writeString(file, toJson(s, solver, status, gap));
    }

    public static String toJson(SolveResult result) {
        if (!result.hasSchedule()) {
            throw new IllegalArgumentException("the solve ended " + result.status() + " without a schedule to write");
        }
        return toJson(result.schedule(), result.solver(), result.status(), result.gap());
    }

    public static String toJson(Schedule s, String solver, SolveStatus status, Double gap) {
        TrainingGraph g = s.graph();
        Budget b = s.budget();
        ScheduleSummary sum = ScheduleSummary.of(s);
        ScheduleSummary.Plain plain = ScheduleSummary.plain(g);
        Map<String, JsonNode> top = new LinkedHashMap<>();
        top.put("format", NODES.textNode(FORMAT));
        top.put("network", NODES.textNode(g.name()));
        top.put("device", g.deviceId() == null ? NODES.nullNode() : NODES.textNode(g.deviceId()));
        top.put("ramBudgetBytes", NODES.numberNode(b.ramBytes()));
        top.put("runtimeBudgetRatio", NODES.numberNode(b.runtimeRatio()));
        top.put("paging", NODES.booleanNode(b.paging()));
        top.put("remat", NODES.booleanNode(b.remat()));
        top.put("transfersTakeTime", NODES.booleanNode(b.transfersTakeTime()));
        top.put("solver", solver == null ? NODES.nullNode() : NODES.textNode(solver));
        top.put("status", NODES.textNode(status.name()));
        top.put("gap", gap == null || !Double.isFinite(gap) ? NODES.nullNode() : NODES.numberNode(gap));
        top.put("energyJ", NODES.numberNode(sum.energyJ()));
        top.put("computeJ", NODES.numberNode(sum.computeJ() + sum.recomputeJ()));
        top.put("recomputeJ", NODES.numberNode(sum.recomputeJ()));
        top.put("pageInJ", NODES.numberNode(sum.pageInJ()));
        top.put("pageOutJ", NODES.numberNode(sum.pageOutJ()));
        top.put("runtimeS", NODES.numberNode(sum.runtimeS()));
        top.put("totalTimeS", NODES.numberNode(sum.totalTimeS()));
        top.put("pagingTimed", NODES.booleanNode(g.pagingTimed()));
        top.put("peakRamBytes", NODES.numberNode(sum.peakRamBytes()));
        top.put("peakStage", NODES.numberNode(sum.peakStage()));
        top.put("peakOpIndex", NODES.numberNode(sum.peakOpIndex()));
        ArrayNode atPeak = NODES.arrayNode();
        sum.inRamAtPeak().forEach(atPeak::add);
        top.put("inRamAtPeak", atPeak);
        ObjectNode counts = NODES.objectNode();
        counts.put("compute", sum.counts().compute());
        counts.put("recompute", sum.counts().recompute());
        counts.put("pageIn", sum.counts().pageIn());
        counts.put("pageOut", sum.counts().pageOut());
        counts.put("free", sum.counts().free());
        top.put("counts", counts);
        ObjectNode plainJson = NODES.objectNode();
        plainJson.put("energyJ", plain.energyJ());
        plainJson.put("peakRamBytes", plain.peakRamBytes());
        plainJson.put("runtimeS", plain.runtimeS());
        top.put("plain", plainJson);
        top.put("paramBytes", NODES.numberNode(g.paramBytes()));

        StringBuilder sb = new StringBuilder("{\n");
        for (Map.Entry<String, JsonNode> e : top.entrySet()) {
            sb.append("  ").append(Json.oneLine(NODES.textNode(e.getKey()))).append(": ")
                    .append(Json.oneLine(e.getValue()))
                    .append(",\n");
        }
        List<String> nodes = new ArrayList<>();
        for (GraphNode n : g.nodes()) {
            nodes.add(Json.oneLine(node(n)));
        }
        appendArray(sb, "nodes", nodes);
        sb.append(",\n");
        List<String> ops = new ArrayList<>();
        for (Operation op : s.ops()) {
            ops.add(Json.oneLine(op(op)));
        }
        appendArray(sb, "ops", ops);
        return sb.append("\n}\n").toString();
    }

    private static void appendArray(StringBuilder sb, String name, List<String> items) {
        sb.append("  \"").append(name).append("\": [");
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "\n    " : ",\n    ").append(items.get(i));
        }
        sb.append(items.isEmpty() ? "]" : "\n  ]");
    }

    private static ObjectNode node(GraphNode n) {
        ObjectNode o = NODES.objectNode();
        o.put("index", n.index());
        o.put("name", n.name());
        o.put("type", n.type());
        o.put("backward", n.backward());
        o.put("ramBytes", n.ramBytes());
        o.put("runtimeS", n.runtimeS());
        o.put("computeJ", n.computeJ());
        o.put("pageInJ", n.pageInJ());
        o.put("pageOutJ", n.pageOutJ());
        o.put("pageInS", n.pageInS());
        o.put("pageOutS", n.pageOutS());
        ArrayNode shape = o.putArray("outShape");
        n.outShape().forEach(shape::add);
        o.put("flop", n.flop());
        o.put("paramCount", n.paramCount());
        ArrayNode deps = o.putArray("deps");
        n.deps().forEach(deps::add);
        return o;
    }

    private static ObjectNode op(Operation op) {
        ObjectNode o = NODES.objectNode();
        o.put("stage", op.stage());
        o.put("kind", op.kind().name());
        o.put("node", op.node());
        o.put("startS", op.startS());
        o.put("endS", op.endS());
        o.put("energyJ", op.energyJ());
        o.put("ramBytesAfter", op.ramBytesAfter());
        return o;
    }

    // ---------------------------------------------------------------- reading

    public static ScheduleFile read(Path file) throws InputException {
        return parse(Json.readText(file), file.toString());
    }

    public static ScheduleFile parse(String json, String source) throws InputException {
        JsonNode root = Json.parseObject(json, source, "\"format\": \"" + FORMAT + "\"");
        JsonFields f = new JsonFields(source);
        f.format(root, FORMAT, true);
        TrainingGraph graph = graph(f, root);
        Budget budget = budget(f, root);
        String solver = f.optString(root, "solver", "");
        SolveStatus status = status(f, root);
        Double gap = null;
        if (root.has("gap") && !root.get("gap").isNull()) {
            gap = f.number(root, "", "gap");
        }
        double energy = f.number(root, "", "energyJ");
        List<Operation> ops = ops(f, root, graph);
        return new ScheduleFile(graph, budget, solver, status, gap, energy, new Schedule(graph, budget, ops),
                claims(f, root, graph.size()));
    }

    /** The figures the file gives beside its operations ({@link ReplayChecker#CLAIMED}), each a finite number. */
    private static Claims claims(JsonFields f, JsonNode root, int nodes) throws InputException {
        Map<String, BigDecimal> figures = new HashMap<>();
        for (String name : ReplayChecker.CLAIMED) {
            int dot = name.indexOf('.');
            JsonNode holder = dot < 0 ? root : root.get(name.substring(0, dot));
            String field = name.substring(dot + 1);
            if (holder == null || holder.isNull() || !holder.hasNonNull(field)) {
                continue;
            }
            f.object(holder, dot < 0 ? "" : name.substring(0, dot));
            f.number(holder.get(field), name);
            figures.put(name, holder.get(field).decimalValue());
        }
        List<Integer> atPeak = null;
        if (root.hasNonNull("inRamAtPeak")) {
            atPeak = new ArrayList<>();
            JsonNode listed = f.array(root, "", "inRamAtPeak");
            for (int i = 0; i < listed.size(); i++) {
                atPeak.add(nodeRef(f, listed.get(i), "inRamAtPeak[" + i + "]", nodes, Map.of()));
            }
        }
        return new Claims(figures, atPeak);
    }

    private static SolveStatus status(JsonFields f, JsonNode root) throws InputException {
        String s = f.string(root, "", "status");
        try {
            return SolveStatus.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw f.error("status", "unknown status \"" + s + "\" (known: " + List.of(SolveStatus.values()) + ")");
        }
    }

    private static Budget budget(JsonFields f, JsonNode root) throws InputException {
        long ram = f.wholeNonNegative(root, "", "ramBudgetBytes");
        double ratio = f.positive(root, "", "runtimeBudgetRatio");
        boolean paging = requiredBool(f, root, "paging");
        boolean remat = requiredBool(f, root, "remat");
        if (ram <= 0) {
            throw f.error("ramBudgetBytes", "must be > 0 (was " + root.get("ramBudgetBytes") + ")");
        }
        boolean transfersTakeTime = f.bool(root, "", "transfersTakeTime", false);
        return new Budget(ram, new Allowance(ratio, paging, remat, transfersTakeTime));
    }

    private static boolean requiredBool(JsonFields f, JsonNode obj, String name) throws InputException {
        f.require(obj, "", name);
        return f.bool(obj, "", name, false);
    }

    private static TrainingGraph graph(JsonFields f, JsonNode root) throws InputException {
        JsonNode arr = f.array(root, "", "nodes");
        InputLimits.requireGraphNodes(f.source(), "nodes", arr.size());
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < arr.size(); i++) {
            JsonNode n = f.object(arr.get(i), "nodes[" + i + "]");
            byName.putIfAbsent(f.string(n, "nodes[" + i + "]", "name"), i);
        }
        List<GraphNode> nodes = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            JsonNode n = arr.get(i);
            String p = "nodes[" + i + "]";
            if (n.has("index") && f.number(n, p, "index") != i) {
                throw f.error(p + ".index", "expected " + i + " (was " + n.get("index") + ")");
            }
            String name = f.string(n, p, "name");
            String type = f.optString(n, "type", "");
            boolean backward = f.bool(n, p, "backward", false);
            NodeCosts costs;
            try {
                costs = new NodeCosts(f.nonNegative(n, p, "runtimeS"), f.wholeNonNegative(n, p, "ramBytes"),
                        f.nonNegative(n, p, "computeJ"), f.nonNegative(n, p, "pageInJ"),
                        f.nonNegative(n, p, "pageOutJ"), optNonNegative(f, n, p, "pageInS"),
                        optNonNegative(f, n, p, "pageOutS"));
            } catch (IllegalArgumentException e) {
                throw f.error(p, e.getMessage());
            }
            List<Long> shape = new ArrayList<>();
            if (n.has("outShape") && !n.get("outShape").isNull()) {
                shape = f.positiveLongs(n, p, "outShape");
            }
            double flop = optNonNegative(f, n, p, "flop");
            double params = optNonNegative(f, n, p, "paramCount");
            List<Integer> deps = new ArrayList<>();
            JsonNode depsJson = f.array(n, p, "deps");
            for (int d = 0; d < depsJson.size(); d++) {
                deps.add(nodeRef(f, depsJson.get(d), p + ".deps[" + d + "]", arr.size(), byName));
            }
            nodes.add(new GraphNode(i, name, type, backward, shape, flop, params, deps, costs));
        }
        long paramBytes = root.has("paramBytes") && !root.get("paramBytes").isNull()
                ? f.wholeNonNegative(root, "", "paramBytes") : 0;
        String network = f.optString(root, "network", "network");
        String device = f.optString(root, "device", null);
        try {
            return new TrainingGraph(network, device, nodes, paramBytes);
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            int colon = msg.indexOf(": ");
            throw colon > 0 ? f.error(msg.substring(0, colon), msg.substring(colon + 2)) : f.error("nodes", msg);
        }
    }

    private static double optNonNegative(JsonFields f, JsonNode n, String p, String name) throws InputException {
        return n.has(name) && !n.get(name).isNull() ? f.nonNegative(n, p, name) : 0;
    }

    /** A node named by index or by name. */
    private static int nodeRef(JsonFields f, JsonNode v, String path, int count, Map<String, Integer> byName)
            throws InputException {
        if (v == null || v.isNull()) {
            throw f.error(path, "missing");
        }
        if (v.isTextual()) {
            Integer i = byName.get(v.asText());
            if (i == null) {
                throw f.error(path, "unknown node \"" + v.asText() + "\"");
            }
            return i;
        }
        if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble())) {
            throw f.error(path, "must be a node index or name (was " + JsonFields.shortText(v) + ")");
        }
        double d = v.asDouble();
        if (d < 0 || d >= count) {
            throw f.error(path, "unknown node " + v + " (the file has nodes 0.." + (count - 1) + ")");
        }
        return (int) d;
    }

    private static List<Operation> ops(JsonFields f, JsonNode root, TrainingGraph g) throws InputException {
        Map<String, Integer> byName = new HashMap<>();
        for (GraphNode n : g.nodes()) {
            byName.put(n.name(), n.index());
        }
        JsonNode arr = f.array(root, "", "ops");
        List<Operation> ops = new ArrayList<>(arr.size());
        for (int x = 0; x < arr.size(); x++) {
            String p = "ops[" + x + "]";
            JsonNode o = f.object(arr.get(x), p);
            long stage = f.wholeNonNegative(o, p, "stage");
            if (stage >= g.size()) {
                throw f.error(p + ".stage", "unknown stage " + o.get("stage") + " (the file has stages 0.."
                        + (g.size() - 1) + ")");
            }
            OpKind kind = kind(f, o, p);
            int node = nodeRef(f, f.require(o, p, "node"), p + ".node", g.size(), byName);
            ops.add(new Operation((int) stage, kind, node, f.number(o, p, "startS"), f.number(o, p, "endS"),
                    f.number(o, p, "energyJ"), f.wholeNonNegative(o, p, "ramBytesAfter")));
        }
        return ops;
    }

    private static OpKind kind(JsonFields f, JsonNode o, String p) throws InputException {
        String k = f.string(o, p, "kind");
        try {
            return OpKind.valueOf(k);
        } catch (IllegalArgumentException e) {
            throw f.error(p + ".kind", "unknown kind \"" + k + "\" (known: " + List.of(OpKind.values()) + ")");
        }
    }
}

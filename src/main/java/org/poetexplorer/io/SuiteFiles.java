package org.poetexplorer.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.generator.LayeredGraphSpec;
import org.poetexplorer.io.onnx.ImportOptions;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.Quantities;

/**
 * Benchmark suite files ({@code poet bench --suite FILE}), and the default suite the
 * application carries: random layered graphs of 100, 250, 500 and 1000 nodes, each at 0.9 and
 * 0.8 of its plain peak, recomputation only and with paging.
 */
public final class SuiteFiles {
    public static final String FORMAT = "poet-suite/1";
    /** The name that asks for the bundled suite instead of a file. */
    public static final String DEFAULT_NAME = "default";
    private static final String BUNDLED = "/org/poetexplorer/bench/default-suite.json";
    private static final String BUNDLED_SOURCE = "the default suite bundled with POET Explorer";
    private static final double DEFAULT_RUNTIME_RATIO = 2;

    private SuiteFiles() {
    }

    /** @throws InputException naming the file, the field and the value when the file is unusable */
    public static BenchSuite read(Path file) throws InputException {
        return parse(Json.readText(file), file.toString());
    }

    /** The default suite. */
    public static BenchSuite bundled() {
        try {
            return parse(Json.readResource(BUNDLED), BUNDLED_SOURCE);
        } catch (InputException e) {
            throw new IllegalStateException("the bundled suite is unusable: " + e.getMessage(), e);
        }
    }

    public static BenchSuite parse(String text, String source) throws InputException {
        JsonNode root = Json.parseObject(text, source, "\"graphs\" and \"budgets\" arrays");
        JsonFields f = new JsonFields(source);
        f.format(root, FORMAT, false);
        Device device = DeviceFiles.builtIn(root.hasNonNull("device") ? f.string(root, "", "device") : "a72");
        double timeUnit = ImportOptions.DEFAULT_TIME_UNIT_S;
        if (root.hasNonNull("time_unit")) {
            try {
                timeUnit = Quantities.parseSeconds(f.string(root, "", "time_unit"));
            } catch (IllegalArgumentException e) {
                throw f.error("time_unit", e.getMessage());
            }
        }
        double ratio = root.hasNonNull("runtime_ratio") ? f.number(root, "", "runtime_ratio") : DEFAULT_RUNTIME_RATIO;
        if (!(ratio >= 1)) {
            throw f.error("runtime_ratio", "must be at least 1 plain step (was " + root.get("runtime_ratio") + ")");
        }
        List<LayeredGraphSpec> graphs = new ArrayList<>();
        JsonNode gs = f.array(root, "", "graphs");
        for (int i = 0; i < gs.size(); i++) {
            graphs.add(graph(f, f.object(gs.get(i), "graphs[" + i + "]"), "graphs[" + i + "]"));
        }
        List<BenchSuite.Budget> budgets = new ArrayList<>();
        JsonNode bs = f.array(root, "", "budgets");
        for (int i = 0; i < bs.size(); i++) {
            String p = "budgets[" + i + "]";
            JsonNode b = f.object(bs.get(i), p);
            try {
                budgets.add(new BenchSuite.Budget(f.number(b, p, "ram"), f.bool(b, p, "paging", false)));
            } catch (IllegalArgumentException e) {
                throw f.error(p + ".ram", e.getMessage().substring("ram: ".length()));
            }
        }
        if (graphs.isEmpty() || budgets.isEmpty()) {
            throw f.error(graphs.isEmpty() ? "graphs" : "budgets", "must not be empty");
        }
        return new BenchSuite(source, device, timeUnit, ratio, graphs, budgets);
    }

    private static LayeredGraphSpec graph(JsonFields f, JsonNode g, String p) throws InputException {
        double nodes = f.number(g, p, "nodes");
        if (nodes != Math.rint(nodes) || nodes > Integer.MAX_VALUE) {
            throw f.error(p + ".nodes", "must be a whole number (was " + g.get("nodes") + ")");
        }
        double seed = g.hasNonNull("seed") ? f.number(g, p, "seed") : 1;
        if (seed != Math.rint(seed)) {
            throw f.error(p + ".seed", "must be a whole number (was " + g.get("seed") + ")");
        }
        try {
            return new LayeredGraphSpec((int) nodes, f.number(g, p, "width"),
                    optional(f, g, p, "layer_variance", LayeredGraphSpec.DEFAULT_LAYER_VARIANCE),
                    optional(f, g, p, "edge_density", LayeredGraphSpec.DEFAULT_EDGE_DENSITY),
                    optional(f, g, p, "skip_connection_density", LayeredGraphSpec.DEFAULT_SKIP_DENSITY), (long) seed);
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage();
            int colon = msg.indexOf(": ");
            String field = switch (msg.substring(0, colon)) {
                case "layer variance" -> "layer_variance";
                case "edge density" -> "edge_density";
                case "skip density" -> "skip_connection_density";
                default -> msg.substring(0, colon);
            };
            throw f.error(p + "." + field, msg.substring(colon + 2));
        }
    }

    private static double optional(JsonFields f, JsonNode g, String p, String name, double fallback)
            throws InputException {
        return g.hasNonNull(name) ? f.number(g, p, name) : fallback;
    }
}

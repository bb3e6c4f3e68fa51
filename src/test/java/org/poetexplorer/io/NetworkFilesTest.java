package org.poetexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.catalog.Catalog;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.GraphNode;
import org.poetexplorer.model.TrainingGraph;

class NetworkFilesTest {
    /** Three nodes without costs: input, relu, loss (no gradients; the file format does not require them). */
    private static final String SMALL = """
            {"model": "small", "nodes": [
              {"name": "in", "type": "InputLayer", "out_shape": [1, 4], "flop": 0, "deps": []},
              {"name": "relu", "type": "ReLULayer", "out_shape": [1, 4], "flop": 4, "deps": [0]},
              {"name": "loss", "type": "CrossEntropyLoss", "out_shape": [2], "flop": 8, "deps": [1]}
            ]}
            """;

    static Stream<Arguments> referenceGraphs() {
        return ReferenceData.NETWORKS.stream()
                .flatMap(n -> ReferenceData.DEVICES.stream().map(d -> Arguments.of(n, d)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("referenceGraphs")
    void referenceGraphLoadsWithItsOwnCosts(String network, String device) throws IOException, InputException {
        JsonNode ref = new ObjectMapper().readTree(ReferenceData.text(network, device));
        TrainingGraph g = NetworkFiles.parse(ReferenceData.text(network, device), network + ".json", null);
        assertEquals(ref.get("model").asText(), g.name());
        assertEquals(ref.get("platform").asText(), g.deviceId());
        assertEquals(ref.get("nodes").size(), g.size());
        assertEquals(ref.get("param_bytes").asLong(), g.paramBytes());
        for (int i = 0; i < g.size(); i++) {
            JsonNode r = ref.get("nodes").get(i);
            GraphNode n = g.node(i);
            assertEquals(r.get("name").asText(), n.name());
            assertEquals(r.get("runtime_s").asDouble(), n.runtimeS());
            assertEquals(r.get("ram_bytes").asLong(), n.ramBytes());
            assertEquals(r.get("compute_j").asDouble(), n.computeJ());
            assertEquals(r.get("pagein_j").asDouble(), n.pageInJ());
            assertEquals(r.get("pageout_j").asDouble(), n.pageOutJ());
            assertEquals(r.get("deps").size(), n.deps().size());
        }
        assertEquals(ref.get("total_runtime_s").asDouble(), g.plainRuntimeS(), 1e-12 * g.plainRuntimeS());
    }

    @Test
    void aDeviceGivenWithTheFileCostsTheNodesForThatDevice(@TempDir Path dir) throws InputException {
        Device a72 = DeviceFiles.builtIn("a72");
        TrainingGraph fromM0File = NetworkFiles.read(ReferenceData.copy("linear", "m0", dir), a72);
        TrainingGraph a72Graph = ReferenceData.graph("linear", "a72");
        assertEquals("a72", fromM0File.deviceId());
        for (int i = 0; i < a72Graph.size(); i++) {
            assertEquals(a72Graph.computeJ(i), fromM0File.computeJ(i), 1e-12 * a72Graph.computeJ(i));
            assertEquals(a72Graph.pageOutJ(i), fromM0File.pageOutJ(i), 1e-12 * a72Graph.pageOutJ(i));
        }
    }

    @Test
    void ourOwnFormatNeedsNoCostsWhenADeviceIsGiven() throws InputException {
        TrainingGraph g = NetworkFiles.parse(SMALL, "small.json", DeviceFiles.builtIn("m0"));
        assertEquals(List.of("in", "relu", "loss"), g.nodes().stream().map(GraphNode::name).toList());
        assertEquals(16, g.ram(0));
        assertEquals(4 / (2000 / 0.012), g.runtime(1), 1e-18);
    }

    @Test
    void writtenGraphStandsAloneAndReadsBackEqual(@TempDir Path dir) throws IOException, InputException {
        TrainingGraph g = Catalog.build("resnet18_cifar", DeviceFiles.builtIn("m4"));
        Path file = dir.resolve("r18.json");
        NetworkFiles.write(g, file);
        TrainingGraph back = NetworkFiles.read(file, null);
        assertEquals(g.name(), back.name());
        assertEquals("m4", back.deviceId());
        assertEquals(g.paramBytes(), back.paramBytes());
        assertEquals(g.nodes(), back.nodes());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void writtenGraphKeepsThePagingDurationsOfACustomDevice(@TempDir Path dir) throws IOException, InputException {
        Device custom = DeviceFiles.builtIn("m0").withId("my-board");
        TrainingGraph g = Catalog.build("linear", custom);
        Path file = dir.resolve("linear.json");
        NetworkFiles.write(g, file);
        TrainingGraph back = NetworkFiles.read(file, null);
        assertEquals(g.nodes(), back.nodes());
        assertTrue(back.node(0).costs().pageInS() > 0);
    }

    @Test
    void pagingDurationsComeInPairs() {
        String costed = SMALL.replace("\"flop\": 4, ",
                "\"flop\": 4, \"runtime_s\": 0.1, \"ram_bytes\": 16, \"compute_j\": 0.5, \"pagein_j\": 0, "
                        + "\"pageout_j\": 0, \"pagein_s\": 0.01, ");
        refused(costed.replace("\"flop\": 0, ", "\"flop\": 0, \"runtime_s\": 0, \"ram_bytes\": 16, "
                + "\"compute_j\": 0, \"pagein_j\": 0, \"pageout_j\": 0, ").replace("\"flop\": 8, ",
                "\"flop\": 8, \"runtime_s\": 0, \"ram_bytes\": 8, \"compute_j\": 0, \"pagein_j\": 0, "
                        + "\"pageout_j\": 0, "), "nodes[1].pageout_s", false);
    }

    @Test
    void malformedJsonIsNamedWithLineAndColumn() {
        InputException e = refused("{\"nodes\": [\n  {\"type\": \"InputLayer\",,}\n]}", "");
        assertTrue(e.getMessage().startsWith("net.json: not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2, column"), e.getMessage());
    }

    @Test
    void missingFieldsAreNamed() {
        assertEquals("net.json: nodes: missing", refused("{\"model\": \"x\"}", "nodes").getMessage());
        refused(SMALL.replace("\"type\": \"ReLULayer\", ", ""), "nodes[1].type");
        refused(SMALL.replace("\"out_shape\": [2], ", ""), "nodes[2].out_shape");
        refused(SMALL.replace("\"flop\": 4, ", ""), "nodes[1].flop");
        refused(SMALL.replace(", \"deps\": [1]", ""), "nodes[2].deps");
    }

    @Test
    void mistypedFieldsAreNamedWithTheirValue() {
        assertDetail(refused(SMALL.replace("\"flop\": 4", "\"flop\": \"four\""), "nodes[1].flop"), "\"four\"");
        assertDetail(refused(SMALL.replace("\"deps\": [0]", "\"deps\": 0"), "nodes[1].deps"), "(was 0)");
        assertDetail(refused(SMALL.replace("\"deps\": [0]", "\"deps\": [\"in\"]"), "nodes[1].deps[0]"), "\"in\"");
        assertDetail(refused(SMALL.replace("\"out_shape\": [2]", "\"out_shape\": [2.5]"), "nodes[2].out_shape[0]"),
                "2.5");
        assertDetail(refused(SMALL.replace("\"model\": \"small\"", "\"model\": 3"), "model"), "(was 3)");
        assertDetail(refused(SMALL.replace("\"name\": \"in\", ", "\"name\": \"in\", \"backward\": \"no\", "),
                "nodes[0].backward"), "\"no\"");
        refused("{\"nodes\": {}}", "nodes");
        refused("{\"nodes\": [7]}", "nodes[0]");
    }

    @Test
    void negativeAndNaNNumbersAreNamedWithTheirValue() {
        assertDetail(refused(SMALL.replace("\"flop\": 4", "\"flop\": -4"), "nodes[1].flop"), "(was -4)");
        assertDetail(refused(SMALL.replace("\"flop\": 4", "\"flop\": NaN"), "nodes[1].flop"), "NaN");
        assertDetail(refused(SMALL.replace("\"out_shape\": [2]", "\"out_shape\": [0]"), "nodes[2].out_shape[0]"),
                "(was 0)");
        assertDetail(refused(SMALL.replace("\"deps\": [0]", "\"deps\": [-1]"), "nodes[1].deps[0]"), "(was -1)");
        String costed = SMALL.replace("\"flop\": 4, ",
                "\"flop\": 4, \"runtime_s\": 0.1, \"ram_bytes\": 16, \"compute_j\": -0.5, \"pagein_j\": 0, "
                        + "\"pageout_j\": 0, ");
        assertDetail(refused(costed, "nodes[1].compute_j"), "(was -0.5)");
    }

    @Test
    void graphStructureErrorsAreNamed() {
        InputException cycle = refused(SMALL.replace("\"deps\": []", "\"deps\": [2]"), "nodes[0].deps");
        assertDetail(cycle, "cycle");
        InputException later = refused(SMALL.replace("\"deps\": [0]", "\"deps\": []")
                .replace("\"flop\": 0, \"deps\": []", "\"flop\": 0, \"deps\": [1]"), "nodes[0].deps");
        assertDetail(later, "later node 1");
        assertDetail(refused(SMALL.replace("\"deps\": [1]", "\"deps\": [9]"), "nodes[2].deps"), "unknown node 9");
        assertDetail(refused(SMALL.replace("\"deps\": [1]", "\"deps\": [1, 1]"), "nodes[2].deps"), "listed twice");
        InputException dup = refused(SMALL.replace("\"name\": \"loss\"", "\"name\": \"in\""), "nodes[2].name");
        assertDetail(dup, "duplicate node name \"in\"");
        refused("{\"nodes\": []}", "nodes");
        assertDetail(refused(SMALL.replace("\"model\": \"small\"", "\"model\": \"small\", \"node_count\": 5"),
                "node_count"), "5");
    }

    @Test
    void costsAreAllOrNothingAndNeededWithoutADevice() {
        assertDetail(refusedWithoutDevice(SMALL, "nodes[0]"), "choose a device");
        String partial = SMALL.replace("\"flop\": 4, ", "\"flop\": 4, \"runtime_s\": 0.1, ");
        assertDetail(refused(partial, "nodes[1].ram_bytes"), "all five costs or none");
    }

    @Test
    void graphWithoutPlatformHasNoDevice() throws InputException {
        TrainingGraph g = NetworkFiles.parse(NetworkFiles.toJson(Catalog.build("linear", DeviceFiles.builtIn("m0")))
                .replace("\"platform\" : \"m0\",", ""), "x.json", null);
        assertNull(g.deviceId());
    }

    private static InputException refused(String json, String field) {
        return refused(json, field, true);
    }

    private static InputException refusedWithoutDevice(String json, String field) {
        return refused(json, field, false);
    }

    private static InputException refused(String json, String field, boolean withDevice) {
        InputException e = assertThrows(InputException.class,
                () -> NetworkFiles.parse(json, "net.json", withDevice ? DeviceFiles.builtIn("m0") : null));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith("net.json: "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    private static void assertDetail(InputException e, String detail) {
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }
}

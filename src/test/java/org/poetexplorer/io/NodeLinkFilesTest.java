package org.poetexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.poetexplorer.generator.LayeredGraph;
import org.poetexplorer.generator.LayeredGraphSpec;
import org.poetexplorer.generator.LayeredGraphs;
import org.poetexplorer.io.onnx.ImportOptions;
import org.poetexplorer.model.CostModel;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.GraphNode;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;

/** Node-link graphs of the rematerialization literature, read wherever a network file is. */
class NodeLinkFilesTest {
    /** A forward and backward graph as Checkmate's extraction writes them: ids, names, cost_cpu, cost_ram. */
    private static final String CHECKMATE_STYLE = """
            {"directed": true, "multigraph": false, "graph": {"name": "tiny (train)"},
             "nodes": [{"name": "conv", "backward": false, "cost_cpu": 40, "cost_ram": 4000, "id": 0},
                       {"name": "dense", "backward": false, "cost_cpu": 10, "cost_ram": 400, "id": 1},
                       {"name": "Loss", "backward": true, "cost_cpu": 5, "cost_ram": 4, "id": 2},
                       {"name": "dense_backward", "backward": true, "cost_cpu": 12, "cost_ram": 400, "id": 3},
                       {"name": "conv_backward", "backward": true, "cost_cpu": 45, "cost_ram": 4000, "id": 4}],
             "links": [{"source": 0, "target": 1}, {"source": 0, "target": 4}, {"source": 1, "target": 2},
                       {"source": 1, "target": 3}, {"source": 2, "target": 3}, {"source": 3, "target": 4}]}
            """;

    /** Moccasin's form: nodes keyed by "name", duration and out_cost, links "0" -> "1", an order given. */
    private static final String MOCCASIN_STYLE = """
            {"directed": true, "multigraph": false,
             "graph": {"name": "diamond", "order": [0, 3, 2, 1]},
             "nodes": [{"out_cost": 100, "param_cost": 0, "duration": 0, "name": 0},
                       {"out_cost": 50, "param_cost": 0, "duration": 0, "name": 1},
                       {"out_cost": 300, "param_cost": 0, "duration": 7, "name": 2},
                       {"out_cost": 200, "param_cost": 0, "duration": 9, "name": 3}],
             "links": [{"0": 0, "1": 2}, {"0": 0, "1": 3}, {"0": 2, "1": 1}, {"0": 3, "1": 1}]}
            """;

    private static Device a72() throws InputException {
        return DeviceFiles.builtIn("a72");
    }

    @Test
    void checkmateGraphIsAWholeTrainingGraphCostedFromItsUnitsAndTheDevice() throws InputException {
        Device d = a72();
        TrainingGraph g = NetworkFiles.parse(CHECKMATE_STYLE, "tiny.json", d, 2e-3);
        assertEquals("tiny (train)", g.name());
        assertEquals(5, g.size(), "no backward nodes are added");
        assertEquals(List.of("conv", "dense", "Loss", "dense_backward", "conv_backward"),
                g.nodes().stream().map(GraphNode::name).toList());
        assertFalse(g.node(1).backward());
        assertTrue(g.node(2).backward());
        assertEquals(List.of(0, 3), g.node(4).deps());
        GraphNode conv = g.node(0);
        assertEquals(40 * 2e-3, conv.runtimeS(), 1e-15);
        assertEquals(4000, conv.ramBytes());
        assertEquals(40 * 2e-3 * d.flops() / d.flopsPerJoule(), conv.computeJ(), 1e-12);
        assertEquals(CostModel.pageOutSeconds(4000, d) * d.memoryPower(), conv.pageOutJ(), 1e-15);
        assertEquals(CostModel.pageInSeconds(4000, d), conv.pageInS(), 1e-15);
        assertEquals(d.id(), g.deviceId());
    }

    @Test
    void moccasinGraphKeepsItsOrderAndReadsLinksGivenAsZeroAndOne() throws InputException {
        TrainingGraph g = NetworkFiles.parse(MOCCASIN_STYLE, "diamond.json", a72(), 1e-3);
        assertEquals(List.of("0", "3", "2", "1"), g.nodes().stream().map(GraphNode::name).toList());
        assertEquals(List.of(1, 2), g.node(3).deps(), "the sink reads both branches");
        assertEquals(7e-3, g.node(2).runtimeS(), 1e-15);
        assertEquals(50, g.node(3).ramBytes());
    }

    @Test
    void withoutAnOrderTheFileOrderIsKeptWhereTheLinksAllow() throws InputException {
        String unordered = MOCCASIN_STYLE.replace("\"order\": [0, 3, 2, 1]", "\"comment\": \"no order\"");
        TrainingGraph g = NetworkFiles.parse(unordered, "diamond.json", a72(), 1e-3);
        assertEquals(List.of("0", "2", "3", "1"), g.nodes().stream().map(GraphNode::name).toList());
    }

    @Test
    void aNetworkFileIsToldByItsContentAndTheTimeUnitIsAChoiceOfTheReader(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("VGG-like (train).json");
        Files.writeString(file, CHECKMATE_STYLE);
        TrainingGraph ms = NetworkSource.parse(file.toString()).load(a72(), ImportOptions.DEFAULT);
        TrainingGraph us = NetworkSource.parse(file.toString()).load(a72(), ImportOptions.DEFAULT.withTimeUnit(1e-6));
        assertEquals(40e-3, ms.node(0).runtimeS(), 1e-15, "a millisecond per unit unless chosen otherwise");
        assertEquals(40e-6, us.node(0).runtimeS(), 1e-18);
    }

    @Test
    void aGeneratedGraphReadsBackWithItsStructureAndPlainPeak(@TempDir Path dir) throws Exception {
        LayeredGraph made = LayeredGraphs.generate(new LayeredGraphSpec(120, 0.3, 4));
        Path file = dir.resolve("g.json");
        NodeLinkFiles.write(made, file);
        TrainingGraph g = NetworkFiles.read(file, a72());
        assertEquals(made.size(), g.size());
        assertEquals(made.edgeCount(), g.edgeCount());
        for (int v = 0; v < made.size(); v++) {
            assertEquals(made.outputBytes(v), g.ram(v));
        }
        assertEquals(g.plainEnergyJ(), NodeLinkFiles.graph(made, a72(), 1e-3).plainEnergyJ());
        assertTrue(Plans.plainPeakBytes(g) > g.largestActivationBytes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "cycle | {\"source\": 3, \"target\": 4}, {\"source\": 4, \"target\": 3} | links: the graph has a cycle: 3 -> 4 -> 3",
        "dangling link | {\"source\": 3, \"target\": 9} | links[0].target: names no node (was 9)",
        "self link | {\"source\": 3, \"target\": 3} | links[0]: links node 3 to itself (a cycle)",
        "repeated link | {\"source\": 3, \"target\": 4}, {\"source\": 3, \"target\": 4} | links[1]: repeats the link 3 -> 4 (links[0])",
    })
    void badLinksAreRefusedNamingFileFieldAndValue(String what, String links, String message) throws InputException {
        String json = "{\"nodes\": [{\"id\": 3, \"cost_cpu\": 1, \"cost_ram\": 8}, {\"id\": 4, \"cost_cpu\": 1, "
                + "\"cost_ram\": 8}], \"links\": [" + links + "]}";
        Device d = a72();
        InputException e = assertThrows(InputException.class, () -> NetworkFiles.parse(json, "bad.json", d));
        assertEquals("bad.json: " + message, e.getMessage(), what);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "negative runtime | \"cost_cpu\": -1, \"cost_ram\": 8 | nodes[1].cost_cpu: must be >= 0 (was -1)",
        "NaN output | \"duration\": 1, \"out_cost\": NaN | nodes[1].out_cost: must be a finite number (was \"NaN\")",
        "fractional bytes | \"duration\": 1, \"out_cost\": 2.5 | nodes[1].out_cost: must be a whole number (was 2.5)",
        "no runtime | \"cost_ram\": 8 | nodes[1]: has no runtime (\"cost_cpu\" or \"duration\")",
    })
    void badCostsAreRefusedNamingFileFieldAndValue(String what, String costs, String message) throws InputException {
        String json = "{\"nodes\": [{\"id\": 3, \"cost_cpu\": 1, \"cost_ram\": 8}, {\"id\": 4, " + costs
                + "}], \"links\": [{\"source\": 3, \"target\": 4}]}";
        Device d = a72();
        InputException e = assertThrows(InputException.class, () -> NetworkFiles.parse(json, "bad.json", d));
        assertEquals("bad.json: " + message, e.getMessage(), what);
    }

    @Test
    void duplicateIdsAnOrderAgainstTheLinksAndAMissingDeviceAreRefused() throws InputException {
        String twice = "{\"nodes\": [{\"id\": 3, \"cost_cpu\": 1, \"cost_ram\": 8}, {\"id\": 3, \"cost_cpu\": 1, "
                + "\"cost_ram\": 8}], \"links\": []}";
        assertEquals("bad.json: nodes[1].id: duplicate id 3 (also nodes[0])",
                assertThrows(InputException.class, () -> NetworkFiles.parse(twice, "bad.json", a72())).getMessage());
        String backwards = MOCCASIN_STYLE.replace("[0, 3, 2, 1]", "[0, 1, 2, 3]");
        assertEquals("diamond.json: graph.order: puts node 1 before node 2, whose output it reads",
                assertThrows(InputException.class, () -> NetworkFiles.parse(backwards, "diamond.json", a72()))
                        .getMessage());
        assertTrue(assertThrows(InputException.class, () -> NetworkFiles.parse(MOCCASIN_STYLE, "diamond.json", null))
                .getMessage().startsWith("diamond.json: a node-link graph gives runtimes in units"));
    }
}

package org.poetexplorer.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.InputException;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.GraphNode;
import org.poetexplorer.model.TrainingGraph;

/** The catalog networks equal the reference implementation's graphs, node for node, on every device. */
class CatalogReferenceTest {
    private static final double REL = 1e-12;

    static Stream<Arguments> networksAndDevices() {
        List<Arguments> out = new ArrayList<>();
        for (String net : Catalog.names()) {
            for (String dev : DeviceFiles.builtInIds()) {
                out.add(Arguments.of(net, dev));
            }
        }
        return out.stream();
    }

    @Test
    void catalogListsTheEightNetworks() {
        assertEquals(List.of("linear", "vgg16", "vgg16_cifar", "resnet18", "resnet18_cifar", "resnet50",
                "transformer", "bert"), Catalog.names());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("networksAndDevices")
    void graphEqualsReference(String net, String dev) throws IOException, InputException {
        JsonNode ref = new ObjectMapper().readTree(ReferenceData.text(net, dev));
        Device device = DeviceFiles.builtIn(dev);
        TrainingGraph g = Catalog.build(net, device);

        JsonNode nodes = ref.get("nodes");
        assertEquals(nodes.size(), g.size(), "node count");
        // The file's edge_count still counts the loss edge the reference listed twice; its deps do not.
        assertEquals(ref.get("edge_count").asInt() - 1, g.edgeCount(), "edge count");
        assertEquals(ref.get("param_bytes").asDouble(), (double) g.paramBytes(), "param bytes");
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode r = nodes.get(i);
            GraphNode n = g.node(i);
            String at = net + "/" + dev + " node " + i + " ";
            assertEquals(r.get("name").asText(), n.name(), at + "name");
            assertEquals(r.get("type").asText(), n.type(), at + "type");
            assertEquals(r.get("backward").asBoolean(), n.backward(), at + "backward");
            assertEquals(longs(r.get("out_shape")), n.outShape(), at + "shape");
            assertEquals(r.get("flop").asDouble(), n.flop(), at + "flop");
            assertEquals(r.get("param_count").asDouble(), n.paramCount(), at + "params");
            assertEquals(ints(r.get("deps")), n.deps(), at + "deps");
            close(r, "runtime_s", n.runtimeS(), at);
            close(r, "ram_bytes", n.ramBytes(), at);
            close(r, "compute_j", n.computeJ(), at);
            close(r, "pagein_j", n.pageInJ(), at);
            close(r, "pageout_j", n.pageOutJ(), at);
        }
    }

    @Test
    void forwardLayersAreTheFirstHalfOfTheGraph() throws InputException {
        Network net = Catalog.network("resnet18_cifar");
        TrainingGraph g = Catalog.build("resnet18_cifar", DeviceFiles.builtIn("m4"));
        assertEquals(2 * net.size() - 1, g.size());
        ForwardNode add = net.layer(11);
        assertEquals("layer11_SkipAddLayer", add.name());
        assertEquals(List.of(8, 10), add.inputs());
        assertTrue(net.layer(net.size() - 1).layer() instanceof CrossEntropyLoss);
    }

    private static void close(JsonNode r, String field, double actual, String at) {
        double expected = r.get(field).asDouble();
        double tol = REL * Math.max(Math.abs(expected), Math.abs(actual));
        assertEquals(expected, actual, tol, at + field);
    }

    private static List<Long> longs(JsonNode arr) {
        List<Long> out = new ArrayList<>();
        arr.forEach(v -> out.add(v.asLong()));
        return out;
    }

    private static List<Integer> ints(JsonNode arr) {
        List<Integer> out = new ArrayList<>();
        arr.forEach(v -> out.add(v.asInt()));
        return out;
    }
}

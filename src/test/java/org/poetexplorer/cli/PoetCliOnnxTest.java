package org.poetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poetexplorer.cli.PoetRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.io.onnx.OnnxFixture;

/** ONNX models on the command line: the batch and the unsupported-operator choice are the user's. */
class PoetCliOnnxTest {
    @TempDir
    Path dir;

    /** x -> Gemm(784 -> 10) -> Relu -> Gemm(10 -> 10), the model's batch left open. */
    private Path mlp(String file, boolean withElu) throws Exception {
        OnnxFixture f = new OnnxFixture("tiny").input("x", -1, 784).weights("w1", 10, 784).weights("b1", 10)
                .node("Gemm", OnnxFixture.in("x", "w1", "b1"), "h1", "transB", 1L)
                .node("Relu", OnnxFixture.in("h1"), "r1");
        if (withElu) {
            f.node("Elu", OnnxFixture.in("r1"), "e1").valueInfo("e1", 1, 10);
        }
        return f.weights("w2", 10, 10).weights("b2", 10)
                .node("Gemm", OnnxFixture.in(withElu ? "e1" : "r1", "w2", "b2"), "y", "transB", 1L)
                .output("y", -1, 10).write(dir, file);
    }

    private static JsonNode solve(Path model, String... extra) throws Exception {
        String[] base = {"solve", "--network", model.toString(), "--device", "m0", "--ram", "1MB", "--runtime", "1.5",
            "--threads", "1", "--json"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        String[] r = run(args);
        assertEquals("0", r[0], r[2]);
        return new ObjectMapper().readTree(r[1]);
    }

    @Test
    void theBatchChosenAtImportScalesTheCosts() throws Exception {
        Path model = mlp("mlp.onnx", false);
        JsonNode one = solve(model);
        JsonNode four = solve(model, "--batch", "4");
        assertEquals(one.get("nodes").asInt(), four.get("nodes").asInt());
        assertEquals("OPTIMAL", four.get("status").asText());
        assertTrue(four.get("plainPeakRamBytes").asLong() > one.get("plainPeakRamBytes").asLong());
        assertTrue(four.get("plainEnergyJ").asDouble() > one.get("plainEnergyJ").asDouble());
    }

    @Test
    void unsupportedOperatorsFailByDefaultAndAreEstimatedOnRequest() throws Exception {
        Path model = mlp("elu.onnx", true);
        String[] refused = run("solve", "--network", model.toString(), "--device", "m0", "--ram", "1MB", "--runtime",
                "1.5");
        assertEquals("2", refused[0]);
        assertTrue(refused[2].contains("unsupported operators: Elu x1"), refused[2]);
        assertEquals(1, refused[2].strip().lines().count(), refused[2]);

        JsonNode estimated = solve(model, "--estimate-unsupported");
        assertEquals("OPTIMAL", estimated.get("status").asText());
    }

    /** A window or an axis that cannot be is bad input (exit 2, the node named), not an internal error. */
    @Test
    void impossibleWindowsAndAxesAreBadInput() throws Exception {
        Path stride = new OnnxFixture("s").input("x", 1, 2, 8, 8).weights("w", 4, 2, 3, 3)
                .node("Conv", OnnxFixture.in("x", "w"), "y", "strides", new long[] {0, 0}).output("y", 1, 4, 6, 6)
                .write(dir, "stride0.onnx");
        String[] r = run("solve", "--network", stride.toString(), "--device", "m0", "--ram", "1MB", "--runtime", "1.5");
        assertEquals("2", r[0], r[2]);
        assertEquals("poet solve: " + stride + ": node 'conv_0' (Conv): strides [0, 0] must be >= 1", r[2].strip());

        Path softmax = new OnnxFixture("sm").input("x", 1, 10).node("Softmax", OnnxFixture.in("x"), "y", "axis", 5L)
                .output("y", 1, 10).write(dir, "softmax.onnx");
        r = run("solve", "--network", softmax.toString(), "--device", "m0", "--ram", "1MB", "--runtime", "1.5");
        assertEquals("2", r[0], r[2]);
        assertEquals("poet solve: " + softmax + ": node 'softmax_0' (Softmax): axis 5 is outside a rank-2 input",
                r[2].strip());
    }

    /** A model exported for inference lacks its BatchNorm layers: the solve says so, on one line of stderr. */
    @Test
    void aModelExportedForInferenceIsReported() throws Exception {
        Path eval = Path.of(getClass().getResource("/org/poetexplorer/onnx/resnet_basic.classic.onnx").toURI());
        String[] r = run("solve", "--network", eval.toString(), "--device", "a72", "--ram", "10MB", "--runtime", "1.5",
                "--threads", "1", "--json");
        assertEquals("0", r[0], r[2]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(r[2].startsWith("poet solve: warning: " + eval + ": 6 of 6 convolutions have a BatchNormalization"
                + " folded into them"), r[2]);
        assertEquals(37, new ObjectMapper().readTree(r[1]).get("nodes").asInt());

        Path train = Path.of(getClass().getResource("/org/poetexplorer/onnx/resnet_basic.classic.train.onnx").toURI());
        r = run("solve", "--network", train.toString(), "--device", "a72", "--ram", "10MB", "--runtime", "1.5",
                "--threads", "1", "--json");
        assertEquals("0", r[0], r[2]);
        assertEquals("", r[2]);
        assertEquals(49, new ObjectMapper().readTree(r[1]).get("nodes").asInt(), "its 6 BatchNorm layers and their gradients");
    }

    @Test
    void onnxChoicesOnAnythingButAnOnnxModelAreRefusedByName() {
        String[] r = run("solve", "--network", "linear", "--device", "m0", "--ram", "1MB", "--runtime", "1.5",
                "--batch", "4");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--batch") && r[2].contains("ONNX models only"), r[2]);
    }
}

package org.poetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.ReferenceData;

/** Every kind of bad input of issue 2 ends with exit code 2 and one line naming what is wrong; no solve starts. */
class PoetCliInputTest {
    private static final String NET = """
            {"model": "small", "nodes": [
              {"name": "in", "type": "InputLayer", "out_shape": [1, 4], "flop": 0, "deps": []},
              {"name": "relu", "type": "ReLULayer", "out_shape": [1, 4], "flop": 4, "deps": [0]},
              {"name": "loss", "type": "CrossEntropyLoss", "out_shape": [2], "flop": 8, "deps": [1]}
            ]}
            """;

    private static final String DEVICE = """
            {"format": "poet-device/1", "id": "board", "flops": 1e6, "flopsPerJoule": 1e7,
             "pageInLatency": 1e-4, "pageInThroughput": 4e6, "pageOutLatency": 1e-4,
             "pageOutThroughput": 4e6, "memoryPower": 0.3, "bytesPerElement": 4}
            """;

    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
    }

    static Outcome poet(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PoetCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static void refused(Outcome o, String... mentions) {
        assertEquals(PoetCli.BAD_INPUT, o.code(), o.err());
        String err = o.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        for (String m : mentions) {
            assertTrue(err.contains(m), "mentions " + m + ": " + err);
        }
        assertEquals("", o.out());
    }

    private Outcome solveFile(String json, String... extra) throws IOException {
        Path f = dir.resolve("net.json");
        Files.writeString(f, json);
        String[] base = {"solve", "--network", f.toString(), "--device", "m0", "--ram", "1MB", "--runtime", "1.5"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return poet(args);
    }

    private Outcome solveWithDevice(String deviceJson) throws IOException {
        Path f = dir.resolve("dev.json");
        Files.writeString(f, deviceJson);
        return poet("solve", "--network", "linear", "--device", f.toString(), "--ram", "1MB", "--runtime", "1.5");
    }

    private static Outcome solve(String ram, String runtime, String... extra) {
        String[] base = {"solve", "--network", "linear", "--device", "m0", "--ram", ram, "--runtime", runtime};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return poet(args);
    }

    @Test
    void withoutArgumentsItPrintsUsage() {
        Outcome o = poet();
        assertEquals(PoetCli.OK, o.code());
        assertTrue(o.out().contains("Usage: poet"), o.out());
        assertTrue(o.out().contains("solve") && o.out().contains("bench"), o.out());
    }

    @Test
    void unknownNetworkListsTheCatalog() {
        refused(poet("solve", "--network", "alexnet", "--device", "m0", "--ram", "1MB", "--runtime", "1.5"),
                "--network", "\"alexnet\"", "linear, vgg16, vgg16_cifar, resnet18, resnet18_cifar, resnet50, "
                        + "transformer, bert");
    }

    @Test
    void unknownDeviceListsTheBuiltIns() {
        refused(poet("solve", "--network", "linear", "--device", "tx2", "--ram", "1MB", "--runtime", "1.5"),
                "--device", "\"tx2\"", "m0, m4, a72, a72nocache");
    }

    @Test
    void catalogNetworkNeedsADevice() {
        refused(poet("solve", "--network", "linear", "--ram", "1MB", "--runtime", "1.5"), "--device", "linear");
    }

    @Test
    void missingFilesAreNamed() {
        refused(poet("solve", "--network", dir.resolve("none.json").toString(), "--ram", "1MB", "--runtime", "1"),
                "none.json", "no such file");
        refused(poet("solve", "--network", "linear", "--device", dir.resolve("d.json").toString(), "--ram", "1MB",
                "--runtime", "1"), "d.json", "no such file");
    }

    @Test
    void malformedJsonIsNamedWithItsPosition() throws IOException {
        refused(solveFile("{\"nodes\": [\n  {\"type\": }\n]}"), "net.json", "not valid JSON", "line 2");
        refused(solveWithDevice("{\"flops\": 1e6,\n \"id\": \"x\"\n \"name\": 3}"), "dev.json", "not valid JSON",
                "line 3");
    }

    @Test
    void missingAndMistypedFieldsAreNamed() throws IOException {
        refused(solveFile(NET.replace("\"type\": \"ReLULayer\", ", "")), "net.json", "nodes[1].type", "missing");
        refused(solveFile(NET.replace("\"flop\": 4", "\"flop\": \"four\"")), "nodes[1].flop", "\"four\"");
        refused(solveFile(NET.replace("\"deps\": [0]", "\"deps\": \"0\"")), "nodes[1].deps", "\"0\"");
        refused(solveWithDevice(DEVICE.replace("\"memoryPower\": 0.3", "\"memoryPower\": \"0.3\"")), "dev.json",
                "memoryPower", "must be a number");
    }

    @Test
    void profileMissingFiguresNamesThemAll() {
        refused(poet("solve", "--network", "linear", "--device",
                "src/test/resources/profiles/jetson-tx2-incomplete.json", "--ram", "1MB", "--runtime", "1.5"),
                "jetson-tx2-incomplete.json", "flops, flopsPerJoule", "missing");
    }

    @Test
    void negativeZeroAndNaNNumbersInFilesAreNamed() throws IOException {
        refused(solveFile(NET.replace("\"flop\": 4", "\"flop\": -4")), "nodes[1].flop", "-4");
        refused(solveFile(NET.replace("\"flop\": 4", "\"flop\": NaN")), "nodes[1].flop", "NaN");
        refused(solveFile(NET.replace("\"out_shape\": [2]", "\"out_shape\": [0]")), "nodes[2].out_shape[0]", "0");
        refused(solveWithDevice(DEVICE.replace("\"flops\": 1e6", "\"flops\": -1e6")), "flops", "-1000000.0");
        refused(solveWithDevice(DEVICE.replace("\"flopsPerJoule\": 1e7", "\"flopsPerJoule\": NaN")),
                "flopsPerJoule", "NaN");
    }

    @Test
    void zeroThroughputIsNamed() throws IOException {
        refused(solveWithDevice(DEVICE.replace("\"pageInThroughput\": 4e6", "\"pageInThroughput\": 0")),
                "dev.json", "pageInThroughput", "(was 0.0)");
        refused(solveWithDevice(DEVICE.replace("\"pageOutThroughput\": 4e6", "\"pageOutThroughput\": 0.0")),
                "pageOutThroughput", "(was 0.0)");
    }

    @Test
    void badBudgetsAndOptionsAreNamedWithTheirValue() {
        refused(solve("0", "1.5"), "--ram", "\"0\"");
        refused(solve("0MB", "1.5"), "--ram", "\"0MB\"");
        refused(solve("-5", "1.5"), "--ram", "-5");
        refused(solve("NaN", "1.5"), "--ram", "NaN");
        refused(solve("12 parsecs", "1.5"), "--ram", "parsecs");
        refused(solve("0%", "1.5"), "--ram", "\"0%\"", "above 0 %");
        refused(solve("120%", "1.5"), "--ram", "\"120%\"", "at most 100 %");
        refused(solve("lots%", "1.5"), "--ram", "\"lots%\"", "not a percentage");
        refused(solve("1MB", "0"), "--runtime", "(was 0)");
        refused(solve("1MB", "-1.5"), "--runtime", "(was -1.5)");
        refused(solve("1MB", "NaN"), "--runtime", "NaN");
        refused(solve("1MB", "fast"), "--runtime", "\"fast\"");
        refused(solve("1MB", "1.5", "--time-limit", "0"), "--time-limit", "(was 0)");
        refused(solve("1MB", "1.5", "--time-limit", "NaN"), "--time-limit", "NaN");
        refused(solve("1MB", "1.5", "--threads", "0"), "--threads", "(was 0)");
        refused(solve("1MB", "1.5", "--threads", "two"), "--threads", "\"two\"");
        refused(solve("1MB", "1.5", "--solver", "cbc"), "--solver", "\"cbc\"");
    }

    @Test
    void missingAndUnknownOptionsAreNamed() {
        refused(poet("solve", "--network", "linear", "--device", "m0", "--ram", "1MB"), "--runtime");
        refused(solve("1MB", "1.5", "--colour"), "--colour");
        refused(poet("solve", "--network", "linear", "--device", "m0", "--runtime", "1", "--ram"), "--ram");
    }

    @Test
    void graphStructureErrorsAreNamed() throws IOException {
        refused(solveFile(NET.replace("\"deps\": []", "\"deps\": [2]")), "nodes[0].deps", "cycle");
        refused(solveFile(NET.replace("\"deps\": [1]", "\"deps\": [7]")), "nodes[2].deps", "unknown node 7");
        refused(solveFile(NET.replace("\"deps\": [0]", "\"deps\": []")
                .replace("\"flop\": 0, \"deps\": []", "\"flop\": 0, \"deps\": [1]")), "nodes[0].deps",
                "later node 1");
        refused(solveFile(NET.replace("\"name\": \"relu\"", "\"name\": \"in\"")), "nodes[1].name",
                "duplicate node name \"in\"");
    }

    @Test
    void networkFileWithoutCostsNeedsADevice() throws IOException {
        Path f = dir.resolve("bare.json");
        Files.writeString(f, NET);
        refused(poet("solve", "--network", f.toString(), "--ram", "1MB", "--runtime", "1.5"), "bare.json",
                "nodes[0]", "device");
    }

    @Test
    void benchRefusesABadCasesFile() throws IOException {
        refused(poet("bench", "--cases", dir.resolve("none.json").toString()), "--cases", "none.json");
        Path cases = dir.resolve("cases.json");
        Files.writeString(cases, "{\"cases\": [{\"id\": \"a\", \"graph\": \"" + ReferenceData.copy("linear", "m0", dir)
                + "\", \"ramBudgetBytes\": -1, \"runtimeBudgetRatio\": 1.2, \"status\": \"OPTIMAL\"}]}");
        refused(poet("bench", "--cases", cases.toString()), "cases.json", "cases[0].ramBudgetBytes", "-1");
        refused(poet("bench", "--cases", cases.toString(), "--repeat", "0"), "--repeat", "(was 0)");
    }

    @Test
    void deviceFiguresThatMakeCostsInfiniteAreNamed() throws IOException {
        for (String field : new String[] {"flops", "flopsPerJoule", "pageInThroughput", "pageOutThroughput"}) {
            String tiny = DEVICE.replaceAll("\"" + field + "\": [0-9e.]+", "\"" + field + "\": 1e-320");
            refused(solveWithDevice(tiny), "dev.json: " + field + ": 1.0E-320 is too small", "Infinity",
                    "(on linear)");
        }
        refused(solveWithDevice(DEVICE.replace("\"memoryPower\": 0.3", "\"memoryPower\": 0.3, \"power\": NaN")),
                "dev.json: power", "NaN");
    }

    private static final String COSTED = """
            {"model": "huge", "nodes": [
              {"name": "in", "type": "InputLayer", "out_shape": [1], "flop": 0, "deps": [],
               "runtime_s": 1, "ram_bytes": RAM, "compute_j": 1, "pagein_j": 1, "pageout_j": 1},
              {"name": "a", "type": "ReLULayer", "out_shape": [1], "flop": 1, "deps": [0],
               "runtime_s": RUNTIME, "ram_bytes": RAM, "compute_j": ENERGY, "pagein_j": 1, "pageout_j": 1},
              {"name": "b", "type": "ReLULayer", "out_shape": [1], "flop": 1, "deps": [1],
               "runtime_s": 1, "ram_bytes": RAM, "compute_j": 1, "pagein_j": 1, "pageout_j": 1},
              {"name": "loss", "type": "CrossEntropyLoss", "out_shape": [1], "flop": 1, "deps": [2],
               "runtime_s": 1, "ram_bytes": RAM, "compute_j": 1, "pagein_j": 1, "pageout_j": 1}
            ]}
            """;

    private Outcome solveCosted(String ram, String runtime, String energy, String... extra) throws IOException {
        return solveCostedWithin("1000000000000000000", ram, runtime, energy, extra);
    }

    private Outcome solveCostedWithin(String budget, String ram, String runtime, String energy, String... extra)
            throws IOException {
        Path f = dir.resolve("huge.json");
        Files.writeString(f, COSTED.replace("RAM", ram).replace("RUNTIME", runtime).replace("ENERGY", energy));
        String[] base = {"solve", "--network", f.toString(), "--ram", budget, "--runtime", "1.5",
            "--threads", "1", "--time-limit", "10"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return poet(args);
    }

    @Test
    void totalsThatDoNotFitANumberAreRefusedAtLoad() throws IOException {
        refused(solveCosted("2e18", "1", "1"), "huge.json: nodes: the outputs need more than "
                + "4,611,686,018,427,387,904 bytes together", "nodes[0] with 2,000,000,000,000,000,000 bytes");
        refused(solveCosted("4", "1", "1e308"), "huge.json: nodes: the energies of a schedule over 4 stages would add "
                + "up past the largest number", "nodes[1] with 1.0E308 J to compute");
        refused(solveCosted("4", "1e308", "1"), "huge.json: nodes: the times", "nodes[1] with 1.0E308 s to compute");
    }

    @Test
    void aScheduleOfHugeFiguresTheToolWritesPassesCheck() throws IOException {
        Path schedule = dir.resolve("s.json");
        Outcome solved = solveCostedWithin("3000000000000000000", "1e18", "1", "1", "--schedule-out",
                schedule.toString());
        assertEquals(PoetCli.OK, solved.code(), solved.err());
        Outcome checked = poet("check", schedule.toString());
        assertEquals(CheckCommand.VALID, checked.code(), checked.out() + checked.err());
    }

    /** picocli formats descriptions: a bare % once made it print its own warnings and the raw text. */
    @Test
    void everyCommandsHelpIsFormattedWithoutWarnings() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream picocliErr = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(picocliErr, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : List.of("solve", "check", "show", "sweep", "bench", "generate", "export-mps")) {
                Outcome help = poet(command, "--help");
                assertEquals(PoetCli.OK, help.code(), command + ": " + help.err());
                assertFalse(help.err().contains("WARN"), command + ": " + help.err());
            }
        } finally {
            System.setErr(stderr);
        }
        String warnings = picocliErr.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(warnings.contains("WARN"), warnings);
        assertTrue(poet("solve", "--help").out().contains("plain peak (80%)"), "the share written as users type it");
        assertTrue(poet("sweep", "--help").out().contains("60%:100%:9"), "the shares written as users type them");
    }

    @Test
    void helpCarriesNoEscapeSequencesEvenOnATerminal() {
        String before = System.getProperty("picocli.ansi");
        System.setProperty("picocli.ansi", "true"); // what picocli assumes of a terminal
        try {
            Outcome help = poet("solve", "--help");
            assertEquals(PoetCli.OK, help.code(), help.err());
            assertTrue(help.out().contains("--schedule-out"), help.out());
            assertFalse(help.out().contains("\u001b") || help.out().contains("\\u001b"), help.out());
        } finally {
            if (before == null) {
                System.clearProperty("picocli.ansi");
            } else {
                System.setProperty("picocli.ansi", before);
            }
        }
    }
}

package org.poetexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.model.Device;

class DeviceFilesTest {
    private static final String A72 = """
            {"format":"poet-device/1","id":"pi","name":"Pi","flops":2e9,"flopsPerJoule":4.0e7,
             "pageInLatency":5e-6,"pageInThroughput":45.5e6,"pageOutLatency":1.8e-5,
             "pageOutThroughput":24.5e6,"memoryPower":0.15,"bytesPerElement":4,"power":3.0,"source":"test"}
            """;

    @Test
    void builtInProfilesCarryTheReferenceFigures() throws InputException {
        assertEquals(List.of("m0", "m4", "a72", "a72nocache"), DeviceFiles.builtInIds());
        Device m0 = DeviceFiles.builtIn("m0");
        assertEquals(2000 / 0.012, m0.flops());
        assertEquals(2000 / (0.012 * 0.020 * 3.3), m0.flopsPerJoule());
        assertEquals(0.33, m0.memoryPower(), 1e-15);
        Device m4 = DeviceFiles.builtIn("m4");
        assertEquals((16283 * 100 * 1000) / 255.6237, m4.flops());
        Device a72 = DeviceFiles.builtIn("A72");
        assertEquals("a72", a72.id());
        assertEquals(2e9, a72.flops());
        Device noCache = DeviceFiles.builtIn("a72nocache");
        assertEquals(17.1e6, noCache.pageOutThroughput());
        assertEquals(a72.pageInThroughput(), noCache.pageInThroughput());
        for (String id : DeviceFiles.builtInIds()) {
            Device d = DeviceFiles.builtIn(id);
            assertEquals(4, d.bytesPerElement());
            assertTrue(d.source().contains("flops ="), id + " says where its figures come from");
        }
    }

    @Test
    void sampleProfileFilesReadAsTheBuiltIns() throws InputException {
        for (String id : DeviceFiles.builtInIds()) {
            assertEquals(DeviceFiles.builtIn(id), DeviceFiles.read(Path.of("sample-profiles", id + ".json")));
        }
    }

    @Test
    void unknownBuiltInListsTheKnownOnes() {
        InputException e = assertThrows(InputException.class, () -> DeviceFiles.builtIn("tx2"));
        assertTrue(e.getMessage().contains("\"tx2\""), e.getMessage());
        assertTrue(e.getMessage().contains("m0, m4, a72, a72nocache"), e.getMessage());
    }

    @Test
    void profileWithoutComputeFiguresIsRefusedNamingThemAll() {
        InputException e = assertThrows(InputException.class,
                () -> DeviceFiles.read(Path.of("src/test/resources/profiles/jetson-tx2-incomplete.json")));
        assertEquals("flops, flopsPerJoule", e.field());
        assertTrue(e.getMessage().startsWith("src/test/resources/profiles/jetson-tx2-incomplete.json: "
                + "flops, flopsPerJoule: missing"), e.getMessage());
    }

    @Test
    void badFiguresAreNamedWithTheirValues() {
        assertRefused(A72.replace("\"pageInThroughput\":45.5e6", "\"pageInThroughput\":0"),
                "pageInThroughput", "(was 0.0)");
        assertRefused(A72.replace("\"flops\":2e9", "\"flops\":-5"), "flops", "(was -5.0)");
        assertRefused(A72.replace("\"flopsPerJoule\":4.0e7", "\"flopsPerJoule\":NaN"), "flopsPerJoule", "(was NaN)");
        assertRefused(A72.replace("\"pageOutLatency\":1.8e-5", "\"pageOutLatency\":-1"), "pageOutLatency",
                "(was -1.0)");
        assertRefused(A72.replace("\"memoryPower\":0.15", "\"memoryPower\":\"low\""), "memoryPower",
                "must be a number (was \"low\")");
        assertRefused(A72.replace("\"bytesPerElement\":4", "\"bytesPerElement\":2.5"), "bytesPerElement",
                "(was 2.5)");
        assertRefused(A72.replace("\"format\":\"poet-device/1\"", "\"format\":\"other/2\""), "format",
                "\"other/2\"");
        assertRefused(A72.replace("\"id\":\"pi\"", "\"id\":7"), "id", "must be a string (was 7)");
    }

    @Test
    void everyBadFigureIsReportedInOneLine() {
        InputException e = assertThrows(InputException.class, () -> DeviceFiles.parse(
                A72.replace("\"pageInThroughput\":45.5e6", "\"pageInThroughput\":0")
                        .replace("\"pageOutThroughput\":24.5e6", "\"pageOutThroughput\":-3"), "p.json"));
        assertEquals("pageInThroughput", e.field());
        assertTrue(e.getMessage().contains("pageOutThroughput: must be a positive finite number (was -3.0)"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        InputException e = assertThrows(InputException.class,
                () -> DeviceFiles.parse("{\n  \"flops\": 2e9,\n  \"id\" \"x\"\n}", "broken.json"));
        assertTrue(e.getMessage().startsWith("broken.json: not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        InputException e = assertThrows(InputException.class, () -> DeviceFiles.read(Path.of("no/such/dev.json")));
        assertEquals("no/such/dev.json: no such file", e.getMessage());
    }

    @Test
    void profileWithoutIdTakesTheFileName(@TempDir Path dir) throws IOException, InputException {
        Path file = dir.resolve("my-board.json");
        Files.writeString(file, A72.replace("\"id\":\"pi\",", ""));
        assertEquals("my-board", DeviceFiles.read(file).id());
    }

    @Test
    void writtenProfileReadsBackEqualAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException, InputException {
        Device m4 = DeviceFiles.builtIn("m4");
        Path file = dir.resolve("m4-copy.json");
        Files.writeString(file, "old content");
        DeviceFiles.write(m4, file);
        assertEquals(m4, DeviceFiles.read(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void writingIntoAMissingFolderFailsAndSaysWhy(@TempDir Path dir) throws InputException {
        Device m0 = DeviceFiles.builtIn("m0");
        IOException e = assertThrows(IOException.class, () -> DeviceFiles.write(m0, dir.resolve("nope/m0.json")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    private static void assertRefused(String json, String field, String detail) {
        InputException e = assertThrows(InputException.class, () -> DeviceFiles.parse(json, "p.json"));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith("p.json: " + field + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }
}

package org.poetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poetexplorer.cli.PoetRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code poet generate}: reproducible files that open wherever a network file does. */
class GenerateCommandTest {

    @Test
    void theSameSeedWritesTheSameBytesAndTheFileSolvesAsANetwork(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        String[] first = run("generate", "--nodes", "40", "--width", "0.3", "--seed", "9", a.toString());
        assertEquals("0", first[0], first[2]);
        assertEquals("0", run("generate", "--nodes", "40", "--width", "0.3", "--seed", "9", b.toString())[0]);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        JsonNode g = new ObjectMapper().readTree(a.toFile());
        assertEquals(40, g.get("nodes").size());
        assertTrue(first[1].contains("40 nodes, " + g.get("links").size() + " edges"), first[1]);
        String[] solved = run("solve", "--network", a.toString(), "--device", "a72", "--time-unit", "10us",
                "--ram", "1GB", "--runtime", "1", "--no-paging", "--json");
        assertEquals("0", solved[0], solved[2]);
        JsonNode o = new ObjectMapper().readTree(solved[1]);
        assertEquals(40, o.get("nodes").asInt());
        assertEquals("OPTIMAL", o.get("status").asText());
    }

    @Test
    void anotherSeedWritesAnotherGraph(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        run("generate", "--nodes", "40", "--seed", "1", a.toString());
        run("generate", "--nodes", "40", "--seed", "2", b.toString());
        assertFalse(Files.readString(a).equals(Files.readString(b)));
    }

    @Test
    void aParameterOutOfRangeIsRefusedNamingItsOptionAndNothingIsWritten(@TempDir Path dir) {
        Path out = dir.resolve("g.json");
        String[] r = run("generate", "--nodes", "50", "--width", "1.5", out.toString());
        assertEquals("2", r[0]);
        assertEquals("poet generate: --width: must be between 0 and 1, both excluded (was 1.5)", r[2].trim());
        assertFalse(Files.exists(out));
        String[] unit = run("solve", "--network", "linear", "--device", "m0", "--time-unit", "fast", "--ram", "1MB",
                "--runtime", "1");
        assertEquals("2", unit[0]);
        assertTrue(unit[2].startsWith("poet solve: --time-unit: \"fast\" is not a positive duration"), unit[2]);
    }
}

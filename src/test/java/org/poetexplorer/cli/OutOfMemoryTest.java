package org.poetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.Main;

/** Memory running out ends the command with one line saying what to do, never a stack trace. */
class OutOfMemoryTest {
    @TempDir
    Path dir;

    @Test
    void aNetworkFileTooLargeForTheMemoryGivenEndsInOneLine() throws Exception {
        // within the size limit of a JSON file, but more than the whole memory given to the program below
        byte[] text = new byte[32 << 20];
        java.util.Arrays.fill(text, (byte) ' ');
        text[0] = '{';
        text[text.length - 1] = '}';
        Path net = Files.write(dir.resolve("wide.json"), text);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx24m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "solve", "--network", net.toString(),
                "--ram", "1MB", "--device", "m0", "--runtime", "1.5", "--threads", "1", "--time-limit", "20"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), err);
        assertFalse(err.contains("\n"), "one line: " + err);
        assertTrue(err.startsWith("poet solve: out of memory: the input is too large for the "), err);
        assertTrue(err.contains("-Xmx"), err);
    }
}

package org.poetexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input files are regular files within the size and node limits; what breaks them is named with the limit. */
class InputLimitsTest {
    @TempDir
    Path dir;

    @Test
    void aFifoIsRefusedWithoutWaitingForSomethingToRead() throws Exception {
        Path fifo = dir.resolve("net.json");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        InputException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(InputException.class, () -> NetworkFiles.read(fifo, null)));
        assertEquals(fifo + ": is not a regular file (a device, FIFO or socket), so it is not read", e.getMessage());
        e = assertThrows(InputException.class, () -> DeviceFiles.read(Path.of("/dev/zero")));
        assertTrue(e.getMessage().startsWith("/dev/zero: is not a regular file"), e.getMessage());
        e = assertThrows(InputException.class, () -> ScheduleFiles.read(dir));
        assertEquals(dir + ": is a folder, not a file", e.getMessage());
    }

    @Test
    void aJsonFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws IOException {
        Path big = dir.resolve("session.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(InputLimits.MAX_JSON_BYTES + 1); // sparse: no disk used
        }
        InputException e = assertThrows(InputException.class, () -> SessionFiles.read(big));
        assertEquals(big + ": the file is 64.0 MiB, more than the limit of 64.0 MiB for a JSON file", e.getMessage());
    }

    @Test
    void aGraphOverTheNodeLimitIsRefusedByItsCount() throws IOException {
        StringBuilder json = new StringBuilder("{\"nodes\": [");
        for (int i = 0; i <= InputLimits.MAX_GRAPH_NODES; i++) {
            json.append(i == 0 ? "" : ",").append("{\"type\": \"ReLULayer\", \"out_shape\": [1], \"flop\": 1, \"deps\": [")
                    .append(i == 0 ? "" : String.valueOf(i - 1)).append("], \"runtime_s\": 1, \"ram_bytes\": 4, "
                            + "\"compute_j\": 1, \"pagein_j\": 1, \"pageout_j\": 1}");
        }
        String text = json.append("]}").toString();
        InputException e = assertThrows(InputException.class, () -> NetworkFiles.parse(text, "chain.json", null));
        assertEquals("chain.json: nodes: 10,001 nodes, more than the limit of 10,000 training-graph nodes",
                e.getMessage());
    }

    @Test
    void aNodeLinkGraphOverTheNodeLimitIsRefusedBeforeItIsBuilt() {
        StringBuilder nodes = new StringBuilder();
        StringBuilder links = new StringBuilder();
        for (int i = 0; i <= InputLimits.MAX_GRAPH_NODES; i++) {
            nodes.append(i == 0 ? "" : ",").append("{\"id\": ").append(i).append(", \"cost_cpu\": 1, \"cost_ram\": 4}");
            if (i > 0) {
                links.append(i == 1 ? "" : ",").append("{\"source\": ").append(i - 1).append(", \"target\": ").append(i)
                        .append('}');
            }
        }
        String text = "{\"nodes\": [" + nodes + "], \"links\": [" + links + "]}";
        InputException e = assertThrows(InputException.class,
                () -> NetworkFiles.parse(text, "layered.json", DeviceFiles.builtIn("m4")));
        assertEquals("layered.json: nodes: 10,001 nodes, more than the limit of 10,000 training-graph nodes",
                e.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8AreNamedByTheirOffset() throws IOException {
        Path f = dir.resolve("dev.json");
        byte[] head = "{\"id\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xff;
        bytes[head.length + 1] = '"';
        bytes[head.length + 2] = '}';
        Files.write(f, bytes);
        InputException e = assertThrows(InputException.class, () -> DeviceFiles.read(f));
        assertEquals(f + ": not UTF-8 text: byte 0xFF at byte offset 8 (counted from 0) does not belong there",
                e.getMessage());
    }
}

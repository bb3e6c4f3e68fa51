package org.poetexplorer.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * The limits on what is read, each one constant in this one place (the README's "Limits"
 * section states them). Input files must be regular files: a folder, device, FIFO or socket
 * is refused before anything is read from it. ONNX models keep their own limits (their
 * reader's).
 */
public final class InputLimits {
    /** The largest JSON file read: network, device profile, schedule, session, bench cases. */
    public static final long MAX_JSON_BYTES = 64L << 20;
    /**
     * The most nodes (forward and backward) of a training graph read from a file or imported
     * from a model: what a solve holds in a 2 GB heap with room to spare, within its time limit
     * (measured figures in README, "Limits": at 20,000 nodes a solve took 1.9 to 2.1 GB).
     */
    public static final int MAX_GRAPH_NODES = 10_000;

    private InputLimits() {
    }

    /** Why {@code file} cannot be read as an input file, or null when it is a regular file. */
    static String notAFile(Path file) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return "no such file";
        }
        if (a.isDirectory()) {
            return "is a folder, not a file";
        }
        return a.isRegularFile() ? null : "is not a regular file (a device, FIFO or socket), so it is not read";
    }

    /** @throws InputException naming the file when it is no regular file (nothing is read from it) */
    public static void requireFile(Path file) throws InputException {
        String why = notAFile(file);
        if (why != null) {
            throw new InputException(file.toString(), "", why);
        }
    }

    /** @throws InputException naming the source, the field and the limit when a graph has too many nodes */
    public static void requireGraphNodes(String source, String field, long nodes) throws InputException {
        if (nodes > MAX_GRAPH_NODES) {
            throw new InputException(source, field, String.format(Locale.ROOT,
                    "%,d nodes, more than the limit of %,d training-graph nodes", nodes, MAX_GRAPH_NODES));
        }
    }

    /**
     * What to say when memory runs out (an input too large for the memory Java was given), in
     * one line, with how to give it more.
     */
    public static String outOfMemory() {
        return "out of memory: the input is too large for the " + mib(Runtime.getRuntime().maxMemory())
                + " Java was given (give it more with -Xmx, e.g. java -Xmx8g -jar ..., or POET_JAVA_OPTS=-Xmx8g"
                + " for the runtime image; the limits are in the README)";
    }

    /** Bytes in MiB with one decimal, for messages. */
    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
}

package org.poetexplorer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.catalog.Catalog;
import org.poetexplorer.io.CaseFile;
import org.poetexplorer.io.CaseFiles;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.NetworkFiles;
import org.poetexplorer.io.SolveCase;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.TrainingGraph;

/**
 * Test fixture: the graphs and solved cases exported from the reference implementation, read
 * from the class path. The cases and the graphs they name ship in the application (main
 * resources); the other graphs are test resources at the same path,
 * {@code org/poetexplorer/reference/graphs/<network>__<device>.json}: one graph for every
 * catalog network on every built-in device.
 */
public final class ReferenceData {
    /** The networks with reference graphs: the catalog's. */
    public static final List<String> NETWORKS = Catalog.names();
    /** The devices with reference graphs: the built-in profiles. */
    public static final List<String> DEVICES = DeviceFiles.builtInIds();
    private static final String GRAPHS = "/org/poetexplorer/reference/graphs/";

    /** A bundled reference case with its graph read. */
    public record Case(String id, TrainingGraph graph, Budget budget, boolean infeasible, boolean optimal,
            Double bestKnownJ) {
        @Override
        public String toString() {
            return id;
        }
    }

    private ReferenceData() {
    }

    public static String fileName(String network, String device) {
        return network + "__" + device + ".json";
    }

    /** The reference graph file of {@code network} on {@code device}, as text. */
    public static String text(String network, String device) {
        String resource = GRAPHS + fileName(network, device);
        try (InputStream in = ReferenceData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no reference graph " + resource + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference graph with the costs the file gives. */
    public static TrainingGraph graph(String network, String device) {
        return graph(network, device, null);
    }

    /** The reference graph with its costs computed for {@code costedOn} (null: as the file gives them). */
    public static TrainingGraph graph(String network, String device, Device costedOn) {
        try {
            return NetworkFiles.parse(text(network, device), fileName(network, device), costedOn);
        } catch (InputException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Writes the reference graph file into {@code dir}, for what takes a path (the command line, the app). */
    public static Path copy(String network, String device, Path dir) {
        Path file = dir.resolve(fileName(network, device));
        try {
            Files.writeString(file, text(network, device));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The reference cases the application bundles, read as {@code poet bench} reads them. */
    public static List<Case> cases() {
        CaseFile file = CaseFiles.bundled();
        List<Case> out = new ArrayList<>();
        for (SolveCase c : file.cases()) {
            try {
                out.add(new Case(c.id(), file.graph(c), c.budget(), c.expectsInfeasible(),
                        c.expectedStatus().equals("OPTIMAL"), c.bestKnownJ()));
            } catch (InputException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return out;
    }

    public static Case byId(String id) {
        return cases().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no reference case " + id));
    }
}

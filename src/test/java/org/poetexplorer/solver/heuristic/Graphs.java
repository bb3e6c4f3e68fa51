package org.poetexplorer.solver.heuristic;

import java.nio.file.Path;
import java.util.List;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.NetworkFiles;
import org.poetexplorer.model.TrainingGraph;

/** The reference graphs of ../shared/reference/graphs, read as they are. */
public final class Graphs {
    public static final List<String> NETWORKS = List.of("linear", "vgg16", "vgg16_cifar", "resnet18", "resnet18_cifar",
            "resnet50", "transformer", "bert");

    private Graphs() {
    }

    public static Path shared() {
        return Path.of(System.getProperty("poet.shared", "../shared"));
    }

    public static TrainingGraph reference(String network, String device) {
        return read(shared().resolve("reference/graphs/" + network + "__" + device + ".json"));
    }

    public static TrainingGraph read(Path p) {
        try {
            return NetworkFiles.read(p, null);
        } catch (InputException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}

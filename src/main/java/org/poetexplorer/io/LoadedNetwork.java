package org.poetexplorer.io;

import java.util.List;
import org.poetexplorer.model.TrainingGraph;

/**
 * A network as loaded, with what its user should know about it: the warnings of an ONNX
 * import (a model exported for inference, whose BatchNormalization layers were folded away).
 */
public record LoadedNetwork(TrainingGraph graph, List<String> warnings) {
    public LoadedNetwork {
        warnings = List.copyOf(warnings);
    }
}

package org.poetexplorer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.NetworkFiles;
import org.poetexplorer.model.TrainingGraph;

/**
 * Turns the {@code --network NAME|FILE} and {@code --device NAME|FILE} options into a training
 * graph. {@link #FILES} reads a network file whose nodes carry their costs; resolving catalog
 * names and device profiles is plugged in where the catalog is available.
 */
@FunctionalInterface
public interface GraphResolver {

    /** @param device the --device value, or null when not given */
    TrainingGraph resolve(String network, String device) throws InputException;

    /** Network files only (costs as given in the file); no device profiles. */
    GraphResolver FILES = (network, device) -> {
        if (device != null) {
            throw new InputException("--device", "", "device profiles are not available in this build ("
                    + device + ")");
        }
        Path file = Path.of(network);
        if (!Files.exists(file)) {
            throw new InputException("--network", "", "no such network file \"" + network + "\"");
        }
        return NetworkFiles.read(file, null);
    };
}

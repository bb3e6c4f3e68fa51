package org.poetexplorer.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.poetexplorer.catalog.Catalog;
import org.poetexplorer.io.onnx.ImportOptions;
import org.poetexplorer.io.onnx.OnnxImport;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.TrainingGraph;

/**
 * Where a network comes from: a network of the catalog, by name, or a network file (our JSON
 * or an ONNX model). The command line, session files and the app's picker all hold one;
 * {@link #toString()} is how the picker shows it.
 *
 * <p>How a name given by a person is read ({@link #parse}): a catalog name, in any case, is
 * the catalog network; anything else is the path of a file, which must exist. There is no
 * guessing from the look of the text: a file called like a catalog network is named with its
 * folder ({@code ./linear}).
 */
public sealed interface NetworkSource permits NetworkSource.CatalogNetwork, NetworkSource.NetworkFile {

    /** A network of the catalog: one of {@link Catalog#names()}, given in any case. */
    record CatalogNetwork(String name) implements NetworkSource {
        public CatalogNetwork {
            name = Sources.require(name, Catalog.names(), "catalog network");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A network file: JSON, or an ONNX model when its name ends in .onnx. */
    record NetworkFile(Path path) implements NetworkSource {
        @Override
        public String toString() {
            return Sources.shown(path);
        }
    }

    /**
     * A network named by a person: a catalog name, else an existing file (see above).
     *
     * @throws IllegalArgumentException when {@code text} is neither, naming the catalog's
     *     networks and saying that there is no such file
     */
    static NetworkSource parse(String text) {
        if (Sources.known(text, Catalog.names()) != null) {
            return new CatalogNetwork(text);
        }
        return new NetworkFile(Sources.existingFile(text, "a network of the catalog ("
                + String.join(", ", Catalog.names()) + ")", "a network file *.json or *.onnx"));
    }

    /** How reports and messages name it: the catalog name, or the path as given. */
    default String label() {
        return this instanceof NetworkFile f ? f.path().toString() : toString();
    }

    /** An ONNX model, imported with {@link ImportOptions}. */
    default boolean isOnnx() {
        return this instanceof NetworkFile f && OnnxImport.isOnnx(f.path());
    }

    /**
     * The training graph. A catalog network is costed on {@code device}, which it needs; a file
     * takes its costs from {@code device} when given, else from the file.
     *
     * @param onnx the choices for an ONNX import (ignored otherwise)
     * @throws InputException naming the file, the field and the value when the file is unusable
     */
    default TrainingGraph load(Device device, ImportOptions onnx) throws InputException {
        return loadWithWarnings(device, onnx).graph();
    }

    /** As {@link #load}, with what the user should know about the network (warnings of an ONNX import). */
    default LoadedNetwork loadWithWarnings(Device device, ImportOptions onnx) throws InputException {
        if (this instanceof NetworkFile f) {
            return NetworkFiles.load(f.path(), device, onnx);
        }
        Objects.requireNonNull(device, "a catalog network is costed on a device");
        return new LoadedNetwork(Catalog.build(((CatalogNetwork) this).name(), device), List.of());
    }
}

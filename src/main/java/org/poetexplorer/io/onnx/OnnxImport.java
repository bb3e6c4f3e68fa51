package org.poetexplorer.io.onnx;

import java.nio.file.Path;
import java.util.Locale;
import org.poetexplorer.catalog.Network;
import org.poetexplorer.catalog.TrainingGraphBuilder;
import org.poetexplorer.io.InputException;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.TrainingGraph;

/**
 * Imports an ONNX model (.onnx) as a training graph: its operators become forward layers with
 * the cost rules of docs/model.md and docs/file-formats.md ("ONNX import"), a cross-entropy loss
 * is added when the model has none, and the backward pass is built as for the catalog networks.
 */
public final class OnnxImport {

    private OnnxImport() {
    }

    /** Whether a file name says ONNX (ends in .onnx, any case). */
    public static boolean isOnnx(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".onnx");
    }

    /**
     * The training graph of an ONNX model, costed on {@code device}.
     *
     * @throws InputException naming the file and the reason: no device, a file too large, not
     *     ONNX, damaged or truncated, a graph too large, operators without a cost rule (all listed,
     *     with counts, unless {@code options} asks for estimates), or shapes that do not fit
     */
    public static TrainingGraph read(Path file, Device device, ImportOptions options) throws InputException {
        if (device == null) {
            throw new InputException(file.toString(), "", "an ONNX model carries no costs: choose a device to cost it for");
        }
        return TrainingGraphBuilder.build(network(file, options), device);
    }

    /** The forward layers of an ONNX model, ending in its loss. */
    public static Network network(Path file, ImportOptions options) throws InputException {
        OnnxModel model = OnnxReader.read(file);
        String name = model.graphName().isBlank() ? stem(file) : model.graphName();
        return OnnxTranslator.translate(file.toString(), name, model, options);
    }

    private static String stem(Path file) {
        Path f = file.getFileName();
        String s = f == null ? file.toString() : f.toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }
}

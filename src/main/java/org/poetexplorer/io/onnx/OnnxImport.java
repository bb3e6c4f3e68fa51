package org.poetexplorer.io.onnx;

import java.nio.file.Path;
import java.util.List;
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

    /**
     * An imported model: its training graph, and warnings about it a user should see (an
     * export for inference that folded its BatchNormalization layers away).
     */
    public record Imported(TrainingGraph graph, List<String> warnings) {
        public Imported {
            warnings = List.copyOf(warnings);
        }
    }

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
        return load(file, device, options).graph();
    }

    /** As {@link #read}, with the warnings about the model. */
    public static Imported load(Path file, Device device, ImportOptions options) throws InputException {
        if (device == null) {
            throw new InputException(file.toString(), "", "an ONNX model carries no costs: choose a device to cost it for");
        }
        OnnxTranslator.Result r = translate(file, options);
        return new Imported(TrainingGraphBuilder.build(r.network(), device), r.warnings());
    }

    /** The forward layers of an ONNX model, ending in its loss. */
    public static Network network(Path file, ImportOptions options) throws InputException {
        return translate(file, options).network();
    }

    private static OnnxTranslator.Result translate(Path file, ImportOptions options) throws InputException {
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

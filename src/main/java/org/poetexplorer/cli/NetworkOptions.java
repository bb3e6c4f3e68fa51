package org.poetexplorer.cli;

import java.nio.file.Path;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.NetworkFiles;
import org.poetexplorer.io.onnx.ImportOptions;
import org.poetexplorer.io.onnx.OnnxImport;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.TrainingGraph;
import picocli.CommandLine.Option;

/** The network and device options shared by the commands that solve or write a model. */
final class NetworkOptions {
    @Option(names = "--network", required = true, paramLabel = "NAME|FILE",
            description = "catalog network (linear, vgg16, vgg16_cifar, resnet18, resnet18_cifar, resnet50, "
                    + "transformer, bert) or a network file *.json or an ONNX model *.onnx")
    String network;

    @Option(names = "--device", paramLabel = "NAME|FILE",
            description = "built-in device (m0, m4, a72, a72nocache) or a profile file *.json; optional when "
                    + "the network file carries its costs")
    String device;

    @Option(names = "--batch", paramLabel = "N",
            description = "ONNX models: the batch size to cost them for (default: the model's own, else 1)")
    String batch;

    @Option(names = "--estimate-unsupported",
            description = "ONNX models: cost operators without a rule by the conservative estimate of "
                    + "docs/file-formats.md instead of refusing the model")
    boolean estimateUnsupported;

    /** The device, or null when none was given. */
    Device device() throws InputException {
        return device == null ? null : Inputs.device(device);
    }

    /** The network costed on {@code dev} (from {@link #device()}). */
    TrainingGraph graph(Device dev) throws InputException {
        boolean onnx = Inputs.looksLikeFile(network) && OnnxImport.isOnnx(Path.of(network));
        if (!onnx && (batch != null || estimateUnsupported)) {
            throw new InputException(batch != null ? "--batch" : "--estimate-unsupported", "",
                    "applies to ONNX models only (the network is \"" + network + "\")");
        }
        if (!onnx) {
            return Inputs.network(network, dev);
        }
        ImportOptions options = new ImportOptions(batch == null ? 0 : Inputs.count("--batch", batch),
                estimateUnsupported ? ImportOptions.Unsupported.ESTIMATE : ImportOptions.Unsupported.FAIL);
        return NetworkFiles.read(Path.of(network), dev, options);
    }
}

package org.poetexplorer.cli;

import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.DeviceSource;
import java.io.PrintWriter;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.LoadedNetwork;
import org.poetexplorer.io.NetworkSource;
import org.poetexplorer.io.onnx.ImportOptions;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.TrainingGraph;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The network and device options shared by the commands that solve or write a model. */
final class NetworkOptions {
    @Option(names = "--network", required = true, paramLabel = "NAME|FILE", converter = Converters.Network.class,
            description = "catalog network (linear, vgg16, vgg16_cifar, resnet18, resnet18_cifar, resnet50, "
                    + "transformer, bert), else the path of a network file *.json or an ONNX model *.onnx")
    NetworkSource network;

    @Option(names = "--device", paramLabel = "NAME|FILE", converter = Converters.DeviceProfile.class,
            description = "built-in device (m0, m4, a72, a72nocache), else the path of a profile file *.json; "
                    + "optional when the network file carries its costs")
    DeviceSource device;

    @Option(names = "--batch", paramLabel = "N", converter = Converters.Count.class,
            description = "ONNX models: the batch size to cost them for (default: the model's own, else 1)")
    Integer batch;

    @Option(names = "--estimate-unsupported",
            description = "ONNX models: cost operators without a rule by the conservative estimate of "
                    + "docs/file-formats.md instead of refusing the model")
    boolean estimateUnsupported;

    @Option(names = "--time-unit", paramLabel = "DURATION", converter = Converters.Duration.class,
            description = "node-link graphs (Checkmate, Moccasin, poet generate): how long one runtime unit "
                    + "(cost_cpu, duration) lasts, e.g. 1ms or 10us (default: 1ms)")
    Double timeUnit;

    /** The device, or null when none was given. */
    Device device() throws InputException {
        return device == null ? null : device.load();
    }

    /**
     * The network costed on {@code dev} (from {@link #device()}); what the user should know about
     * it (an ONNX model exported for inference) is one line each on the command's error output.
     */
    TrainingGraph graph(Device dev, CommandSpec command) throws InputException {
        if (!network.isOnnx() && (batch != null || estimateUnsupported)) {
            throw new InputException(batch != null ? "--batch" : "--estimate-unsupported", "",
                    "applies to ONNX models only (the network is \"" + network.label() + "\")");
        }
        ImportOptions onnx = new ImportOptions(batch == null ? 0 : batch,
                estimateUnsupported ? ImportOptions.Unsupported.ESTIMATE : ImportOptions.Unsupported.FAIL,
                timeUnit == null ? ImportOptions.DEFAULT_TIME_UNIT_S : timeUnit);
        LoadedNetwork loaded = load(network, dev, onnx);
        PrintWriter err = command.commandLine().getErr();
        for (String w : loaded.warnings()) {
            err.println(command.qualifiedName() + ": warning: " + w);
        }
        err.flush();
        return loaded.graph();
    }

    /**
     * {@code network} costed on {@code dev}; a catalog network needs a device, a network file
     * may carry its costs.
     */
    static TrainingGraph graph(NetworkSource network, Device dev, ImportOptions onnx) throws InputException {
        return load(network, dev, onnx).graph();
    }

    private static LoadedNetwork load(NetworkSource network, Device dev, ImportOptions onnx) throws InputException {
        if (dev == null && network instanceof NetworkSource.CatalogNetwork c) {
            throw new InputException("--device", "", "needed for catalog network " + c.name() + " (known: "
                    + String.join(", ", DeviceFiles.builtInIds()) + ", or a profile file *.json)");
        }
        return network.loadWithWarnings(dev, onnx);
    }
}

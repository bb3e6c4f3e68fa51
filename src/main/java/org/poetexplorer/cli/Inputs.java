package org.poetexplorer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.poetexplorer.catalog.Catalog;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.NetworkFiles;
import org.poetexplorer.milp.Backends;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;

/** Turns command-line values into domain values, refusing bad ones with the option named. */
final class Inputs {
    private Inputs() {
    }

    /** A built-in device by id, or a profile file. */
    static Device device(String value) throws InputException {
        if (looksLikeFile(value)) {
            return DeviceFiles.read(Path.of(value));
        }
        if (DeviceFiles.builtInIds().contains(value.toLowerCase(Locale.ROOT))) {
            return DeviceFiles.builtIn(value);
        }
        throw new InputException("--device", "", "unknown device \"" + value + "\" (known: "
                + String.join(", ", DeviceFiles.builtInIds()) + ", or a profile file *.json)");
    }

    /** A catalog network costed on {@code device} (required then), or a network file (JSON or ONNX). */
    static TrainingGraph network(String value, Device device) throws InputException {
        if (looksLikeFile(value)) {
            return NetworkFiles.read(Path.of(value), device);
        }
        String name = value.toLowerCase(Locale.ROOT);
        if (!Catalog.contains(name)) {
            throw new InputException("--network", "", "unknown network \"" + value + "\" (known: "
                    + String.join(", ", Catalog.names()) + ", or a network file *.json or *.onnx)");
        }
        if (device == null) {
            throw new InputException("--device", "", "needed for catalog network " + name + " (known: "
                    + String.join(", ", DeviceFiles.builtInIds()) + ", or a profile file *.json)");
        }
        return Catalog.build(name, device);
    }

    /** Network and device options together: what {@code check} and {@code show} plug in as their resolver. */
    static TrainingGraph graph(String network, String device) throws InputException {
        return network(network, device == null ? null : device(device));
    }

    static boolean looksLikeFile(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.endsWith(".json") || lower.endsWith(".onnx") || value.contains("/") || value.contains("\\")
                || Files.isRegularFile(Path.of(value));
    }

    /** Bytes written as 1500000, 1.5MB or 512KiB; must be a positive whole number of bytes. */
    static long bytes(String option, String value) throws InputException {
        if (value.trim().startsWith("-")) {
            throw new InputException(option, "", "must be a positive size (was " + value.trim() + ")");
        }
        try {
            return Quantities.parseBytes(value);
        } catch (IllegalArgumentException e) {
            throw new InputException(option, "", e.getMessage());
        }
    }

    /** A positive finite number. */
    static double positive(String option, String value) throws InputException {
        double d = number(option, value);
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new InputException(option, "", "must be a positive finite number (was " + value.trim() + ")");
        }
        return d;
    }

    private static double number(String option, String value) throws InputException {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new InputException(option, "", "\"" + value + "\" is not a number");
        }
    }

    /** A whole number >= 1. */
    static int count(String option, String value) throws InputException {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InputException(option, "", "\"" + value + "\" is not a whole number");
        }
        if (n < 1) {
            throw new InputException(option, "", "must be at least 1 (was " + n + ")");
        }
        return n;
    }

    static String solver(String value) throws InputException {
        String name = value.trim().toLowerCase(Locale.ROOT);
        List<String> known = Backends.names();
        if (!known.contains(name)) {
            throw new InputException("--solver", "", "unknown solver \"" + value + "\" (known: "
                    + String.join(", ", known) + ")");
        }
        return name;
    }
}

package org.poetexplorer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poetexplorer.model.Device;

/**
 * Device profile files (format "poet-device/1", see sample-profiles/) and the built-in profiles
 * shipped in the jar. Every figure of the cost model must be present: a profile that lacks some
 * is refused with one message naming all of them.
 */
public final class DeviceFiles {
    public static final String FORMAT = "poet-device/1";
    private static final String RESOURCE_DIR = "/org/poetexplorer/profiles/";
    private static final List<String> BUILT_IN = List.of("m0", "m4", "a72", "a72nocache");
    private static final String[] FIGURES = {"flops", "flopsPerJoule", "pageInLatency", "pageInThroughput",
        "pageOutLatency", "pageOutThroughput", "memoryPower", "bytesPerElement"};

    private DeviceFiles() {
    }

    /** Ids of the profiles built into the application, in a fixed order. */
    public static List<String> builtInIds() {
        return BUILT_IN;
    }

    /**
     * A built-in profile by id (case-insensitive).
     *
     * @throws InputException listing the known ids when there is no such profile
     */
    public static Device builtIn(String id) throws InputException {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        if (!BUILT_IN.contains(key)) {
            throw new InputException("device", "", "unknown device \"" + id + "\" (known: "
                    + String.join(", ", BUILT_IN) + ", or a profile file *.json)");
        }
        return parse(Json.readResource(RESOURCE_DIR + key + ".json"), "built-in profile " + key);
    }

    /** @throws InputException naming the file, the field and the value when the profile is unusable */
    public static Device read(Path file) throws InputException {
        return parse(Json.readText(file), file.toString());
    }

    /**
     * Reads a profile from JSON text; {@code source} names it in messages (a file name). A
     * profile without an "id" takes the file's name.
     */
    public static Device parse(String json, String source) throws InputException {
        JsonNode root = Json.parseObject(json, source, "the figures of a device profile");
        JsonFields f = new JsonFields(source);
        f.format(root, FORMAT, false);
        List<String> missing = new ArrayList<>();
        for (String field : FIGURES) {
            JsonNode v = root.get(field);
            if (v == null || v.isNull()) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            throw new InputException(source, String.join(", ", missing), "missing (a profile needs every figure: "
                    + String.join(", ", FIGURES) + ")");
        }
        String id = optionalString(f, root, "id", Sources.stem(source));
        String name = optionalString(f, root, "name", id);
        String text = optionalString(f, root, "source", "");
        double bytes = number(f, root, "bytesPerElement");
        if (bytes != Math.rint(bytes) || bytes < 1 || bytes > 64) {
            throw f.error("bytesPerElement", "must be a whole number of bytes from 1 to 64 (was "
                    + root.get("bytesPerElement") + ")");
        }
        double flops = number(f, root, "flops");
        double flopsPerJoule = number(f, root, "flopsPerJoule");
        double pageInLatency = number(f, root, "pageInLatency");
        double pageInThroughput = number(f, root, "pageInThroughput");
        double pageOutLatency = number(f, root, "pageOutLatency");
        double pageOutThroughput = number(f, root, "pageOutThroughput");
        double memoryPower = number(f, root, "memoryPower");
        double power = root.hasNonNull("power") ? number(f, root, "power") : Double.NaN;
        List<String> problems = Device.problems(flops, flopsPerJoule, pageInLatency, pageInThroughput,
                pageOutLatency, pageOutThroughput, memoryPower, (int) bytes);
        if (root.hasNonNull("power") && !(power >= 0 && !Double.isInfinite(power))) {
            problems.add("power: must be a finite number >= 0 (was " + power + ")");
        }
        if (!problems.isEmpty()) {
            String first = problems.get(0);
            int colon = first.indexOf(": ");
            String rest = String.join("; ", problems).substring(colon + 2);
            throw new InputException(source, first.substring(0, colon), rest);
        }
        if (id.isBlank()) {
            throw f.error("id", "must not be empty");
        }
        return new Device(id, name, flops, flopsPerJoule, pageInLatency, pageInThroughput, pageOutLatency,
                pageOutThroughput, memoryPower, (int) bytes, power, text);
    }

    /** Writes a profile atomically (temporary file in the same folder, then a move). */
    public static void write(Device device, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(device));
    }

    public static String toJson(Device d) {
        ObjectNode o = Json.object();
        o.put("format", FORMAT);
        o.put("id", d.id());
        o.put("name", d.name());
        o.put("flops", d.flops());
        o.put("flopsPerJoule", d.flopsPerJoule());
        o.put("pageInLatency", d.pageInLatency());
        o.put("pageInThroughput", d.pageInThroughput());
        o.put("pageOutLatency", d.pageOutLatency());
        o.put("pageOutThroughput", d.pageOutThroughput());
        o.put("memoryPower", d.memoryPower());
        o.put("bytesPerElement", d.bytesPerElement());
        if (!Double.isNaN(d.power())) {
            o.put("power", d.power());
        }
        o.put("source", d.source());
        return Json.write(o);
    }

    /** A number as written; NaN and infinities pass here and are judged by {@link Device#problems}. */
    private static double number(JsonFields f, JsonNode root, String field) throws InputException {
        JsonNode v = root.get(field);
        if (!v.isNumber()) {
            throw f.error(field, "must be a number (was " + JsonFields.shortText(v) + ")");
        }
        return v.asDouble();
    }

    private static String optionalString(JsonFields f, JsonNode root, String field, String fallback)
            throws InputException {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw f.error(field, "must be a string (was " + JsonFields.shortText(v) + ")");
        }
        return v.asText();
    }
}

package org.poetexplorer.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed fields from a Jackson tree, failing with an {@link InputException} that names
 * the file, the JSON path and the value found.
 */
final class JsonFields {
    private final String source;

    JsonFields(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    InputException error(String path, String reason) {
        return new InputException(source, path, reason);
    }

    JsonNode require(JsonNode obj, String path, String name) throws InputException {
        JsonNode v = obj.get(name);
        if (v == null || v.isNull() || v.isMissingNode()) {
            throw error(join(path, name), "missing");
        }
        return v;
    }

    String string(JsonNode obj, String path, String name) throws InputException {
        JsonNode v = require(obj, path, name);
        if (!v.isTextual()) {
            throw error(join(path, name), "must be a string (was " + shortText(v) + ")");
        }
        return v.asText();
    }

    String optString(JsonNode obj, String name, String fallback) {
        JsonNode v = obj.get(name);
        return v != null && v.isTextual() ? v.asText() : fallback;
    }

    double number(JsonNode obj, String path, String name) throws InputException {
        return number(require(obj, path, name), join(path, name));
    }

    double number(JsonNode v, String fullPath) throws InputException {
        if (!v.isNumber()) {
            throw error(fullPath, "must be a number (was " + shortText(v) + ")");
        }
        double d = v.asDouble();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw error(fullPath, "must be a finite number (was " + shortText(v) + ")");
        }
        return d;
    }

    double nonNegative(JsonNode obj, String path, String name) throws InputException {
        double d = number(obj, path, name);
        if (d < 0) {
            throw error(join(path, name), "must be >= 0 (was " + obj.get(name) + ")");
        }
        return d;
    }

    double positive(JsonNode obj, String path, String name) throws InputException {
        double d = number(obj, path, name);
        if (!(d > 0)) {
            throw error(join(path, name), "must be > 0 (was " + obj.get(name) + ")");
        }
        return d;
    }

    /** A number that must be a whole number >= 0 (a JSON 3136.0 is accepted as 3136). */
    long wholeNonNegative(JsonNode obj, String path, String name) throws InputException {
        double d = nonNegative(obj, path, name);
        if (d != Math.rint(d) || d > 9.0e18) {
            throw error(join(path, name), "must be a whole number (was " + obj.get(name) + ")");
        }
        return (long) d;
    }

    boolean bool(JsonNode obj, String path, String name, boolean fallback) throws InputException {
        JsonNode v = obj.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw error(join(path, name), "must be true or false (was " + shortText(v) + ")");
        }
        return v.asBoolean();
    }

    /**
     * The "format" field of {@code root} must name {@code expected}; a file whose format may be
     * left out passes {@code required} false.
     */
    void format(JsonNode root, String expected, boolean required) throws InputException {
        JsonNode v = root.get("format");
        if (v == null || v.isNull()) {
            if (required) {
                throw error("format", "missing (expected \"" + expected + "\")");
            }
            return;
        }
        if (!(v.isTextual() && v.asText().equals(expected))) {
            throw error("format", "unsupported format " + shortText(v) + " (expected \"" + expected + "\")");
        }
    }

    /** {@code v}, which must be an object; {@code path} names it in the message. */
    JsonNode object(JsonNode v, String path) throws InputException {
        if (!v.isObject()) {
            throw error(path, "must be an object (was " + shortText(v) + ")");
        }
        return v;
    }

    /** The field {@code name} of {@code obj}, which must be an object. */
    JsonNode object(JsonNode obj, String path, String name) throws InputException {
        return object(require(obj, path, name), join(path, name));
    }

    JsonNode array(JsonNode obj, String path, String name) throws InputException {
        JsonNode v = require(obj, path, name);
        if (!v.isArray()) {
            throw error(join(path, name), "must be an array (was " + shortText(v) + ")");
        }
        return v;
    }

    List<Long> positiveLongs(JsonNode obj, String path, String name) throws InputException {
        JsonNode arr = array(obj, path, name);
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            String p = join(path, name) + "[" + i + "]";
            double d = number(arr.get(i), p);
            if (!(d >= 1) || d != Math.rint(d)) {
                throw error(p, "must be a whole number >= 1 (was " + arr.get(i) + ")");
            }
            out.add((long) d);
        }
        if (out.isEmpty()) {
            throw error(join(path, name), "must not be empty");
        }
        return out;
    }

    List<Integer> indices(JsonNode obj, String path, String name) throws InputException {
        JsonNode arr = array(obj, path, name);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < arr.size(); i++) {
            JsonNode v = arr.get(i);
            String p = join(path, name) + "[" + i + "]";
            if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble()) || v.asDouble() < 0
                    || v.asDouble() > Integer.MAX_VALUE) {
                throw error(p, "must be a node index, a whole number >= 0 (was " + shortText(v) + ")");
            }
            out.add(v.asInt());
        }
        return out;
    }

    static String join(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }

    static String shortText(JsonNode v) {
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}

package org.poetexplorer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A device profile: how fast and how efficiently a device computes and pages (SI units).
 * See docs/model.md section 1. {@code power} is informational and may be NaN when unknown.
 */
public record Device(
        String id,
        String name,
        double flops,
        double flopsPerJoule,
        double pageInLatency,
        double pageInThroughput,
        double pageOutLatency,
        double pageOutThroughput,
        double memoryPower,
        int bytesPerElement,
        double power,
        String source) {

    public Device {
        List<String> problems = problems(flops, flopsPerJoule, pageInLatency, pageInThroughput,
                pageOutLatency, pageOutThroughput, memoryPower, bytesPerElement);
        if (id == null || id.isBlank()) {
            problems.add(0, "id: must not be empty");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        if (name == null || name.isBlank()) {
            name = id;
        }
        if (source == null) {
            source = "";
        }
    }

    /** Field problems of a candidate profile, each "field: reason (value)"; empty when valid. */
    public static List<String> problems(double flops, double flopsPerJoule, double pageInLatency,
            double pageInThroughput, double pageOutLatency, double pageOutThroughput,
            double memoryPower, int bytesPerElement) {
        List<String> out = new ArrayList<>();
        positive(out, "flops", flops);
        positive(out, "flopsPerJoule", flopsPerJoule);
        nonNegative(out, "pageInLatency", pageInLatency);
        positive(out, "pageInThroughput", pageInThroughput);
        nonNegative(out, "pageOutLatency", pageOutLatency);
        positive(out, "pageOutThroughput", pageOutThroughput);
        nonNegative(out, "memoryPower", memoryPower);
        if (bytesPerElement <= 0) {
            out.add("bytesPerElement: must be a positive whole number (was " + bytesPerElement + ")");
        }
        return out;
    }

    private static void positive(List<String> out, String field, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            out.add(field + ": must be a positive finite number (was " + v + ")");
        }
    }

    private static void nonNegative(List<String> out, String field, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            out.add(field + ": must be a finite number >= 0 (was " + v + ")");
        }
    }

    /**
     * A figure of a device that is valid on its own but makes a network's costs infinite (a
     * rate of 1e-320 FLOP/s, say). The message reads "field: reason".
     */
    public static final class UnusableFigure extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String field;

        public UnusableFigure(String field, String reason) {
            super(field + ": " + reason);
            this.field = field;
        }

        public String field() {
            return field;
        }

        /** The reason without the field. */
        public String reason() {
            return getMessage().substring(field.length() + 2);
        }
    }

    public Device withId(String newId) {
        return new Device(newId, name, flops, flopsPerJoule, pageInLatency, pageInThroughput,
                pageOutLatency, pageOutThroughput, memoryPower, bytesPerElement, power, source);
    }
}

package org.poetexplorer.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte counts written by people: "1500000", "1.5MB" (10^6), "512KiB" (2^10), "2 GiB". */
public final class ByteSize {
    private static final Pattern FORMAT = Pattern.compile(
            "\\s*([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE]([+-]?[0-9]+))?\\s*([A-Za-z]*)\\s*");

    private ByteSize() {
    }

    /**
     * @throws IllegalArgumentException with the text and the reason when it is not a positive
     *     whole number of bytes
     */
    public static long parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no size given");
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a size (examples: 1500000, 1.5MB, 512KiB)");
        }
        double value = Double.parseDouble(m.group(1) + (m.group(2) == null ? "" : "e" + m.group(2)));
        double unit = unit(m.group(3), text);
        double bytes = value * unit;
        if (!(bytes > 0) || Double.isInfinite(bytes) || bytes > 9.0e18) {
            throw new IllegalArgumentException("\"" + text + "\" must be a positive size");
        }
        long rounded = Math.round(bytes);
        if (Math.abs(bytes - rounded) > 1e-6 * Math.max(1, bytes)) {
            throw new IllegalArgumentException("\"" + text + "\" is not a whole number of bytes");
        }
        if (rounded <= 0) {
            throw new IllegalArgumentException("\"" + text + "\" must be a positive size");
        }
        return rounded;
    }

    private static double unit(String u, String text) {
        switch (u.toLowerCase(Locale.ROOT)) {
            case "":
            case "b":
                return 1;
            case "k":
            case "kb":
                return 1e3;
            case "m":
            case "mb":
                return 1e6;
            case "g":
            case "gb":
                return 1e9;
            case "kib":
                return 1024;
            case "mib":
                return 1024.0 * 1024;
            case "gib":
                return 1024.0 * 1024 * 1024;
            default:
                throw new IllegalArgumentException("\"" + text + "\" has an unknown unit \"" + u
                        + "\" (use B, KB, MB, GB, KiB, MiB or GiB)");
        }
    }

    /** A short human form: 1.50 MB, 512 KiB is shown as 524 kB, 999,999 bytes as 1.00 MB. Decimal units throughout. */
    public static String format(double bytes) {
        double a = Math.abs(bytes);
        // thresholds at 999.5 of the smaller unit: three significant digits would round up to 1000
        if (a >= 999.5e6) {
            return String.format(Locale.ROOT, "%.3g GB", bytes / 1e9);
        }
        if (a >= 999.5e3) {
            return String.format(Locale.ROOT, "%.3g MB", bytes / 1e6);
        }
        if (a >= 999.5) {
            return String.format(Locale.ROOT, "%.3g kB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f B", bytes);
    }
}

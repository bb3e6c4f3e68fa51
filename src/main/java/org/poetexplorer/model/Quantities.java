package org.poetexplorer.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quantities as people read and write them: the one place where bytes, seconds, joules, ratios
 * and percentages become text, and where sizes typed by people ("1.5MB", "512KiB") become
 * bytes. Two families:
 * <ul>
 * <li>short forms for charts, tables and status lines: three or four significant digits with a
 * unit prefix ({@link #bytes}, {@link #duration}, {@link #energy});
 * <li>exact forms for reports and the command line, with a fixed number of significant digits
 * in the base unit ({@link #exactBytes}, {@link #exactSeconds}, {@link #exactJoules}).
 * </ul>
 * Everything is written in {@link Locale#ROOT}: a dot for decimals whatever the machine's
 * language.
 */
public final class Quantities {
    private static final Pattern SIZE = Pattern.compile(
            "\\s*([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE]([+-]?[0-9]+))?\\s*([A-Za-z]*)\\s*");

    private Quantities() {
    }

    // ---------------------------------------------------------------- sizes typed by people

    /**
     * Bytes written by people: "1500000", "1.5MB" (10^6), "512KiB" (2^10), "2 GiB".
     *
     * @throws IllegalArgumentException with the text and the reason when it is not a positive
     *     whole number of bytes
     */
    public static long parseBytes(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no size given");
        }
        if (text.trim().startsWith("-")) {
            throw new IllegalArgumentException("\"" + text.trim() + "\" must be a positive size");
        }
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a size (examples: 1500000, 1.5MB, 512KiB)");
        }
        double value = Double.parseDouble(m.group(1) + (m.group(2) == null ? "" : "e" + m.group(2)));
        double bytes = value * unit(m.group(3), text);
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

    /**
     * A duration written by people: "1ms", "2.5 us", "1e-3s", "0.5 min"; units ns, us (or µs),
     * ms, s, min, h; a bare number is seconds.
     *
     * @throws IllegalArgumentException with the text and the reason when it is not a positive,
     *     finite duration
     */
    public static double parseSeconds(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no duration given");
        }
        Matcher m = SIZE.matcher(text.replace("µ", "u"));
        if (text.trim().startsWith("-") || !m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a positive duration (examples: 1ms, 10us, 0.5s)");
        }
        double value = Double.parseDouble(m.group(1) + (m.group(2) == null ? "" : "e" + m.group(2)));
        double seconds = value * secondsPer(m.group(3), text);
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("\"" + text + "\" must be a positive, finite duration");
        }
        return seconds;
    }

    private static double secondsPer(String u, String text) {
        switch (u.toLowerCase(Locale.ROOT)) {
            case "ns":
                return 1e-9;
            case "us":
                return 1e-6;
            case "ms":
                return 1e-3;
            case "":
            case "s":
                return 1;
            case "min":
                return 60;
            case "h":
                return 3600;
            default:
                throw new IllegalArgumentException("\"" + text + "\" has an unknown unit \"" + u
                        + "\" (use ns, us, ms, s, min or h)");
        }
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

    // ---------------------------------------------------------------- short forms

    /**
     * Three significant digits with a decimal unit: 1.50 MB; 512 KiB is shown as 524 kB, and
     * 999,999 bytes as 1.00 MB (never "1000 kB").
     */
    public static String bytes(double bytes) {
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

    /** Up to four significant digits with s, ms, µs or ns: 158.2 ms, 1.5 s. */
    public static String duration(double s) {
        double a = Math.abs(s);
        if (a == 0) {
            return "0 s";
        }
        if (a >= 1) {
            return number(s) + " s";
        }
        if (a >= 1e-3) {
            return number(s * 1e3) + " ms";
        }
        if (a >= 1e-6) {
            return number(s * 1e6) + " µs";
        }
        return number(s * 1e9) + " ns";
    }

    /** Up to four significant digits with J, mJ or µJ: 7.89 J, 408.4 µJ. */
    public static String energy(double j) {
        double a = Math.abs(j);
        if (a == 0) {
            return "0 J";
        }
        if (a >= 1) {
            return number(j) + " J";
        }
        if (a >= 1e-3) {
            return number(j * 1e3) + " mJ";
        }
        return number(j * 1e6) + " µJ";
    }

    /** Up to four significant digits without trailing zeros: 1.2, 0.05, 4.000e+09 stays as it is. */
    public static String number(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** A multiple, such as a runtime budget in plain steps: 1.5x. */
    public static String ratio(double r) {
        return number(r) + "x";
    }

    /** A fraction as a percentage: 0.0123 is "1.23 %". */
    public static String percent(double fraction) {
        return number(100 * fraction) + " %";
    }

    /** How far {@code value} is from {@code base}: "+1.23 %", "-40.00 %"; "same" or "n/a" when the base is 0. */
    public static String change(double value, double base) {
        if (base == 0) {
            return value == 0 ? "same" : "n/a";
        }
        return String.format(Locale.ROOT, "%+.2f %%", 100 * (value - base) / base);
    }

    // ---------------------------------------------------------------- exact forms

    /** Every byte, with the short form beside it from 1000 bytes on: "3,500 B (3.50 kB)". */
    public static String exactBytes(long bytes) {
        return String.format(Locale.ROOT, "%,d B", bytes) + (bytes >= 1000 ? " (" + bytes(bytes) + ")" : "");
    }

    /** Four significant digits in seconds: "0.1582 s". */
    public static String exactSeconds(double s) {
        return String.format(Locale.ROOT, "%.4g s", s);
    }

    /** Six significant digits in joules, as schedules are compared: "0.104858 J". */
    public static String exactJoules(double j) {
        return String.format(Locale.ROOT, "%.6g J", j);
    }
}

package org.poetexplorer.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quantities as people read and write them: the one place where bytes, seconds, joules, ratios
 * and percentages become text, and where sizes typed by people ("1.5MB", "512KiB") become
 * bytes. Two families:
 * <ul>
 * <li>short forms for charts, tables and status lines: three or four significant digits with a
 * unit prefix ({@link #bytes}, {@link #duration}, {@link #energy}, {@link #withPrefix}), at most
 * three decimals ({@link #percent}: "< 0.001 %"), never e-notation;
 * <li>exact forms for reports and the command line, with a fixed number of significant digits
 * in the base unit ({@link #exactBytes}, {@link #exactSeconds}, {@link #exactJoules}).
 * </ul>
 * Everything is written in {@link Locale#ROOT}: a dot for decimals whatever the machine's
 * language.
 */
public final class Quantities {
    private static final Pattern SIZE = Pattern.compile(
            "\\s*([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE]([+-]?[0-9]+))?\\s*([A-Za-z]*)\\s*");

    private static final Map<String, Double> BYTE_UNITS = Map.ofEntries(Map.entry("", 1.0), Map.entry("b", 1.0),
            Map.entry("k", 1e3), Map.entry("kb", 1e3), Map.entry("m", 1e6), Map.entry("mb", 1e6), Map.entry("g", 1e9),
            Map.entry("gb", 1e9), Map.entry("kib", 1024.0), Map.entry("mib", 1024.0 * 1024),
            Map.entry("gib", 1024.0 * 1024 * 1024));
    private static final Map<String, Double> SECOND_UNITS = Map.of("ns", 1e-9, "us", 1e-6, "ms", 1e-3, "", 1.0,
            "s", 1.0, "min", 60.0, "h", 3600.0);

    /** SI prefixes in steps of 1000, from pico to exa; the bare unit at {@link #UNPREFIXED}. */
    private static final String[] PREFIXES = {"p", "n", "µ", "m", "", "k", "M", "G", "T", "P", "E"};
    private static final int UNPREFIXED = 4;
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    /** The most decimals a short form shows: below a thousandth of its smallest unit it reads "< 0.001". */
    private static final int MAX_DECIMALS = 3;

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
        double bytes = scaled(m, text, BYTE_UNITS, "B, KB, MB, GB, KiB, MiB or GiB");
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
        double seconds = scaled(m, text, SECOND_UNITS, "ns, us, ms, s, min or h");
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("\"" + text + "\" must be a positive, finite duration");
        }
        return seconds;
    }

    /** {@code m}'s number times its unit, which must be one of {@code units} (names in lower case). */
    private static double scaled(Matcher m, String text, Map<String, Double> units, String unitNames) {
        double value = Double.parseDouble(m.group(1) + (m.group(2) == null ? "" : "e" + m.group(2)));
        Double unit = units.get(m.group(3).toLowerCase(Locale.ROOT));
        if (unit == null) {
            throw new IllegalArgumentException("\"" + text + "\" has an unknown unit \"" + m.group(3) + "\" (use "
                    + unitNames + ")");
        }
        return value * unit;
    }

    // ---------------------------------------------------------------- short forms

    /**
     * Three significant digits with a decimal unit: 1.50 MB; 512 KiB is shown as 524 kB, and
     * 999,999 bytes as 1.00 MB (never "1000 kB"); whole bytes below 1 kB, up to EB above.
     */
    public static String bytes(double bytes) {
        // below 999.5 B, three significant digits would not round up to 1 kB: whole bytes
        if (Math.abs(bytes) < 999.5 || !Double.isFinite(bytes)) {
            return String.format(Locale.ROOT, "%.0f B", bytes);
        }
        return prefixed(bytes, "B", 3, true, 1, 6);
    }

    /** Up to four significant digits with s, ms, µs or ns: 158.2 ms, 1.5 s, 86400 s. */
    public static String duration(double s) {
        return prefixed(s, "s", 4, false, -3, 0);
    }

    /** Up to four significant digits with nJ, µJ, mJ, J, kJ, MJ, GJ...: 7.89 J, 408.4 µJ, 25.53 kJ. */
    public static String energy(double j) {
        return withPrefix(j, "J");
    }

    /** Any unit with an SI prefix from n to E, up to four significant digits: "2 GFLOP/s". */
    public static String withPrefix(double v, String unit) {
        return prefixed(v, unit, 4, false, -3, 6);
    }

    /** Up to four significant digits without trailing zeros, never in e-notation: 1.2, 0.05, 4000000000. */
    public static String number(double v) {
        return Double.isFinite(v) ? plain(significant(BigDecimal.valueOf(v), 4), false) : String.valueOf(v);
    }

    /** A multiple, such as a runtime budget in plain steps: 1.5x. */
    public static String ratio(double r) {
        return number(r) + "x";
    }

    /**
     * A fraction as a percentage, four significant digits and at most three decimals: 0.0123 is
     * "1.23 %", 0 is "0 %", and a percentage that would read 0.000 is "< 0.001 %".
     */
    public static String percent(double fraction) {
        return prefixed(100 * fraction, "%", 4, false, 0, 0);
    }

    /**
     * {@code v} to {@code digits} significant digits and at most {@link #MAX_DECIMALS} decimals,
     * with the SI prefix (steps of 1000, {@code lowest..highest} counted from the bare unit)
     * that leaves 1 to 999 before the decimal point. Beyond the largest prefix the number
     * grows in plain digits; below the smallest, one that would read 0 is "< 0.001 unit".
     * Never e-notation.
     */
    private static String prefixed(double v, String unit, int digits, boolean keepZeros, int lowest, int highest) {
        if (v == 0 || !Double.isFinite(v)) {
            return number(v) + " " + unit;
        }
        int k = Math.max(lowest, Math.min(highest, Math.floorDiv((int) Math.floor(Math.log10(Math.abs(v))), 3)));
        BigDecimal m = significant(BigDecimal.valueOf(v).movePointLeft(3 * k), digits);
        if (m.abs().compareTo(THOUSAND) >= 0 && k < highest) {
            k++;
            m = significant(BigDecimal.valueOf(v).movePointLeft(3 * k), digits);
        }
        if (m.scale() > MAX_DECIMALS) {
            m = m.setScale(MAX_DECIMALS, RoundingMode.HALF_UP);
        }
        String symbol = PREFIXES[k + UNPREFIXED] + unit;
        if (m.signum() == 0) {
            String least = BigDecimal.ONE.movePointLeft(MAX_DECIMALS).toPlainString();
            return (v > 0 ? "< " : "> -") + least + " " + symbol;
        }
        return plain(m, keepZeros) + " " + symbol;
    }

    /**
     * {@code v} rounded half up to {@code digits} significant digits, its scale showing them all
     * (1.50); from the double's shortest decimal form, as {@code %g} rounds.
     */
    private static BigDecimal significant(BigDecimal v, int digits) {
        BigDecimal rounded = v.round(new MathContext(digits, RoundingMode.HALF_UP));
        int wholeDigits = rounded.precision() - rounded.scale();
        return rounded.setScale(Math.max(0, digits - wholeDigits));
    }

    private static String plain(BigDecimal v, boolean keepZeros) {
        if (v.signum() == 0) {
            return "0";
        }
        BigDecimal shown = keepZeros ? v : v.stripTrailingZeros();
        return (shown.scale() < 0 ? shown.setScale(0) : shown).toPlainString();
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

    /** Four significant digits in seconds: "0.1582 s", "12350 s", "0.00001000 s". */
    public static String exactSeconds(double s) {
        return digits(s, 4) + " s";
    }

    /**
     * {@code v} to {@code significant} digits, trailing zeros kept, in plain decimals where
     * {@code %g} would switch to e-notation: 0.059341202 to 8 digits is "0.059341202", 2.5e-6 is
     * "0.0000025000000", 1.2345e9 is "1234500000".
     */
    public static String digits(double v, int significant) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return significant(BigDecimal.valueOf(v), significant).toPlainString();
    }

    /**
     * Every digit of the double in joules, never in e-notation, as a schedule file states its
     * energy: "25530.123456789 J", "0.00001 J".
     */
    public static String allDigitsJoules(double j) {
        return (Double.isFinite(j) ? plain(BigDecimal.valueOf(j), false) : String.valueOf(j)) + " J";
    }

    /** Six significant digits in joules, as schedules are compared: "0.104858 J". */
    public static String exactJoules(double j) {
        return String.format(Locale.ROOT, "%.6g J", j);
    }
}

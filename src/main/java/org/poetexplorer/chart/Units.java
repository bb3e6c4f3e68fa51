package org.poetexplorer.chart;

import java.util.Locale;
import org.poetexplorer.model.ByteSize;

/** Short human forms of the quantities the charts show. */
public final class Units {
    private Units() {
    }

    public static String time(double s) {
        double a = Math.abs(s);
        if (a == 0) {
            return "0 s";
        }
        if (a >= 1) {
            return trim(s) + " s";
        }
        if (a >= 1e-3) {
            return trim(s * 1e3) + " ms";
        }
        if (a >= 1e-6) {
            return trim(s * 1e6) + " µs";
        }
        return trim(s * 1e9) + " ns";
    }

    public static String energy(double j) {
        double a = Math.abs(j);
        if (a == 0) {
            return "0 J";
        }
        if (a >= 1) {
            return trim(j) + " J";
        }
        if (a >= 1e-3) {
            return trim(j * 1e3) + " mJ";
        }
        return trim(j * 1e6) + " µJ";
    }

    public static String bytes(double b) {
        return ByteSize.format(b);
    }

    /** Up to four significant digits, no trailing zeros. */
    static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e") || s.contains("E")) {
            return s;
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s;
    }
}

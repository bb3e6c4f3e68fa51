package org.poetexplorer.chart;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleFunction;

/** "Nice" tick values (1, 2, 5 times a power of ten) covering a range. */
public final class Ticks {
    private Ticks() {
    }

    public static List<Double> linear(double min, double max, int wanted) {
        List<Double> out = new ArrayList<>();
        if (!(max > min) || wanted < 1) {
            return out;
        }
        double step = niceStep((max - min) / wanted);
        double first = Math.ceil(min / step) * step;
        for (int i = 0; i < 1000; i++) {
            double v = first + i * step;
            if (v > max + step * 1e-9) {
                break;
            }
            out.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return out;
    }

    /**
     * Ticks as {@link #linear} gives them, at most {@code wanted}, and fewer where labels written
     * by {@code format} would repeat (a narrow range read to a few digits): no two ticks read
     * the same; at worst one tick (a round value when the range holds one).
     */
    public static List<Double> labelled(double min, double max, int wanted, DoubleFunction<String> format) {
        for (int n = wanted; n >= 1; n--) {
            List<Double> ticks = linear(min, max, n);
            if (!ticks.isEmpty() && distinct(ticks, format)) {
                return ticks;
            }
        }
        if (!(max > min)) {
            return List.of();
        }
        List<Double> one = linear(min, max, 1);
        return List.of(one.isEmpty() ? (min + max) / 2 : one.get(0));
    }

    private static boolean distinct(List<Double> ticks, DoubleFunction<String> format) {
        Set<String> seen = new HashSet<>();
        for (double t : ticks) {
            if (!seen.add(format.apply(t))) {
                return false;
            }
        }
        return true;
    }

    static double niceStep(double raw) {
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * mag;
    }
}

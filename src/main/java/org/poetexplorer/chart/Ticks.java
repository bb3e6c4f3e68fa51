package org.poetexplorer.chart;

import java.util.ArrayList;
import java.util.List;

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

    static double niceStep(double raw) {
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * mag;
    }
}

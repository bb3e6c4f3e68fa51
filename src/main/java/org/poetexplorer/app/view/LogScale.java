package org.poetexplorer.app.view;

/** Maps byte counts onto a slider position on a log scale and back. */
public final class LogScale {
    private LogScale() {
    }

    public static double toSlider(long bytes) {
        return Math.log10(Math.max(1, bytes));
    }

    public static long fromSlider(double value) {
        return Math.max(1, Math.round(Math.pow(10, value)));
    }
}

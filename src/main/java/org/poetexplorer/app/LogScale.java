package org.poetexplorer.app;

/** Maps byte counts onto a slider position on a log scale and back. */
final class LogScale {
    private LogScale() {
    }

    static double toSlider(long bytes) {
        return Math.log10(Math.max(1, bytes));
    }

    static long fromSlider(double value) {
        return Math.max(1, Math.round(Math.pow(10, value)));
    }
}

package org.poetexplorer.app;

import java.util.Arrays;
import java.util.Locale;

/**
 * The gaps between consecutive JavaFX pulses, collected for {@link FxStallMonitor}: count,
 * median, 99th percentile and largest. A gap well above one frame (16.7 ms at 60 Hz) is time
 * the JavaFX thread spent on something else than drawing: an event handler, a listener, a
 * {@code runLater}. Not thread-safe: one thread adds and reads.
 */
final class PulseGaps {
    private long[] nanos = new long[1024];
    private int count;

    /** The statistics of some gaps, in milliseconds (zeros when there are none). */
    record Summary(int count, double medianMs, double p99Ms, double maxMs) {
        String format() {
            return String.format(Locale.ROOT, "gaps %d  median %.1f ms  p99 %.1f ms  max %.1f ms", count, medianMs,
                    p99Ms, maxMs);
        }
    }

    void add(long gapNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = gapNanos;
    }

    int count() {
        return count;
    }

    void clear() {
        count = 0;
    }

    /**
     * Median, 99th percentile and maximum of the gaps added since the last {@link #clear}. The
     * percentiles are nearest-rank: the p-th percentile is the smallest gap with at least p % of
     * the gaps at or below it (rank ceil(p/100 * n)), so every figure is a gap that occurred.
     */
    Summary summary() {
        if (count == 0) {
            return new Summary(0, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Summary(count, ms(sorted[rank(50, count)]), ms(sorted[rank(99, count)]), ms(sorted[count - 1]));
    }

    /** The 0-based index of the nearest-rank {@code percent}-th percentile of {@code n} sorted values. */
    private static int rank(int percent, int n) {
        return (int) Math.max(0, ((long) percent * n + 99) / 100 - 1);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}

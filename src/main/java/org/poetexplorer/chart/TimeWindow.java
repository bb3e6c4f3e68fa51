package org.poetexplorer.chart;

/**
 * The visible stretch of a schedule's time axis, in seconds, mapped onto a plot of a given
 * pixel width. Shared by the timeline and the memory chart so that they line up.
 */
public record TimeWindow(double startS, double endS) {

    public TimeWindow {
        if (!(endS > startS)) {
            throw new IllegalArgumentException("time window: end must be after start (" + startS + " .. " + endS + ")");
        }
    }

    /** The whole of a schedule that lasts {@code totalS}, with a sliver of margin. */
    public static TimeWindow fit(double totalS) {
        double t = totalS > 0 ? totalS : 1e-6;
        return new TimeWindow(-0.01 * t, 1.01 * t);
    }

    public double span() {
        return endS - startS;
    }

    public double toX(double timeS, double plotX, double plotWidth) {
        return plotX + (timeS - startS) / span() * plotWidth;
    }

    public double toTime(double x, double plotX, double plotWidth) {
        return startS + (x - plotX) / plotWidth * span();
    }

    /** Zoom by {@code factor} (&gt; 1 zooms in) keeping the time under {@code anchorS} in place. */
    public TimeWindow zoom(double factor, double anchorS) {
        double f = Math.max(1e-3, factor);
        double newSpan = Math.max(span() / f, 1e-12);
        double frac = (anchorS - startS) / span();
        double s = anchorS - frac * newSpan;
        return new TimeWindow(s, s + newSpan);
    }

    /** Shift by {@code deltaS} seconds. */
    public TimeWindow pan(double deltaS) {
        return new TimeWindow(startS + deltaS, endS + deltaS);
    }
}

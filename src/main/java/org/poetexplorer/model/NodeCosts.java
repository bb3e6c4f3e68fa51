package org.poetexplorer.model;

/**
 * What one node costs on one device: see docs/model.md section 2. {@code pageInS} and
 * {@code pageOutS} are the durations of one transfer (latency + bytes / throughput); they are 0
 * when the device is not known (costs taken as given from a file), see {@link #pagingTimed()}.
 */
public record NodeCosts(double runtimeS, long ramBytes, double computeJ, double pageInJ, double pageOutJ,
        double pageInS, double pageOutS) {

    public NodeCosts {
        if (!(runtimeS >= 0) || !(computeJ >= 0) || !(pageInJ >= 0) || !(pageOutJ >= 0) || ramBytes < 0
                || !(pageInS >= 0) || !(pageOutS >= 0)
                || Double.isInfinite(runtimeS) || Double.isInfinite(computeJ)
                || Double.isInfinite(pageInJ) || Double.isInfinite(pageOutJ)
                || Double.isInfinite(pageInS) || Double.isInfinite(pageOutS)) {
            throw new IllegalArgumentException("node costs must be finite and >= 0: " + this);
        }
    }

    /** Costs without paging durations (device unknown): transfers are timed as 0 s. */
    public NodeCosts(double runtimeS, long ramBytes, double computeJ, double pageInJ, double pageOutJ) {
        this(runtimeS, ramBytes, computeJ, pageInJ, pageOutJ, 0, 0);
    }

    /** Whether the paging durations are known (they are 0 when the costs came without a device). */
    public boolean pagingTimed() {
        return pageInS > 0 || pageOutS > 0;
    }

    /** Energy of paging the output out to flash and back in once: the alternative to recomputing it. */
    public double pageRoundTripJ() {
        return pageOutJ + pageInJ;
    }

    /** Transfer time of paging the output out and back in once. */
    public double pageRoundTripS() {
        return pageOutS + pageInS;
    }

    public NodeCosts withPagingTimes(double inS, double outS) {
        return new NodeCosts(runtimeS, ramBytes, computeJ, pageInJ, pageOutJ, inS, outS);
    }
}

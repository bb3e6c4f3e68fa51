package org.poetexplorer.model;

/** What one node costs on one device: see poet-model.md section 2. */
public record NodeCosts(double runtimeS, long ramBytes, double computeJ, double pageInJ, double pageOutJ) {

    public NodeCosts {
        if (!(runtimeS >= 0) || !(computeJ >= 0) || !(pageInJ >= 0) || !(pageOutJ >= 0) || ramBytes < 0
                || Double.isInfinite(runtimeS) || Double.isInfinite(computeJ)
                || Double.isInfinite(pageInJ) || Double.isInfinite(pageOutJ)) {
            throw new IllegalArgumentException("node costs must be finite and >= 0: " + this);
        }
    }
}

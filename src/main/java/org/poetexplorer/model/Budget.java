package org.poetexplorer.model;

/**
 * What a schedule may use: RAM for activations (bytes) and compute time as a multiple of one
 * plain training step; and which tricks it may use.
 */
public record Budget(long ramBytes, double runtimeRatio, boolean paging, boolean remat) {

    public Budget {
        if (ramBytes <= 0) {
            throw new IllegalArgumentException("ram: must be > 0 bytes (was " + ramBytes + ")");
        }
        if (!(runtimeRatio > 0) || Double.isInfinite(runtimeRatio)) {
            throw new IllegalArgumentException("runtime: must be a positive finite ratio (was " + runtimeRatio + ")");
        }
    }

    public Budget withRam(long bytes) {
        return new Budget(bytes, runtimeRatio, paging, remat);
    }

    public Budget withRuntimeRatio(double ratio) {
        return new Budget(ramBytes, ratio, paging, remat);
    }

    public Budget withPaging(boolean on) {
        return new Budget(ramBytes, runtimeRatio, on, remat);
    }

    public Budget withRemat(boolean on) {
        return new Budget(ramBytes, runtimeRatio, paging, on);
    }
}

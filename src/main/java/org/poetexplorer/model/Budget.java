package org.poetexplorer.model;

import java.util.Objects;

/**
 * What a schedule may use: RAM for activations (bytes), and the {@link Allowance} (compute
 * time as a multiple of one plain training step, and which tricks).
 */
public record Budget(long ramBytes, Allowance allowance) {

    public Budget {
        if (ramBytes <= 0) {
            throw new IllegalArgumentException("ram: must be > 0 bytes (was " + ramBytes + ")");
        }
        Objects.requireNonNull(allowance, "allowance");
    }

    public Budget(long ramBytes, double runtimeRatio, boolean paging, boolean remat) {
        this(ramBytes, new Allowance(runtimeRatio, paging, remat));
    }

    public double runtimeRatio() {
        return allowance.runtimeRatio();
    }

    public boolean paging() {
        return allowance.paging();
    }

    public boolean remat() {
        return allowance.remat();
    }

    /** Whether page transfers count against the runtime budget (see {@link Allowance}). */
    public boolean transfersTakeTime() {
        return allowance.transfersTakeTime();
    }

    public Budget withRam(long bytes) {
        return new Budget(bytes, allowance);
    }

    public Budget withRuntimeRatio(double ratio) {
        return new Budget(ramBytes, allowance.withRuntimeRatio(ratio));
    }

    public Budget withPaging(boolean on) {
        return new Budget(ramBytes, allowance.withPaging(on));
    }

    public Budget withRemat(boolean on) {
        return new Budget(ramBytes, allowance.withRemat(on));
    }

    public Budget withTransfersTakeTime(boolean on) {
        return new Budget(ramBytes, allowance.withTransfersTakeTime(on));
    }
}

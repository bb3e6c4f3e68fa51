package org.poetexplorer.model;

/**
 * What a schedule may spend and use besides RAM: compute time as a multiple of one plain
 * training step, and which of the two tricks (paging, recomputation) it may use. A
 * {@link Budget} is an allowance with a RAM limit; callers that have no RAM limit in hand (a
 * sweep over RAM budgets, the search for the least RAM that works) take an allowance alone.
 */
public record Allowance(double runtimeRatio, boolean paging, boolean remat) {

    public Allowance {
        if (!(runtimeRatio > 0) || Double.isInfinite(runtimeRatio)) {
            throw new IllegalArgumentException("runtime: must be a positive finite ratio (was " + runtimeRatio + ")");
        }
    }

    /** This allowance with a RAM limit. */
    public Budget withRam(long ramBytes) {
        return new Budget(ramBytes, this);
    }

    public Allowance withRuntimeRatio(double ratio) {
        return new Allowance(ratio, paging, remat);
    }

    public Allowance withPaging(boolean on) {
        return new Allowance(runtimeRatio, on, remat);
    }

    public Allowance withRemat(boolean on) {
        return new Allowance(runtimeRatio, paging, on);
    }
}

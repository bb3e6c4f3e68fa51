package org.poetexplorer.schedule;

/** The kinds of operation a schedule is made of (docs/schedule-format.md). */
public enum OpKind {
    COMPUTE, RECOMPUTE, PAGE_OUT, PAGE_IN, FREE;

    public boolean isComputation() {
        return this == COMPUTE || this == RECOMPUTE;
    }

    /** A copy between RAM and storage: it runs beside the computations of its stage. */
    public boolean isTransfer() {
        return this == PAGE_IN || this == PAGE_OUT;
    }
}

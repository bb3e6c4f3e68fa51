package org.poetexplorer.schedule;

/** One operation of a schedule, with its place on the timeline and the RAM in use after it. */
public record Operation(int stage, OpKind kind, int node, double startS, double endS, double energyJ,
        long ramBytesAfter) {

    public double durationS() {
        return endS - startS;
    }
}

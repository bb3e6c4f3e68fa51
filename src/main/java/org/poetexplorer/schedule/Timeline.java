package org.poetexplorer.schedule;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.poetexplorer.model.TrainingGraph;

/**
 * Puts operations on the timeline as they come (docs/schedule-format.md, "Timeline"), each with
 * its duration and energy from the graph and the bytes in RAM after it (the outputs in RAM
 * counted once each). Computations run back to back on the compute clock, which is the time the
 * runtime budget limits; a stage begins where the computations before it end; its page-outs and
 * page-ins run one after another from the stage's beginning, beside its computations, and may
 * run past them without delaying the next stage; a FREE happens at the compute clock. When
 * transfers take time against the runtime budget ({@code serial}), there is one clock: every
 * operation starts where the one before it ends, transfers included. The replay of a plan places
 * its operations here; the checker does its own sums.
 */
final class Timeline {
    private final TrainingGraph g;
    private final boolean serial;
    private final BitSet inRam;
    private final List<Operation> ops = new ArrayList<>();
    private long bytes;
    private long peakBytes;
    private double computeClock;
    private double transferClock;
    private int stage = -1;
    private double energyJ;

    Timeline(TrainingGraph g, boolean serial) {
        this.g = g;
        this.serial = serial;
        this.inRam = new BitSet(g.size());
    }

    void add(int stage, OpKind kind, int i) {
        if (stage != this.stage) {
            this.stage = stage;
            transferClock = computeClock;
        }
        double seconds;
        double joules;
        switch (kind) {
            case COMPUTE, RECOMPUTE -> {
                arrive(i);
                seconds = g.runtime(i);
                joules = g.computeJ(i);
            }
            case PAGE_IN -> {
                arrive(i);
                seconds = g.pageInS(i);
                joules = g.pageInJ(i);
            }
            case PAGE_OUT -> {
                seconds = g.pageOutS(i);
                joules = g.pageOutJ(i);
            }
            default -> { // FREE
                if (inRam.get(i)) {
                    inRam.clear(i);
                    bytes -= g.ram(i);
                }
                seconds = 0;
                joules = 0;
            }
        }
        boolean transfer = kind.isTransfer() && !serial;
        double start = transfer ? transferClock : computeClock;
        double end = start + seconds;
        ops.add(new Operation(stage, kind, i, start, end, joules, bytes));
        if (transfer) {
            transferClock = end;
        } else {
            computeClock = end;
        }
        energyJ += joules;
    }

    /** An output comes into RAM, counted once if it is there already. */
    private void arrive(int i) {
        if (!inRam.get(i)) {
            inRam.set(i);
            bytes = Math.addExact(bytes, g.ram(i));
            peakBytes = Math.max(peakBytes, bytes);
        }
    }

    boolean inRam(int i) {
        return inRam.get(i);
    }

    /** The first output in RAM with index {@code from} or more, or -1. */
    int nextInRam(int from) {
        return inRam.nextSetBit(from);
    }

    List<Operation> ops() {
        return ops;
    }

    /** The energies of the operations so far, summed in their order. */
    double energyJ() {
        return energyJ;
    }

    /** The most bytes in RAM after any operation so far. */
    long peakBytes() {
        return peakBytes;
    }
}

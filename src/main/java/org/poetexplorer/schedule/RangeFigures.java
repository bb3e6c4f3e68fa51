package org.poetexplorer.schedule;

import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;

/**
 * What the operations inside a stretch of a schedule's time add up to: an operation is inside
 * when it starts and ends within the stretch (a FREE, which takes no time, when it happens
 * there). Compute time sums the computations' durations, the time the runtime budget limits;
 * transfer time sums the page-ins' and page-outs', which run beside them; bytes are those
 * moved by the transfers inside.
 */
public record RangeFigures(double fromS, double toS, int operations, double computeS, double transferS,
        double energyJ, long bytesMoved) {

    public static RangeFigures of(Schedule s, double fromS, double toS) {
        TrainingGraph g = s.graph();
        int count = 0;
        double compute = 0;
        double transfer = 0;
        double energy = 0;
        long moved = 0;
        for (Operation op : s.ops()) {
            if (op.startS() < fromS || op.endS() > toS || op.kind() == OpKind.FREE) {
                continue;
            }
            count++;
            energy += op.energyJ();
            if (op.kind().isComputation()) {
                compute += op.durationS();
            } else {
                transfer += op.durationS();
                moved += g.ram(op.node());
            }
        }
        return new RangeFigures(fromS, toS, count, compute, transfer, energy, moved);
    }

    /** One line for the window: the stretch and its sums. */
    public String text() {
        return Quantities.duration(fromS) + " to " + Quantities.duration(toS) + " (" + Quantities.duration(toS - fromS)
                + "): " + operations + " operations, compute " + Quantities.duration(computeS) + ", transfers "
                + Quantities.duration(transferS) + ", " + Quantities.energy(energyJ) + ", "
                + Quantities.bytes(bytesMoved) + " paged";
    }
}

package org.poetexplorer.schedule;

import java.util.List;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

/**
 * The operations a device performs for one training step, in order, for a graph and budget.
 * Built by {@link PlanReplay} from a {@link StagePlan}; checked by {@link ReplayChecker}.
 */
public record Schedule(TrainingGraph graph, Budget budget, List<Operation> ops) {

    public Schedule {
        ops = List.copyOf(ops);
    }

    /**
     * The compute clock just after each operation: the end of a computation, the time of a FREE,
     * and for a transfer (which runs beside the computations) the end of the computations before
     * it in the order. Never decreasing. A stage begins at the clock after the operation before
     * its first; the memory timeline places each operation's {@code ramBytesAfter} here, so a
     * page-in's output counts from the end of its stage's computations, as the RAM budget counts it.
     * When transfers take time, every operation runs on this one clock, transfers included.
     */
    public double[] computeClockS() {
        double[] times = new double[ops.size()];
        double clock = 0;
        boolean serial = budget().transfersTakeTime();
        for (int k = 0; k < times.length; k++) {
            Operation op = ops.get(k);
            if (serial || !op.kind().isTransfer()) {
                clock = op.endS();
            }
            times[k] = clock;
        }
        return times;
    }

    /** The latest end of any operation: the last computation's, or a transfer's that runs past it. */
    public double endS() {
        double end = 0;
        for (Operation op : ops) {
            end = Math.max(end, op.endS());
        }
        return end;
    }
}

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
}

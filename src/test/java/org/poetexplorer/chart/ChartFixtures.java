package org.poetexplorer.chart;

import java.util.List;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.OpKind;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.Schedule;

/** A small hand-made schedule on the reference "linear" graph, with round times for hit tests. */
final class ChartFixtures {
    private ChartFixtures() {
    }

    static TrainingGraph linear() {
        return ReferenceData.graph("linear", "a72");
    }

    /** compute n0 [0,1], compute n1 [1,3], page-out n1 [3,4], free n0, recompute n0 [4,5], page-in n1 [5,6]. */
    static Schedule schedule() throws Exception {
        TrainingGraph g = linear();
        return new Schedule(g, new Budget(1000, 2.0, true, true), List.of(
                new Operation(0, OpKind.COMPUTE, 0, 0, 1, 0.5, 100),
                new Operation(1, OpKind.COMPUTE, 1, 1, 3, 1.0, 300),
                new Operation(1, OpKind.PAGE_OUT, 1, 3, 4, 0.1, 300),
                new Operation(1, OpKind.FREE, 0, 4, 4, 0, 200),
                new Operation(2, OpKind.RECOMPUTE, 0, 4, 5, 0.5, 700),
                new Operation(2, OpKind.PAGE_IN, 1, 5, 6, 0.2, 400)));
    }
}

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

    /**
     * Laid out as docs/schedule-format.md places operations: compute n0 [0,1] (stage 0); compute
     * n1 [1,3], free n0 (stage 1); stage 2 from 3 s: page-out n1 [3,4] and page-in n1 [4,6] beside
     * recompute n0 [3,5], so the page-in runs 1 s past its stage; compute n3 [5,6] (stage 3).
     */
    static Schedule schedule() throws Exception {
        TrainingGraph g = linear();
        return new Schedule(g, new Budget(1000, 2.0, true, true), List.of(
                new Operation(0, OpKind.COMPUTE, 0, 0, 1, 0.5, 100),
                new Operation(1, OpKind.COMPUTE, 1, 1, 3, 1.0, 300),
                new Operation(1, OpKind.FREE, 0, 3, 3, 0, 200),
                new Operation(2, OpKind.PAGE_OUT, 1, 3, 4, 0.1, 200),
                new Operation(2, OpKind.RECOMPUTE, 0, 3, 5, 0.5, 700),
                new Operation(2, OpKind.PAGE_IN, 1, 4, 6, 0.2, 400),
                new Operation(3, OpKind.COMPUTE, 3, 5, 6, 0.5, 500)));
    }
}

package org.poetexplorer.app.view;

import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.model.GraphNode;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.Schedule;

/** One row of the node table: a node and how often the schedule computes and pages it. */
public record NodeRow(int index, String name, String type, long bytes, double computeJ, int timesComputed, int timesPaged) {

    static List<NodeRow> of(Schedule s) {
        int n = s.graph().size();
        int[] computed = new int[n];
        int[] paged = new int[n];
        for (Operation op : s.ops()) {
            switch (op.kind()) {
                case COMPUTE:
                case RECOMPUTE:
                    computed[op.node()]++;
                    break;
                case PAGE_IN:
                case PAGE_OUT:
                    paged[op.node()]++;
                    break;
                default:
                    break;
            }
        }
        List<NodeRow> rows = new ArrayList<>(n);
        for (GraphNode g : s.graph().nodes()) {
            rows.add(new NodeRow(g.index(), g.name(), g.type(), g.ramBytes(), g.computeJ(), computed[g.index()],
                    paged[g.index()]));
        }
        return rows;
    }
}

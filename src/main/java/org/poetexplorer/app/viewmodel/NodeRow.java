package org.poetexplorer.app.viewmodel;

import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.model.GraphNode;
import org.poetexplorer.schedule.NodeTreatment;
import org.poetexplorer.schedule.Schedule;

/** One row of the node table: a node and how often the schedule computes and pages it. */
public record NodeRow(int index, String name, String type, long bytes, double computeJ, int timesComputed, int timesPaged) {

    static List<NodeRow> of(Schedule s) {
        List<NodeTreatment> treatments = NodeTreatment.of(s);
        List<NodeRow> rows = new ArrayList<>(treatments.size());
        for (GraphNode g : s.graph().nodes()) {
            NodeTreatment t = treatments.get(g.index());
            rows.add(new NodeRow(g.index(), g.name(), g.type(), g.ramBytes(), g.computeJ(), 1 + t.recomputes(),
                    t.pageOuts() + t.pageIns()));
        }
        return rows;
    }
}

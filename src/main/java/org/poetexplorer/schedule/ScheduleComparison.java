package org.poetexplorer.schedule;

import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.model.TrainingGraph;

/**
 * A schedule against a baseline schedule of the same graph: the change in energy, compute time
 * and peak RAM (current minus baseline), and the nodes whose treatment differs.
 *
 * @param baselineEnergyJ the baseline's energy, to put the change in energy in proportion
 */
public record ScheduleComparison(double baselineEnergyJ, double energyDeltaJ, double runtimeDeltaS,
        long peakDeltaBytes, List<Decision> differing) {

    public ScheduleComparison {
        differing = List.copyOf(differing);
    }

    /** A node the two schedules treat differently. */
    public record Decision(int node, String name, NodeTreatment baseline, NodeTreatment current) {
    }

    /** Whether two schedules are of the same graph (same network on the same device), so they can be compared. */
    public static boolean comparable(Schedule baseline, Schedule current) {
        TrainingGraph a = baseline.graph();
        TrainingGraph b = current.graph();
        return a == b || a.name().equals(b.name()) && a.size() == b.size()
                && java.util.Objects.equals(a.deviceId(), b.deviceId()) && a.nodes().equals(b.nodes());
    }

    /** {@code current} against {@code baseline}; both of the same graph ({@link #comparable}). */
    public static ScheduleComparison of(Schedule baseline, Schedule current) {
        if (!comparable(baseline, current)) {
            throw new IllegalArgumentException("schedules of different graphs cannot be compared");
        }
        ScheduleSummary b = ScheduleSummary.of(baseline);
        ScheduleSummary c = ScheduleSummary.of(current);
        List<NodeTreatment> tb = NodeTreatment.of(baseline);
        List<NodeTreatment> tc = NodeTreatment.of(current);
        List<Decision> differing = new ArrayList<>();
        for (int i = 0; i < tb.size(); i++) {
            if (!tb.get(i).equals(tc.get(i))) {
                differing.add(new Decision(i, current.graph().node(i).name(), tb.get(i), tc.get(i)));
            }
        }
        return new ScheduleComparison(b.energyJ(), c.energyJ() - b.energyJ(), c.runtimeS() - b.runtimeS(),
                c.peakRamBytes() - b.peakRamBytes(), differing);
    }
}

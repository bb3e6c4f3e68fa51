package org.poetexplorer.schedule;

import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.TrainingGraph;

/** Hand-made plans and schedules shared by the schedule and file tests. */
public final class ScheduleFixtures {
    /** Σ compute_j of linear__m0.json, summed by hand from the file. */
    public static final double LINEAR_M0_PLAIN_J = 0.10467864000000002;
    /** compute_j[1] + pageout_j[0] + pagein_j[0] of linear__m0.json. */
    public static final double LINEAR_M0_EXTRA_J = 0.006751670421123668;

    private ScheduleFixtures() {
    }

    /** The m0 profile of docs/model.md section 1. */
    public static Device m0() {
        return new Device("m0", "Arduino MKR1000", 2000 / 0.012, 2000 / (0.012 * 0.020 * 3.3), 0.109e-3, 4616.51e3,
                0.113e-3, 4440e3, 0.1 * 3.3, 4, 0.020 * 3.3, "test");
    }

    public static Budget roomy() {
        return new Budget(1_000_000_000L, 2.0, true, true);
    }

    /**
     * On the 27-node linear graph: the input (node 0) is paged out in stage 1, dropped from RAM,
     * and paged back in at the end of stage 24; node 1 is dropped after stage 2 and recomputed in
     * stage 25. Costs Σ computeJ + computeJ[1] + pageOutJ[0] + pageInJ[0].
     */
    public static StagePlan linearPagingAndRecompute(TrainingGraph g) {
        return Plans.plainBuilder(g)
                .setMOut(1, 0, true).store(0, 2, 26, true).keep(0, 2, 24, false).setMIn(24, 0, true)
                .keep(1, 3, 25, false).setR(25, 1, true)
                .build();
    }

    /** A schedule of hand-picked steps, its times, energies and RAM figures filled in consistently. */
    public static Schedule fromSteps(TrainingGraph g, Budget b, List<int[]> stageKindNode) {
        Timeline timeline = new Timeline(g, b.transfersTakeTime());
        for (int[] s : stageKindNode) {
            timeline.add(s[0], OpKind.values()[s[1]], s[2]);
        }
        return new Schedule(g, b, timeline.ops());
    }

    /** The schedule's steps as {stage, kind ordinal, node}, for editing in tests. */
    public static List<int[]> steps(Schedule s) {
        List<int[]> out = new ArrayList<>();
        for (Operation op : s.ops()) {
            out.add(new int[] {op.stage(), op.kind().ordinal(), op.node()});
        }
        return out;
    }

    public static int indexOf(Schedule s, int stage, OpKind kind, int node) {
        for (int x = 0; x < s.ops().size(); x++) {
            Operation op = s.ops().get(x);
            if (op.stage() == stage && op.kind() == kind && op.node() == node) {
                return x;
            }
        }
        throw new AssertionError("no " + kind + " of node " + node + " in stage " + stage);
    }

    public static double energy(Schedule s) {
        double e = 0;
        for (Operation op : s.ops()) {
            e += op.energyJ();
        }
        return e;
    }
}

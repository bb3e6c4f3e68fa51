package org.poetexplorer.solver;

import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.StagePlan;

/**
 * The stage decisions a schedule performs, read back from its operations, so that a cleaned
 * schedule and the plan reported with it say the same thing.
 */
final class SchedulePlans {
    private SchedulePlans() {
    }

    static StagePlan of(Schedule s) {
        int n = s.graph().size();
        StagePlan.Builder plan = StagePlan.builder(n);
        boolean[] inRam = new boolean[n];
        boolean[] onSd = new boolean[n];
        int stage = -1;
        for (Operation op : s.ops()) {
            while (stage < op.stage()) {
                stage++;
                record(plan, stage, inRam, onSd);
            }
            int i = op.node();
            switch (op.kind()) {
                case COMPUTE:
                case RECOMPUTE:
                    plan.setR(stage, i, true);
                    inRam[i] = true;
                    break;
                case PAGE_OUT:
                    plan.setMOut(stage, i, true);
                    onSd[i] = true;
                    break;
                case PAGE_IN:
                    plan.setMIn(stage, i, true);
                    inRam[i] = true;
                    break;
                case FREE:
                    inRam[i] = false;
                    break;
                default:
                    throw new IllegalStateException("unknown operation " + op.kind());
            }
        }
        while (stage + 1 < n) {
            stage++;
            record(plan, stage, inRam, onSd);
        }
        return plan.build();
    }

    private static void record(StagePlan.Builder plan, int stage, boolean[] inRam, boolean[] onSd) {
        for (int i = 0; i < inRam.length; i++) {
            plan.setSRam(stage, i, inRam[i]);
            plan.setSSd(stage, i, onSd[i]);
        }
    }
}

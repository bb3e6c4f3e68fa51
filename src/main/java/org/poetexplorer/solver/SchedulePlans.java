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
        boolean[][] r = new boolean[n][n];
        boolean[][] sRam = new boolean[n][n];
        boolean[][] sSd = new boolean[n][n];
        boolean[][] mIn = new boolean[n][n];
        boolean[][] mOut = new boolean[n][n];
        boolean[] inRam = new boolean[n];
        boolean[] onSd = new boolean[n];
        int stage = -1;
        for (Operation op : s.ops()) {
            while (stage < op.stage()) {
                stage++;
                sRam[stage] = inRam.clone();
                sSd[stage] = onSd.clone();
            }
            int i = op.node();
            switch (op.kind()) {
                case COMPUTE:
                case RECOMPUTE:
                    r[stage][i] = true;
                    inRam[i] = true;
                    break;
                case PAGE_OUT:
                    mOut[stage][i] = true;
                    onSd[i] = true;
                    break;
                case PAGE_IN:
                    mIn[stage][i] = true;
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
            sRam[stage] = inRam.clone();
            sSd[stage] = onSd.clone();
        }
        return new StagePlan(r, sRam, sSd, mIn, mOut);
    }
}

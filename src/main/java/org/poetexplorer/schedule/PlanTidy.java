package org.poetexplorer.solver;

import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.StagePlan;

/**
 * Removes decisions of a rounded plan that do nothing, so that the operations built from it
 * are all meaningful: a recomputation of an output already in RAM, a recomputation nobody in
 * the stage reads and the next stage does not keep, a page-in of an output that is resident
 * anyway or is not kept, a page-out of an output already on storage. Each removal only lowers
 * energy and RAM and keeps every constraint of the model satisfied, so a valid plan stays
 * valid. (A solver may leave such waste where it is free, e.g. "recomputing" the input.)
 */
final class PlanTidy {
    private PlanTidy() {
    }

    static StagePlan tidy(TrainingGraph g, StagePlan plan) {
        int n = plan.size();
        boolean[][] r = plan.copyR();
        boolean[][] sRam = plan.copySRam();
        boolean[][] sSd = plan.copySSd();
        boolean[][] mIn = plan.copyMIn();
        boolean[][] mOut = plan.copyMOut();
        for (int t = 0; t < n; t++) {
            boolean keepNext = t + 1 < n;
            for (int i = t - 1; i >= 0; i--) {
                if (!r[t][i]) {
                    continue;
                }
                boolean useful = !sRam[t][i] && ((keepNext && sRam[t + 1][i]) || readInStage(g, r, t, i));
                if (!useful) {
                    r[t][i] = false;
                }
            }
            for (int i = 0; i < n; i++) {
                if (mIn[t][i] && (!keepNext || !sRam[t + 1][i] || sRam[t][i] || r[t][i])) {
                    mIn[t][i] = false;
                }
                if (mOut[t][i] && sSd[t][i]) {
                    mOut[t][i] = false;
                }
            }
        }
        return new StagePlan(r, sRam, sSd, mIn, mOut);
    }

    private static boolean readInStage(TrainingGraph g, boolean[][] r, int t, int i) {
        for (int j : g.succs(i)) {
            if (j <= t && r[t][j]) {
                return true;
            }
        }
        return false;
    }
}

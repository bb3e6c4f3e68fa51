package org.poetexplorer.schedule;

import org.poetexplorer.model.TrainingGraph;

/**
 * Removes decisions of a rounded plan that do nothing, so that the operations built from it
 * are all meaningful: a recomputation of an output already in RAM, a recomputation nobody in
 * the stage reads and the next stage does not keep, a page-in of an output that is resident
 * anyway or is not kept, a page-out of an output already on storage. Each removal only lowers
 * energy and RAM and keeps every constraint of the model satisfied, so a valid plan stays
 * valid. (A solver may leave such waste where it is free, e.g. "recomputing" the input.)
 */
public final class PlanTidy {
    private PlanTidy() {
    }

    public static StagePlan tidy(TrainingGraph g, StagePlan plan) {
        int n = plan.size();
        StagePlan.Builder b = plan.toBuilder();
        for (int t = 0; t < n; t++) {
            boolean keepNext = t + 1 < n;
            int[] computed = plan.computed(t);
            for (int q = computed.length - 1; q >= 0; q--) {
                int i = computed[q];
                if (i == t) {
                    continue;
                }
                boolean useful = !b.sRam(t, i) && ((keepNext && b.sRam(t + 1, i)) || readInStage(g, b, t, i));
                if (!useful) {
                    b.setR(t, i, false);
                }
            }
            for (int i : plan.pageIns(t)) {
                if (!keepNext || !b.sRam(t + 1, i) || b.sRam(t, i) || b.r(t, i)) {
                    b.setMIn(t, i, false);
                }
            }
            for (int i : plan.pageOuts(t)) {
                if (b.sSd(t, i)) {
                    b.setMOut(t, i, false);
                }
            }
        }
        return b.build();
    }

    private static boolean readInStage(TrainingGraph g, StagePlan.Builder b, int t, int i) {
        for (int j : g.succs(i)) {
            if (j <= t && b.r(t, j)) {
                return true;
            }
        }
        return false;
    }
}

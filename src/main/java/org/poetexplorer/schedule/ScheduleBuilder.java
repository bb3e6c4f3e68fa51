package org.poetexplorer.schedule;

import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

/**
 * Turns a stage plan into the operations of docs/schedule-format.md, in the order fixed there:
 * page-outs; computations in increasing node order, each followed by the frees of the
 * dependencies the stage no longer needs; frees of what is not kept for the next stage;
 * page-ins. The builder does not judge the plan: {@link ReplayChecker} does.
 */
public final class ScheduleBuilder {
    private ScheduleBuilder() {
    }

    public static Schedule build(TrainingGraph g, Budget b, StagePlan plan) {
        int n = g.size();
        if (plan.size() != n) {
            throw new IllegalArgumentException("plan is for " + plan.size() + " nodes, the graph has " + n);
        }
        List<Timeline.Step> steps = new ArrayList<>();
        boolean[] inRam = new boolean[n];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < n; i++) {
                if (plan.mOut(t, i)) {
                    steps.add(new Timeline.Step(t, OpKind.PAGE_OUT, i));
                }
            }
            for (int k = 0; k <= t; k++) {
                if (!plan.r(t, k)) {
                    continue;
                }
                steps.add(new Timeline.Step(t, k == t ? OpKind.COMPUTE : OpKind.RECOMPUTE, k));
                inRam[k] = true;
                for (int i : g.deps(k)) {
                    if (inRam[i] && !plan.keptAfter(t, i) && !neededLaterInStage(g, plan, t, i, k)) {
                        steps.add(new Timeline.Step(t, OpKind.FREE, i));
                        inRam[i] = false;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (inRam[i] && !plan.keptAfter(t, i)) {
                    steps.add(new Timeline.Step(t, OpKind.FREE, i));
                    inRam[i] = false;
                }
            }
            for (int i = 0; i < n; i++) {
                if (plan.mIn(t, i)) {
                    steps.add(new Timeline.Step(t, OpKind.PAGE_IN, i));
                    inRam[i] = true;
                }
            }
        }
        return new Schedule(g, b, Timeline.place(g, steps));
    }

    /** Whether a node after k that uses i is computed in stage t. */
    private static boolean neededLaterInStage(TrainingGraph g, StagePlan plan, int t, int i, int k) {
        for (int j : g.succs(i)) {
            if (j > k && j <= t && plan.r(t, j)) {
                return true;
            }
        }
        return false;
    }

    /** Every node once in its own stage, outputs kept exactly while a later node needs them, nothing paged. */
    public static Schedule plain(TrainingGraph g, Budget b) {
        return build(g, b, plainPlan(g));
    }

    /** The stage plan of {@link #plain}: R[t][t], and i kept in RAM into stage t+1 while a node after t uses it. */
    public static StagePlan plainPlan(TrainingGraph g) {
        int n = g.size();
        boolean[][] r = new boolean[n][n];
        boolean[][] sRam = new boolean[n][n];
        for (int t = 0; t < n; t++) {
            r[t][t] = true;
            for (int i = 0; i < t; i++) {
                int[] succ = g.succs(i);
                sRam[t][i] = succ.length > 0 && succ[succ.length - 1] >= t;
            }
        }
        return new StagePlan(r, sRam, new boolean[n][n], new boolean[n][n], new boolean[n][n]);
    }
}

package org.poetexplorer.solver.phases;

import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.StagePlan;

/**
 * Facts that settle a solve without a MILP.
 * <ul>
 * <li>Every schedule computes every node at least once and no cost is negative, so energy is
 *   at least the plain energy (sum of computeJ) and compute time at least the plain runtime.</li>
 * <li>Computing node k needs all of k's inputs in RAM and k's output allocated at once, so a
 *   budget below max over k of (ram[k] + sum of k's dependencies' ram) admits no schedule.</li>
 * </ul>
 */
public final class InfeasibilityProofs {
    private InfeasibilityProofs() {
    }

    /** The least RAM any schedule needs: the largest node-plus-inputs working set. */
    public static long minimumRamBytes(TrainingGraph g) {
        long need = 0;
        for (int k = 0; k < g.size(); k++) {
            long s = g.ram(k);
            for (int d : g.deps(k)) {
                s += g.ram(d);
            }
            need = Math.max(need, s);
        }
        return need;
    }

    /** Why no schedule can exist under {@code b}, or null when these facts do not rule it out. */
    public static String infeasibility(TrainingGraph g, Budget b) {
        long need = minimumRamBytes(g);
        if (b.ramBytes() < need) {
            return "the RAM budget " + b.ramBytes() + " B is below the " + need
                    + " B that the largest node needs with its inputs";
        }
        if (b.runtimeRatio() < 1 && g.plainRuntimeS() > 0) {
            return "the runtime budget " + b.runtimeRatio() + " x is below one plain step (every node must run once)";
        }
        return null;
    }

    /**
     * The plain plan: node t computed in stage t, an output kept into stage t+1 while a node
     * after t reads it, nothing paged or recomputed.
     */
    public static StagePlan plainPlan(TrainingGraph g) {
        int n = g.size();
        boolean[][] r = new boolean[n][n];
        boolean[][] keep = new boolean[n][n];
        for (int t = 0; t < n; t++) {
            r[t][t] = true;
        }
        for (int i = 0; i < n; i++) {
            int last = -1;
            for (int j : g.succs(i)) {
                last = Math.max(last, j);
            }
            for (int t = i + 1; t <= last; t++) {
                keep[t][i] = true;
            }
        }
        return new StagePlan(r, keep, new boolean[n][n], new boolean[n][n], new boolean[n][n]);
    }
}

package org.poetexplorer.milp;

import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.StagePlan;

/**
 * Replays a stage plan by the operation order of docs/schedule-format.md and recomputes its figures
 * exactly from the graph: energy (summed in operation order), compute time and peak RAM.
 * The solver uses it to rank and filter rounded solver answers before a schedule is built;
 * the schedule package's replay checker then checks the built schedule independently.
 */
final class PlanCheck {

    /** The outcome: {@code problem} is null when the plan is valid under the budget. */
    record Figures(String problem, double energyJ, double runtimeS, long peakRamBytes) {
        boolean valid() {
            return problem == null;
        }
    }

    private PlanCheck() {
    }

    static Figures check(TrainingGraph g, Budget b, StagePlan p) {
        int n = g.size();
        if (p.size() != n) {
            return new Figures("plan has " + p.size() + " stages for " + n + " nodes", Double.NaN, Double.NaN, -1);
        }
        boolean[] inRam = new boolean[n];
        boolean[] onSd = new boolean[n];
        long bytes = 0;
        long peak = 0;
        double energy = 0;
        double runtime = 0;
        String problem = null;
        for (int t = 0; t < n && problem == null; t++) {
            for (int i = 0; i < n; i++) {
                if (p.sRam(t, i) != inRam[i]) {
                    problem = "stage " + t + ": node " + i + (inRam[i] ? " is in RAM but not kept" : " is kept but not in RAM");
                    break;
                }
            }
            if (problem != null) {
                break;
            }
            if (!p.r(t, t)) {
                problem = "stage " + t + ": node " + t + " is not computed in its own stage";
                break;
            }
            for (int i = 0; i < n; i++) {
                if (p.mOut(t, i)) {
                    if (!b.paging()) {
                        problem = "stage " + t + ": paging is off but node " + i + " is paged out";
                        break;
                    }
                    if (!inRam[i]) {
                        problem = "stage " + t + ": page-out of node " + i + " which is not in RAM";
                        break;
                    }
                    onSd[i] = true;
                    energy += g.pageOutJ(i);
                }
            }
            for (int k = 0; k <= t && problem == null; k++) {
                if (!p.r(t, k)) {
                    continue;
                }
                if (k < t && !b.remat()) {
                    problem = "stage " + t + ": rematerialization is off but node " + k + " is recomputed";
                    break;
                }
                for (int d : g.deps(k)) {
                    if (!inRam[d]) {
                        problem = "stage " + t + ": node " + k + " needs node " + d + " which is not in RAM";
                        break;
                    }
                }
                if (problem != null) {
                    break;
                }
                if (inRam[k]) {
                    problem = "stage " + t + ": node " + k + " is computed while its output is in RAM";
                    break;
                }
                inRam[k] = true;
                bytes += g.ram(k);
                peak = Math.max(peak, bytes);
                energy += g.computeJ(k);
                runtime += g.runtime(k);
                for (int d : g.deps(k)) {
                    if (!neededLater(g, p, t, d, k)) {
                        inRam[d] = false;
                        bytes -= g.ram(d);
                    }
                }
            }
            if (problem != null) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (inRam[i] && !p.keptAfter(t, i)) {
                    inRam[i] = false;
                    bytes -= g.ram(i);
                }
            }
            for (int i = 0; i < n; i++) {
                if (p.mIn(t, i)) {
                    if (!b.paging()) {
                        problem = "stage " + t + ": paging is off but node " + i + " is paged in";
                        break;
                    }
                    if (!onSd[i]) {
                        problem = "stage " + t + ": page-in of node " + i + " which is not on storage";
                        break;
                    }
                    if (inRam[i]) {
                        problem = "stage " + t + ": page-in of node " + i + " which is already in RAM";
                        break;
                    }
                    inRam[i] = true;
                    bytes += g.ram(i);
                    peak = Math.max(peak, bytes);
                    energy += g.pageInJ(i);
                }
            }
        }
        if (problem == null && peak > b.ramBytes()) {
            problem = "peak RAM " + peak + " B exceeds the budget " + b.ramBytes() + " B";
        }
        if (problem == null && runtime > b.runtimeRatio() * g.plainRuntimeS() * (1 + 1e-12)) {
            problem = "compute time " + runtime + " s exceeds " + b.runtimeRatio() + " x " + g.plainRuntimeS() + " s";
        }
        return new Figures(problem, energy, runtime, peak);
    }

    /** Whether stage t still needs output d after node k: a later reader computed, or kept. */
    private static boolean neededLater(TrainingGraph g, StagePlan p, int t, int d, int k) {
        if (p.keptAfter(t, d)) {
            return true;
        }
        for (int j : g.succs(d)) {
            if (j > k && j <= t && p.r(t, j)) {
                return true;
            }
        }
        return false;
    }
}

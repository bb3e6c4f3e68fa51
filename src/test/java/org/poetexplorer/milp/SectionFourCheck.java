package org.poetexplorer.milp;

import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.StagePlan;

/**
 * Test-only: checks a plan directly against the constraints of docs/model.md section 4,
 * written out again from the text (frees from the hazard rule (6), RAM levels from (7)),
 * independently of the solver's own code. Returns null when the plan satisfies them all,
 * otherwise the first broken constraint.
 */
final class SectionFourCheck {
    private SectionFourCheck() {
    }

    /** The objective of section 4 for a plan. */
    static double energyJ(TrainingGraph g, StagePlan p) {
        double e = 0;
        for (int t = 0; t < g.size(); t++) {
            for (int i = 0; i < g.size(); i++) {
                e += (p.r(t, i) ? g.computeJ(i) : 0) + (p.mIn(t, i) ? g.pageInJ(i) : 0)
                        + (p.mOut(t, i) ? g.pageOutJ(i) : 0);
            }
        }
        return e;
    }

    /** Peak of U[t][k] over the plan, from (6) and (7). */
    static long peakBytes(TrainingGraph g, StagePlan p) {
        int n = g.size();
        long peak = 0;
        for (int t = 0; t < n; t++) {
            long u = p.r(t, 0) ? g.ram(0) : 0;
            for (int i = 0; i < n; i++) {
                u += p.sRam(t, i) ? g.ram(i) : 0;
            }
            peak = Math.max(peak, u);
            for (int k = 0; k + 1 < n; k++) {
                u += p.r(t, k + 1) ? g.ram(k + 1) : 0;
                for (int i : g.deps(k)) {
                    if (freed(g, p, t, i, k)) {
                        u -= g.ram(i);
                    }
                }
                peak = Math.max(peak, u);
            }
        }
        return peak;
    }

    private static boolean freed(TrainingGraph g, StagePlan p, int t, int i, int k) {
        int hazards = 1 - (p.r(t, k) ? 1 : 0);
        if (t + 1 < g.size() && p.sRam(t + 1, i)) {
            hazards++;
        }
        for (int j : g.succs(i)) {
            if (j > k && p.r(t, j)) {
                hazards++;
            }
        }
        return hazards == 0;
    }

    static String violation(TrainingGraph g, Budget b, StagePlan p) {
        int n = g.size();
        double runtime = 0;
        for (int t = 0; t < n; t++) {
            if (!p.r(t, t)) {
                return "(1) R[" + t + "][" + t + "] != 1";
            }
            for (int i = 0; i < n; i++) {
                if ((i > t && (p.r(t, i) || p.mIn(t, i) || p.mOut(t, i))) || (i >= t && (p.sRam(t, i) || p.sSd(t, i)))) {
                    return "(1) frontier broken at stage " + t + " node " + i;
                }
                if (!b.paging() && (p.mIn(t, i) || p.mOut(t, i) || p.sSd(t, i))) {
                    return "(9) paging used at stage " + t + " node " + i;
                }
                if (!b.remat() && i != t && p.r(t, i)) {
                    return "(9) recomputation at stage " + t + " node " + i;
                }
                if (p.mIn(t, i) && !p.sSd(t, i)) {
                    return "(5) page-in without storage at stage " + t + " node " + i;
                }
                if (p.mOut(t, i) && !p.sRam(t, i)) {
                    return "(5) page-out without RAM at stage " + t + " node " + i;
                }
                if (t + 1 < n && p.sRam(t + 1, i) && !(p.sRam(t, i) || p.r(t, i) || p.mIn(t, i))) {
                    return "(3) RAM carry broken into stage " + (t + 1) + " node " + i;
                }
                if (t + 1 < n && p.sSd(t + 1, i) && !(p.sSd(t, i) || p.mOut(t, i))) {
                    return "(4) storage carry broken into stage " + (t + 1) + " node " + i;
                }
                runtime += p.r(t, i) ? g.runtime(i) : 0;
            }
            for (int v = 0; v < n; v++) {
                for (int u : g.deps(v)) {
                    if (p.r(t, v) && !(p.r(t, u) || p.sRam(t, u))) {
                        return "(2) stage " + t + ": node " + v + " computed without input " + u;
                    }
                }
            }
        }
        long peak = peakBytes(g, p);
        if (peak > b.ramBytes()) {
            return "(7) RAM " + peak + " B over the budget " + b.ramBytes() + " B";
        }
        if (runtime > b.runtimeRatio() * g.plainRuntimeS() * (1 + 1e-12)) {
            return "(8) runtime " + runtime + " s over " + b.runtimeRatio() + " x plain";
        }
        return null;
    }
}

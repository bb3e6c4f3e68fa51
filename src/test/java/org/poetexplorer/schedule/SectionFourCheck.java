package org.poetexplorer.schedule;

import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

/**
 * Test-only: checks a stage plan against the constraints of docs/model.md section 4, written
 * out one by one from the text (independently of the engine's replay and of the solver's and the
 * heuristic's own evaluation): frontier, dependencies, RAM and storage carry, paging
 * preconditions, the free variables fixed by their hazards, the memory recurrence U against the
 * budget, runtime, and the switches. {@link #violation} returns the first violation, or null;
 * {@link #objective} is the energy.
 */
public final class SectionFourCheck {
    private SectionFourCheck() {
    }

    public static double objective(TrainingGraph g, StagePlan p) {
        double e = 0;
        int n = g.size();
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < n; i++) {
                e += (p.r(t, i) ? g.computeJ(i) : 0) + (p.mIn(t, i) ? g.pageInJ(i) : 0)
                        + (p.mOut(t, i) ? g.pageOutJ(i) : 0);
            }
        }
        return e;
    }

    public static long peak(TrainingGraph g, StagePlan p) {
        long m = 0;
        for (int t = 0; t < g.size(); t++) {
            long[] ut = memory(g, p, t);
            for (long x : ut) {
                m = Math.max(m, x);
            }
        }
        return m;
    }

    /** U[t][0..n-1] of constraint 7, with Free from constraint 6. */
    private static long[] memory(TrainingGraph g, StagePlan p, int t) {
        int n = g.size();
        long[] u = new long[n];
        long u0 = p.r(t, 0) ? g.ram(0) : 0;
        for (int i = 0; i < n; i++) {
            if (p.sRam(t, i)) {
                u0 += g.ram(i);
            }
        }
        u[0] = u0;
        for (int k = 0; k + 1 < n; k++) {
            long next = u[k] + (p.r(t, k + 1) ? g.ram(k + 1) : 0);
            for (int i : g.deps(k)) {
                if (free(g, p, t, i, k)) {
                    next -= g.ram(i);
                }
            }
            u[k + 1] = next;
        }
        return u;
    }

    /** Free[t][(i,k)] is fixed by constraint 6: 1 exactly when its hazards are 0. */
    private static boolean free(TrainingGraph g, StagePlan p, int t, int i, int k) {
        int n = g.size();
        int hazards = (p.r(t, k) ? 0 : 1) + (t + 1 < n && p.sRam(t + 1, i) ? 1 : 0);
        for (int j : g.succs(i)) {
            if (j > k && p.r(t, j)) {
                hazards++;
            }
        }
        return hazards == 0;
    }

    public static String violation(TrainingGraph g, Budget b, StagePlan p) {
        int n = g.size();
        if (p.size() != n) {
            return "plan size " + p.size() + " != " + n;
        }
        double runtime = 0;
        for (int t = 0; t < n; t++) {
            // 1. frontier
            if (!p.r(t, t)) {
                return "R[" + t + "][" + t + "] must be 1";
            }
            for (int i = 0; i < n; i++) {
                if (i > t && (p.r(t, i) || p.mIn(t, i) || p.mOut(t, i))) {
                    return "stage " + t + " touches later node " + i;
                }
                if (i >= t && (p.sRam(t, i) || p.sSd(t, i))) {
                    return "stage " + t + " holds node " + i + " >= t";
                }
                if (b.transfersTakeTime()) {
                    runtime += (p.mIn(t, i) ? g.pageInS(i) : 0) + (p.mOut(t, i) ? g.pageOutS(i) : 0);
                }
                if (p.r(t, i)) {
                    runtime += g.runtime(i);
                    if (p.sRam(t, i)) {
                        return "replay rule: stage " + t + " computes " + i + " while it is in RAM";
                    }
                }
                // 9. switches
                if (!b.paging() && (p.mIn(t, i) || p.mOut(t, i) || p.sSd(t, i))) {
                    return "paging used while off: stage " + t + " node " + i;
                }
                if (!b.remat() && p.r(t, i) != (i == t)) {
                    return "recomputation while off: stage " + t + " node " + i;
                }
                // 5. paging preconditions
                if (p.mIn(t, i) && !p.sSd(t, i)) {
                    return "page-in of " + i + " in stage " + t + " without storage copy";
                }
                if (p.mOut(t, i) && !p.sRam(t, i)) {
                    return "page-out of " + i + " in stage " + t + " not in RAM";
                }
                if (t + 1 < n) {
                    // 3. RAM carry, 4. storage carry
                    if (p.sRam(t + 1, i) && !(p.sRam(t, i) || p.r(t, i) || p.mIn(t, i))) {
                        return "SRam[" + (t + 1) + "][" + i + "] without source";
                    }
                    if (p.sSd(t + 1, i) && !(p.sSd(t, i) || p.mOut(t, i))) {
                        return "SSd[" + (t + 1) + "][" + i + "] without source";
                    }
                }
            }
            // 2. dependencies
            for (int v = 0; v < n; v++) {
                if (!p.r(t, v)) {
                    continue;
                }
                for (int u : g.deps(v)) {
                    if (!p.r(t, u) && !p.sRam(t, u)) {
                        return "stage " + t + " computes " + v + " without input " + u;
                    }
                }
            }
            // 7. memory
            long[] u = memory(g, p, t);
            for (int k = 0; k < n; k++) {
                if (u[k] < 0) {
                    return "U[" + t + "][" + k + "] negative";
                }
                if (u[k] > b.ramBytes()) {
                    return "U[" + t + "][" + k + "] = " + u[k] + " > budget " + b.ramBytes();
                }
            }
        }
        // 8. runtime
        if (runtime > b.runtimeRatio() * g.plainRuntimeS()) {
            return "runtime " + runtime + " > " + b.runtimeRatio() + " x " + g.plainRuntimeS();
        }
        return null;
    }
}

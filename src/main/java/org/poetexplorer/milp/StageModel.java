package org.poetexplorer.milp;

import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.StagePlan;

/**
 * A built stage formulation: the linear model plus where each decision of docs/model.md
 * section 4 lives in it. Column indices are {@link #ABSENT} for decisions fixed to zero and
 * {@link #ONE} for decisions fixed to one (R[t][t]), which have no column.
 *
 * <p>{@code energyUnitJ} and {@code objectiveOffsetJ} turn a model objective into joules:
 * energy = objectiveOffsetJ + objective * energyUnitJ (for a model with a scaled objective;
 * for an integer objective see {@code objectiveScale}).
 */
public record StageModel(
        TrainingGraph graph,
        Budget budget,
        LinearModel lp,
        int[][] r,
        int[][] sRam,
        int[][] sSd,
        int[][] mIn,
        int[][] mOut,
        double energyUnitJ,
        double objectiveOffsetJ,
        boolean allInteger) {

    public static final int ABSENT = -1;
    public static final int ONE = -2;

    /** Joules of a model objective value. */
    public double energyJ(double objective) {
        return objectiveOffsetJ + objective * energyUnitJ;
    }

    /** Model objective of an energy in joules (inverse of {@link #energyJ}). */
    public double objectiveOf(double energyJ) {
        return (energyJ - objectiveOffsetJ) / energyUnitJ;
    }

    /** Rounds a solution of the model to 0/1 decisions. */
    public StagePlan round(double[] x) {
        int n = graph.size();
        return new StagePlan(bits(r, x, n), bits(sRam, x, n), bits(sSd, x, n), bits(mIn, x, n), bits(mOut, x, n));
    }

    private static boolean[][] bits(int[][] cols, double[] x, int n) {
        boolean[][] b = new boolean[n][n];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < n; i++) {
                int c = cols[t][i];
                b[t][i] = c == ONE || (c >= 0 && x[c] > 0.5);
            }
        }
        return b;
    }

    /** A point of the model that encodes {@code plan} (for hints), or null if the plan needs a
     *  decision this model fixed to zero. Columns that are not decisions (frees, RAM levels) are
     *  left NaN: backends hint decisions only. */
    public double[] pointOf(StagePlan plan) {
        double[] x = new double[lp.numVars()];
        java.util.Arrays.fill(x, Double.NaN);
        int n = graph.size();
        int[][][] all = {r, sRam, sSd, mIn, mOut};
        for (int m = 0; m < all.length; m++) {
            for (int t = 0; t < n; t++) {
                for (int i = 0; i < n; i++) {
                    boolean v = value(plan, m, t, i);
                    int c = all[m][t][i];
                    if (c >= 0) {
                        x[c] = v ? 1 : 0;
                    } else if (c == ABSENT && v) {
                        return null;
                    }
                }
            }
        }
        return x;
    }

    private static boolean value(StagePlan p, int m, int t, int i) {
        switch (m) {
            case 0:
                return p.r(t, i);
            case 1:
                return p.sRam(t, i);
            case 2:
                return p.sSd(t, i);
            case 3:
                return p.mIn(t, i);
            default:
                return p.mOut(t, i);
        }
    }
}

package org.poetexplorer.solver.phases;

import java.util.Arrays;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.StagePlan;
import org.poetexplorer.solver.backends.LinearModel;

/**
 * A built stage formulation: the linear model plus where each decision of docs/model.md
 * section 4 lives in it. Column indices are {@link #ABSENT} for decisions fixed to zero and
 * {@link #ONE} for decisions fixed to one (R[t][t]), which have no column.
 *
 * <p>{@code energyUnitJ} and {@code objectiveOffsetJ} turn a model objective into joules:
 * energy = objectiveOffsetJ + objective * energyUnitJ (for a model with a scaled objective;
 * for an integer objective see {@code objectiveScale}).
 *
 * <p>A window's model ({@link StageFormulation#window}) decides some stages only: the index
 * arrays of the others are null, and {@code outside} is the plan that decides them (null for
 * a whole model). Its objective offset includes what the fixed decisions cost.
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
        boolean allInteger,
        StagePlan outside) {

    public static final int ABSENT = -1;
    public static final int ONE = -2;

    /** Joules of a model objective value. */
    public double energyJ(double objective) {
        return objectiveOffsetJ + objective * energyUnitJ;
    }

    /** Rounds a solution of the model to 0/1 decisions (a window's: with the fixed plan's around them). */
    public StagePlan round(double[] x) {
        int n = graph.size();
        StagePlan.Builder plan = outside == null ? StagePlan.builder(n) : outside.toBuilder();
        for (int t = 0; t < n; t++) {
            if (r[t] == null) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                plan.setR(t, i, bit(r[t][i], x)).setSRam(t, i, bit(sRam[t][i], x)).setSSd(t, i, bit(sSd[t][i], x))
                        .setMIn(t, i, bit(mIn[t][i], x)).setMOut(t, i, bit(mOut[t][i], x));
            }
        }
        return plan.build();
    }

    private static boolean bit(int column, double[] x) {
        return column == ONE || (column >= 0 && x[column] > 0.5);
    }

    /**
     * A point of the model that encodes {@code plan} (for hints), or null if the plan needs a
     * decision this model fixed to zero. Columns that are not decisions (frees, RAM levels) are
     * left NaN: backends hint decisions only.
     */
    public double[] pointOf(StagePlan plan) {
        double[] x = new double[lp.numVars()];
        Arrays.fill(x, Double.NaN);
        int n = graph.size();
        for (int[][] decision : new int[][][] {r, sRam, sSd, mIn, mOut}) {
            for (int t = 0; t < n; t++) {
                if (decision[t] == null) {
                    continue;
                }
                for (int c : decision[t]) {
                    if (c >= 0) {
                        x[c] = 0;
                    }
                }
            }
        }
        for (int t = 0; t < n; t++) {
            if (r[t] == null) {
                continue;
            }
            if (!set(x, r[t], plan.computed(t)) || !set(x, sRam[t], plan.kept(t)) || !set(x, sSd[t], plan.stored(t))
                    || !set(x, mIn[t], plan.pageIns(t)) || !set(x, mOut[t], plan.pageOuts(t))) {
                return null;
            }
        }
        return x;
    }

    /** Sets the columns of the nodes a stage decides; false when one has no column (fixed to zero). */
    private static boolean set(double[] x, int[] columns, int[] nodes) {
        for (int i : nodes) {
            int c = columns[i];
            if (c == ABSENT) {
                return false;
            }
            if (c >= 0) {
                x[c] = 1;
            }
        }
        return true;
    }
}

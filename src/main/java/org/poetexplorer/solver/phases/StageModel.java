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
 *
 * <p>{@code levels} (null: not recorded) names the columns that are not decisions, the frees
 * and the RAM levels, so that {@link #pointOf} can give a complete point.
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
        StagePlan outside,
        Levels levels) {

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
     * decision this model fixed to zero. With {@link #levels} the point is complete: each free
     * is set as the replay frees (right after the last reader in the stage, unless the output is
     * kept), and each RAM level follows from its defining row, so a plan that satisfies the
     * model's rows is a feasible point a backend can take at once. Without, the columns that are
     * not decisions are left NaN: backends hint decisions only.
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
        if (levels != null) {
            levels.complete(graph, plan, lp, x);
        }
        return x;
    }

    /**
     * The columns of a reduced model that are not decisions, in the order they were made: each
     * Free[t][(i,k)] with its stage, freed node and reader, and each RAM level with the equality
     * row that defines it from earlier columns.
     */
    public static final class Levels {
        private int[] free = new int[16];
        private int[] freeStage = new int[16];
        private int[] freeNode = new int[16];
        private int[] freeReader = new int[16];
        private int frees;
        private int[] level = new int[16];
        private int[] levelRow = new int[16];
        private int levelCount;

        void free(int column, int t, int i, int k) {
            if (frees == free.length) {
                free = Arrays.copyOf(free, frees * 2);
                freeStage = Arrays.copyOf(freeStage, frees * 2);
                freeNode = Arrays.copyOf(freeNode, frees * 2);
                freeReader = Arrays.copyOf(freeReader, frees * 2);
            }
            free[frees] = column;
            freeStage[frees] = t;
            freeNode[frees] = i;
            freeReader[frees] = k;
            frees++;
        }

        void level(int column, int row) {
            if (levelCount == level.length) {
                level = Arrays.copyOf(level, levelCount * 2);
                levelRow = Arrays.copyOf(levelRow, levelCount * 2);
            }
            level[levelCount] = column;
            levelRow[levelCount] = row;
            levelCount++;
        }

        /** Sets the frees and then the levels of {@code x}, whose decisions encode {@code plan}. */
        void complete(TrainingGraph g, StagePlan plan, LinearModel lp, double[] x) {
            for (int q = 0; q < frees; q++) {
                int t = freeStage[q];
                int i = freeNode[q];
                int k = freeReader[q];
                boolean freed = plan.r(t, k) && !plan.keptAfter(t, i);
                for (int j : g.succs(i)) {
                    freed &= !(j > k && j <= t && plan.r(t, j));
                }
                x[free[q]] = freed ? 1 : 0;
            }
            for (int q = 0; q < levelCount; q++) {
                int row = levelRow[q];
                double rest = 0;
                double own = 0;
                for (int e = lp.rowStart(row); e < lp.rowEnd(row); e++) {
                    int c = lp.entryCol(e);
                    if (c == level[q]) {
                        own = lp.entryCoef(e);
                    } else {
                        rest += lp.entryCoef(e) * x[c];
                    }
                }
                x[level[q]] = (lp.rowLb(row) - rest) / own;
            }
        }
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

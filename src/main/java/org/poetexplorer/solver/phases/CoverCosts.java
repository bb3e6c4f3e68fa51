package org.poetexplorer.solver.phases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.solver.backends.LinearModel;

/**
 * What a covering program's columns cost beside their energy: O_i, output i paged out at all
 * (one column per output, made when a page-in first needs it: any number of page-ins of i can
 * share one page-out), the page-in columns with their G &lt;= O_i rows, and the runtime terms of
 * every column, for the program's runtime row.
 */
final class CoverCosts {
    private final TrainingGraph g;
    private final Budget b;
    private final LinearModel lp;
    private final double unitJ;
    private final int[] pagedOut;
    private final List<Integer> runtimeCols = new ArrayList<>();
    private final List<Double> runtimeSeconds = new ArrayList<>();

    CoverCosts(TrainingGraph g, Budget b, LinearModel lp, double unitJ) {
        this.g = g;
        this.b = b;
        this.lp = lp;
        this.unitJ = unitJ;
        pagedOut = new int[g.size()];
        Arrays.fill(pagedOut, -1);
    }

    /** O_i, made when missing. */
    int pagedOut(int i) {
        if (pagedOut[i] < 0) {
            pagedOut[i] = lp.addBool(g.pageOutJ(i) / unitJ, "O_" + i);
            if (b.transfersTakeTime()) {
                addRuntime(pagedOut[i], g.pageOutS(i));
            }
        }
        return pagedOut[i];
    }

    /** A new page-in column of output i named {@code name}, with the row {@code rowName}: it &lt;= O_i. */
    int pageIn(int i, String name, String rowName) {
        int p = lp.addBool(g.pageInJ(i) / unitJ, name);
        if (b.transfersTakeTime()) {
            addRuntime(p, g.pageInS(i));
        }
        lp.addRow(-LinearModel.INF, 0, new int[] {p, pagedOut(i)}, new double[] {1, -1}, 2, rowName);
        return p;
    }

    /** Counts {@code seconds} of {@code column} in the runtime row (nothing when it takes no time). */
    void addRuntime(int column, double seconds) {
        if (seconds > 0) {
            runtimeCols.add(column);
            runtimeSeconds.add(seconds);
        }
    }

    boolean hasRuntimeTerms() {
        return !runtimeCols.isEmpty();
    }

    /**
     * The runtime row, when the plain schedule takes time: the columns' extra time, as a share of
     * the plain runtime, at most the budget's ratio less one.
     */
    void addRuntimeRow() {
        double plainRuntime = g.plainRuntimeS();
        if (plainRuntime <= 0) {
            return;
        }
        int[] cols = runtimeCols.stream().mapToInt(Integer::intValue).toArray();
        double[] coefs = runtimeSeconds.stream().mapToDouble(s -> s / plainRuntime).toArray();
        lp.addRow(-LinearModel.INF, b.runtimeRatio() - 1, cols, coefs, cols.length, "runtime");
    }
}

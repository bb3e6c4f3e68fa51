package org.poetexplorer.solver.backends;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * A mixed-integer linear program in plain arrays, independent of any solver: columns with
 * bounds, integrality and objective coefficient; rows {@code lb <= sum coef * x <= ub} stored
 * sparsely. Backends translate it; {@link MpsExport} writes it. Built once, then read only.
 *
 * <p>Building a large model takes seconds: a model made with a stop signal checks it every
 * {@link #CHECK_EVERY} columns and rows and throws {@link Stopped} once it says stop, so a
 * cancel or a deadline ends the building too.
 */
public final class LinearModel {
    public static final double INF = Double.POSITIVE_INFINITY;

    private int vars;
    private double[] varLb = new double[1024];
    private double[] varUb = new double[1024];
    private boolean[] integer = new boolean[1024];
    private double[] objective = new double[1024];
    private String[] varNames = new String[1024];

    private int rows;
    private int[] rowStart = new int[1025];
    private double[] rowLb = new double[1024];
    private double[] rowUb = new double[1024];
    private String[] rowNames = new String[1024];
    private int nonZeros;
    private int[] colIndex = new int[4096];
    private double[] coef = new double[4096];

    private final String name;
    /** For summing repeated columns of the row being added: the row that last used a column and where. */
    private int[] slotRow = new int[0];
    private int[] slotOf = new int[0];

    private final BooleanSupplier stop;
    private int sinceCheck;

    /** How many columns and rows are added between two looks at the stop signal. */
    static final int CHECK_EVERY = 4096;

    /** Thrown by a model being built once its stop signal says stop; the model is then unusable. */
    public static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(String model) {
            super("stopped while building " + model, null, false, false);
        }
    }

    public LinearModel(String name) {
        this(name, () -> false);
    }

    /** A model whose building ends with {@link Stopped} once {@code stop} says so. */
    public LinearModel(String name, BooleanSupplier stop) {
        this.name = name;
        this.stop = stop;
    }

    private void checkStop() {
        if (++sinceCheck >= CHECK_EVERY) {
            sinceCheck = 0;
            if (stop.getAsBoolean()) {
                throw new Stopped(name);
            }
        }
    }

    public String name() {
        return name;
    }

    /** Adds a column and returns its index. */
    public int addVar(double lb, double ub, boolean isInteger, double objectiveCoef, String varName) {
        checkStop();
        if (vars == varLb.length) {
            int n = vars * 2;
            varLb = Arrays.copyOf(varLb, n);
            varUb = Arrays.copyOf(varUb, n);
            integer = Arrays.copyOf(integer, n);
            objective = Arrays.copyOf(objective, n);
            varNames = Arrays.copyOf(varNames, n);
        }
        varLb[vars] = lb;
        varUb[vars] = ub;
        integer[vars] = isInteger;
        objective[vars] = objectiveCoef;
        varNames[vars] = varName;
        return vars++;
    }

    public int addBool(double objectiveCoef, String varName) {
        return addVar(0, 1, true, objectiveCoef, varName);
    }

    /** Adds {@code lb <= sum coefs[j] * x[cols[j]] <= ub}; repeated columns are summed. */
    public int addRow(double lb, double ub, int[] cols, double[] coefs, int count, String rowName) {
        checkStop();
        if (rows == rowLb.length) {
            int n = rows * 2;
            rowLb = Arrays.copyOf(rowLb, n);
            rowUb = Arrays.copyOf(rowUb, n);
            rowNames = Arrays.copyOf(rowNames, n);
            rowStart = Arrays.copyOf(rowStart, n + 1);
        }
        if (nonZeros + count > colIndex.length) {
            int n = Math.max(colIndex.length * 2, nonZeros + count);
            colIndex = Arrays.copyOf(colIndex, n);
            coef = Arrays.copyOf(coef, n);
        }
        if (slotRow.length < vars) {
            int old = slotRow.length;
            int size = Math.max(vars, old * 2);
            slotRow = Arrays.copyOf(slotRow, size);
            slotOf = Arrays.copyOf(slotOf, size);
            Arrays.fill(slotRow, old, size, -1);
        }
        for (int j = 0; j < count; j++) {
            int c = cols[j];
            if (c < 0 || c >= vars) {
                throw new IllegalArgumentException("row " + rowName + ": unknown column " + c);
            }
            if (slotRow[c] == rows) {
                coef[slotOf[c]] += coefs[j];
            } else {
                slotRow[c] = rows;
                slotOf[c] = nonZeros;
                colIndex[nonZeros] = c;
                coef[nonZeros] = coefs[j];
                nonZeros++;
            }
        }
        rowLb[rows] = lb;
        rowUb[rows] = ub;
        rowNames[rows] = rowName;
        rows++;
        rowStart[rows] = nonZeros;
        return rows - 1;
    }

    public int numVars() {
        return vars;
    }

    public int numRows() {
        return rows;
    }

    public int numNonZeros() {
        return nonZeros;
    }

    public double varLb(int j) {
        return varLb[j];
    }

    public double varUb(int j) {
        return varUb[j];
    }

    public boolean isInteger(int j) {
        return integer[j];
    }

    public double objective(int j) {
        return objective[j];
    }

    public String varName(int j) {
        return varNames[j];
    }

    public double rowLb(int r) {
        return rowLb[r];
    }

    public double rowUb(int r) {
        return rowUb[r];
    }

    public String rowName(int r) {
        return rowNames[r];
    }

    public int rowStart(int r) {
        return rowStart[r];
    }

    public int rowEnd(int r) {
        return rowStart[r + 1];
    }

    public int entryCol(int k) {
        return colIndex[k];
    }

    public double entryCoef(int k) {
        return coef[k];
    }
}

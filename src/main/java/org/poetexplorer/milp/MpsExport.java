package org.poetexplorer.milp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.StringWriter;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

/**
 * Writes linear models as free-format MPS text. {@link #plain} writes the stage MILP of
 * docs/model.md section 4 as stated there (no reductions, no scaling: joules, bytes, seconds),
 * for comparison with any MPS-reading solver. Every column is written in index order (a column
 * without entries gets a zero objective entry), so a reader numbers the columns as we do.
 */
public final class MpsExport {
    private MpsExport() {
    }

    /** The plain section-4 formulation of {@code graph} under {@code budget}. */
    public static void plain(TrainingGraph graph, Budget budget, Writer out) throws IOException {
        write(StageFormulation.plain(graph, budget).lp(), out);
    }

    public static String toString(LinearModel lp) {
        StringWriter w = new StringWriter(Math.max(1024, lp.numNonZeros() * 40));
        try {
            write(lp, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public static void write(LinearModel lp, Writer out) throws IOException {
        int n = lp.numVars();
        int m = lp.numRows();
        String[] rowNames = new String[m];
        for (int r = 0; r < m; r++) {
            rowNames[r] = lp.rowName(r) == null ? "c" + r : lp.rowName(r);
        }
        out.write("NAME " + safe(lp.name()) + "\n");
        out.write("ROWS\n N  OBJ\n");
        for (int r = 0; r < m; r++) {
            out.write(" " + rowType(lp.rowLb(r), lp.rowUb(r)) + "  " + rowNames[r] + "\n");
        }
        // transpose the rows into columns
        int[] count = new int[n + 1];
        for (int k = 0; k < lp.numNonZeros(); k++) {
            count[lp.entryCol(k) + 1]++;
        }
        for (int j = 0; j < n; j++) {
            count[j + 1] += count[j];
        }
        int[] next = count.clone();
        int[] rowOf = new int[lp.numNonZeros()];
        double[] val = new double[lp.numNonZeros()];
        for (int r = 0; r < m; r++) {
            for (int k = lp.rowStart(r); k < lp.rowEnd(r); k++) {
                int c = lp.entryCol(k);
                rowOf[next[c]] = r;
                val[next[c]] = lp.entryCoef(k);
                next[c]++;
            }
        }
        out.write("COLUMNS\n");
        boolean inInteger = false;
        int marker = 0;
        StringBuilder sb = new StringBuilder(256);
        for (int j = 0; j < n; j++) {
            if (lp.isInteger(j) != inInteger) {
                out.write("    M" + (marker++) + " 'MARKER' '" + (lp.isInteger(j) ? "INTORG" : "INTEND") + "'\n");
                inInteger = lp.isInteger(j);
            }
            String name = varName(lp, j);
            boolean any = false;
            if (lp.objective(j) != 0 || count[j] == count[j + 1]) {
                sb.setLength(0);
                sb.append("    ").append(name).append(" OBJ ").append(num(lp.objective(j))).append('\n');
                out.write(sb.toString());
                any = true;
            }
            for (int q = count[j]; q < count[j + 1]; q++) {
                sb.setLength(0);
                sb.append("    ").append(name).append(' ').append(rowNames[rowOf[q]]).append(' ').append(num(val[q])).append('\n');
                out.write(sb.toString());
                any = true;
            }
            assert any;
        }
        if (inInteger) {
            out.write("    M" + marker + " 'MARKER' 'INTEND'\n");
        }
        out.write("RHS\n");
        for (int r = 0; r < m; r++) {
            double lb = lp.rowLb(r);
            double ub = lp.rowUb(r);
            double rhs = Double.isInfinite(lb) ? ub : lb;
            if (rhs != 0 && !Double.isInfinite(rhs)) {
                out.write("    RHS " + rowNames[r] + " " + num(rhs) + "\n");
            }
        }
        boolean rangesHeader = false;
        for (int r = 0; r < m; r++) {
            double lb = lp.rowLb(r);
            double ub = lp.rowUb(r);
            if (!Double.isInfinite(lb) && !Double.isInfinite(ub) && lb != ub) {
                if (!rangesHeader) {
                    out.write("RANGES\n");
                    rangesHeader = true;
                }
                out.write("    RNG " + rowNames[r] + " " + num(ub - lb) + "\n");
            }
        }
        out.write("BOUNDS\n");
        for (int j = 0; j < n; j++) {
            String name = varName(lp, j);
            double lb = lp.varLb(j);
            double ub = lp.varUb(j);
            if (lb == ub) {
                out.write(" FX BND " + name + " " + num(lb) + "\n");
                continue;
            }
            if (Double.isInfinite(lb)) {
                out.write(" MI BND " + name + "\n");
            } else if (lb != 0) {
                out.write(" LO BND " + name + " " + num(lb) + "\n");
            }
            if (Double.isInfinite(ub)) {
                if (lp.isInteger(j)) {
                    out.write(" PL BND " + name + "\n");
                }
            } else {
                out.write(" UP BND " + name + " " + num(ub) + "\n");
            }
        }
        out.write("ENDATA\n");
    }

    private static String rowType(double lb, double ub) {
        if (lb == ub) {
            return "E";
        }
        if (Double.isInfinite(lb)) {
            return "L";
        }
        return "G"; // finite lb; a finite ub becomes a range
    }

    private static String varName(LinearModel lp, int j) {
        return lp.varName(j) == null ? "x" + j : lp.varName(j);
    }

    private static String safe(String s) {
        return s == null || s.isBlank() ? "poet" : s.replaceAll("\\s+", "_");
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}

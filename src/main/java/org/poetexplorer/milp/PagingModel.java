package org.poetexplorer.milp;

import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.StagePlan;

/**
 * The stage problem without recomputation, as a small exact model over "gaps". Without
 * recomputation stage t computes node t only, so an output i with readers j1 &lt; ... &lt; jm must
 * be in RAM at the start of every reading stage. Between two consecutive needs (i's own stage
 * and j1, then j1 and j2, ...) it is either kept in RAM all along, or it is on storage and paged
 * in at the end of the stage before the next read. A copy on storage is written once and kept,
 * and the cheapest moment to write it is the start of stage i+1, where i is in RAM in any case
 * (it is read there, kept through gap 0, or must be there to be paged out). So: one binary per
 * gap with stages to spare ("kept"), one per output ("written"), written &gt;= 1 - kept, and per
 * stage t: ram[t] + sum of the outputs in RAM at its start &lt;= budget. The optimum is the optimum
 * of the section-4 model with recomputation switched off; with recomputation on it is a valid
 * schedule (an upper bound, and a hint).
 *
 * <p>Scaling as the stage model: with {@code integer}, bytes and energies as
 * floor(J / plain * 1e9); otherwise RAM in budgets and energy in the cost unit of
 * {@link StageFormulation#costUnit}.
 */
final class PagingModel {

    /** One gap of output i: from stage {@code from} (in RAM there) to the read at stage {@code to}. */
    private record Gap(int node, int from, int to, int column) {
    }

    private final TrainingGraph g;
    private final LinearModel lp;
    private final List<Gap> gaps = new ArrayList<>();
    private final int[] written;
    private final double energyUnitJ;
    private final boolean integer;

    private PagingModel(TrainingGraph g, boolean integer) {
        this.g = g;
        this.integer = integer;
        this.lp = new LinearModel(g.name() + "-paging");
        this.written = new int[g.size()];
        this.energyUnitJ = integer ? StageFormulation.plainUnit(g) : StageFormulation.costUnit(g, true, false);
    }

    static PagingModel build(TrainingGraph g, Budget b, boolean integer) {
        PagingModel m = new PagingModel(g, integer);
        m.fill(b);
        return m;
    }

    LinearModel lp() {
        return lp;
    }

    /** Joules of a model objective value. */
    double energyJ(double objective) {
        return g.plainEnergyJ() + objective * energyUnitJ / (integer ? StageFormulation.INTEGER_SCALE : 1.0);
    }

    private double cost(double joules) {
        double rel = joules / energyUnitJ;
        return integer ? Math.floor(rel * StageFormulation.INTEGER_SCALE) : rel;
    }

    private void fill(Budget b) {
        int n = g.size();
        double unit = integer ? 1.0 : b.ramBytes();
        // resident[t]: constant bytes at the start of stage t; per-stage terms for kept gaps
        double[] constant = new double[n];
        List<List<int[]>> keptAt = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            keptAt.add(new ArrayList<>());
        }
        java.util.Arrays.fill(written, -1);
        for (int i = 0; i < n; i++) {
            int[] readers = g.succs(i);
            if (readers.length == 0) {
                continue;
            }
            int last = readers[readers.length - 1];
            boolean[] needed = new boolean[n];
            needed[i + 1] = true; // read there, kept through it, or paged out at its start
            for (int j : readers) {
                needed[j] = true;
            }
            int from = i + 1;
            for (int j : readers) {
                if (j <= from) {
                    continue;
                }
                // stages strictly between from and j can be spared if the page-in fits at j-1
                if (j - 1 > from) {
                    if (written[i] < 0) {
                        written[i] = lp.addBool(cost(g.pageOutJ(i)), "W_" + i);
                    }
                    int col = lp.addBool(-cost(g.pageInJ(i)), "K_" + i + "_" + j);
                    gaps.add(new Gap(i, from, j, col));
                    lp.addRow(1, LinearModel.INF, new int[] {written[i], col}, new double[] {1, 1}, 2,
                            "write_" + i + "_" + j);
                    for (int t = from + 1; t < j; t++) {
                        keptAt.get(t).add(new int[] {i, col});
                    }
                } else {
                    for (int t = from + 1; t < j; t++) {
                        needed[t] = true;
                    }
                }
                from = j;
            }
            for (int t = i + 1; t <= last; t++) {
                if (needed[t]) {
                    constant[t] += g.ram(i);
                }
            }
        }
        double objectiveOffset = 0;
        for (Gap gap : gaps) {
            objectiveOffset += cost(g.pageInJ(gap.node()));
        }
        // The objective counts a page-in per gap as (1 - kept): the constant part is an offset column.
        if (objectiveOffset != 0) {
            lp.addVar(1, 1, true, objectiveOffset, "pageInsIfNothingKept");
        }
        for (int t = 0; t < n; t++) {
            List<int[]> kept = keptAt.get(t);
            int[] cols = new int[kept.size()];
            double[] coefs = new double[kept.size()];
            for (int q = 0; q < kept.size(); q++) {
                cols[q] = kept.get(q)[1];
                coefs[q] = g.ram(kept.get(q)[0]) / unit;
            }
            double fixed = (g.ram(t) + constant[t]) / unit;
            double cap = integer ? b.ramBytes() : 1.0;
            lp.addRow(-LinearModel.INF, cap - fixed, cols, coefs, cols.length, "mem_" + t);
        }
    }

    /** The stage plan of a point of this model. */
    StagePlan plan(double[] x) {
        int n = g.size();
        boolean[][] r = new boolean[n][n];
        boolean[][] sRam = new boolean[n][n];
        boolean[][] sSd = new boolean[n][n];
        boolean[][] mIn = new boolean[n][n];
        boolean[][] mOut = new boolean[n][n];
        for (int t = 0; t < n; t++) {
            r[t][t] = true;
        }
        // default: every output kept from its stage to its last reader
        for (int i = 0; i < n; i++) {
            int[] readers = g.succs(i);
            if (readers.length == 0) {
                continue;
            }
            for (int t = i + 1; t <= readers[readers.length - 1]; t++) {
                sRam[t][i] = true;
            }
        }
        for (Gap gap : gaps) {
            if (x[gap.column()] > 0.5) {
                continue;
            }
            int i = gap.node();
            for (int t = gap.from() + 1; t < gap.to(); t++) {
                sRam[t][i] = false;
            }
            mIn[gap.to() - 1][i] = true;
            mOut[i + 1][i] = true;
            for (int t = i + 2; t < n; t++) {
                sSd[t][i] = true;
            }
        }
        return new StagePlan(r, sRam, sSd, mIn, mOut);
    }
}

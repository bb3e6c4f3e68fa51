package org.poetexplorer.solver.phases;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.StagePlan;
import org.poetexplorer.solver.backends.LinearModel;

/**
 * A small model over "gaps" that solves the stage problem exactly when recomputation is off,
 * and a restriction of it (a valid schedule, an upper bound and a hint) when it is on.
 *
 * <p>Without recomputation stage t computes node t only, so an output i with readers
 * j1 &lt; ... &lt; jm must be in RAM at the start of every reading stage. Between two consecutive
 * needs (i's own stage and j1, then j1 and j2, ...) it is either kept in RAM all along, or it is
 * on storage and paged in at the end of the stage before the next read. A copy on storage is
 * written once and kept, and the cheapest moment to write it is the start of stage i+1, where i
 * is in RAM in any case (it is read there, kept through gap 0, or must be there to be paged
 * out). So per gap with stages to spare: K (kept) + P (paged in) = 1, per output W (written)
 * &gt;= P, and per stage t: ram[t] + outputs in RAM at its start &lt;= budget. This is the optimum
 * of the section-4 model with recomputation off.
 *
 * <p>With recomputation on, a gap may instead end with C: i is recomputed in the reading stage
 * from inputs that are in RAM at that stage's start (read there, or kept through one of their
 * own gaps: C &lt;= K of that gap), charged with i's compute energy and runtime and counted in
 * RAM for the whole reading stage. Recomputing chains, or in other stages, is left to the full
 * model.
 *
 * <p>When transfers take time, the runtime row also counts each write's page-out time and each
 * page-in's time. A tidied solution of the full model writes an output at most once and pages
 * it in at least once in every gap it spends on storage, so its transfer time is at least the
 * one this model charges for the same choices: the model stays exact without recomputation.
 *
 * <p>Scaling as the stage model: with {@code integer}, bytes and energies as
 * floor(J / plain * 1e9); otherwise RAM in budgets and energy in the cost unit of
 * {@link StageFormulation#costUnit}.
 */
public final class GapModel {

    /**
     * One gap of output i: from stage {@code from} (in RAM there) to the read at stage
     * {@code to}; columns of its choices (-1 where a choice is not offered).
     */
    private record Gap(int node, int from, int to, int keep, int pageIn, int recompute) {
    }

    private final TrainingGraph g;
    private final LinearModel lp;
    private final List<Gap> gaps = new ArrayList<>();
    private final int[] written;
    private final double energyUnitJ;
    private final boolean integer;

    private GapModel(TrainingGraph g, boolean integer, BooleanSupplier stop) {
        this.g = g;
        this.integer = integer;
        this.lp = new LinearModel(g.name() + "-paging", stop);
        this.written = new int[g.size()];
        this.energyUnitJ = integer ? StageFormulation.plainUnit(g) : StageFormulation.costUnit(g, true, false);
    }

    public static GapModel build(TrainingGraph g, Budget b, boolean integer) {
        return build(g, b, integer, () -> false);
    }

    /** As {@link #build(TrainingGraph, Budget, boolean)}; throws {@link LinearModel.Stopped} once {@code stop} says so. */
    public static GapModel build(TrainingGraph g, Budget b, boolean integer, BooleanSupplier stop) {
        GapModel m = new GapModel(g, integer, stop);
        m.fill(b);
        return m;
    }

    public LinearModel lp() {
        return lp;
    }

    /** Joules of a model objective value. */
    public double energyJ(double objective) {
        return g.plainEnergyJ() + objective * energyUnitJ / (integer ? StageFormulation.INTEGER_SCALE : 1.0);
    }

    private double cost(double joules) {
        double rel = joules / energyUnitJ;
        return integer ? Math.floor(rel * StageFormulation.INTEGER_SCALE) : rel;
    }

    private void fill(Budget b) {
        int n = g.size();
        double unit = integer ? 1.0 : b.ramBytes();
        double[] constant = new double[n];
        List<List<int[]>> keptAt = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            keptAt.add(new ArrayList<>());
        }
        // resident[d][t - d - 1] for the stages t from d+1 to d's last reader: ALWAYS, NEVER or the
        // keep column that decides whether d is in RAM at t (NEVER elsewhere; see residentAt)
        int[][] resident = new int[n][];
        java.util.Arrays.fill(written, -1);
        // the decisions that take time against the runtime budget, with their seconds
        List<Integer> timedColumns = new ArrayList<>();
        List<Double> timedSeconds = new ArrayList<>();
        boolean transfers = b.transfersTakeTime();
        for (int i = 0; i < n; i++) {
            int last = Plans.lastReader(g, i);
            resident[i] = new int[last - i];
            java.util.Arrays.fill(resident[i], NEVER);
            int[] readers = g.succs(i);
            if (readers.length == 0) {
                continue;
            }
            int[] stay = resident[i];
            stay[0] = ALWAYS; // stage i+1: read there, kept through it, or paged out at its start
            for (int j : readers) {
                stay[j - i - 1] = ALWAYS;
            }
            int from = i + 1;
            for (int j : readers) {
                if (j <= from) {
                    continue;
                }
                int keep = -1;
                int pageIn = -1;
                int recompute = -1;
                if (j - 1 > from) { // stages strictly between from and j can be spared
                    if (b.paging()) {
                        if (written[i] < 0) {
                            written[i] = lp.addBool(cost(g.pageOutJ(i)), "W_" + i);
                            if (transfers) {
                                timedColumns.add(written[i]);
                                timedSeconds.add(g.pageOutS(i));
                            }
                        }
                        pageIn = lp.addBool(cost(g.pageInJ(i)), "P_" + i + "_" + j);
                        if (transfers) {
                            timedColumns.add(pageIn);
                            timedSeconds.add(g.pageInS(i));
                        }
                        lp.addRow(0, LinearModel.INF, new int[] {written[i], pageIn}, new double[] {1, -1}, 2,
                                "write_" + i + "_" + j);
                    }
                    if (b.remat() && recomputable(i, j, resident)) {
                        recompute = lp.addBool(cost(g.computeJ(i)), "C_" + i + "_" + j);
                        for (int d : g.deps(i)) {
                            if (residentAt(resident, d, j) >= 0) {
                                lp.addRow(-LinearModel.INF, 0, new int[] {recompute, residentAt(resident, d, j)},
                                        new double[] {1, -1}, 2, "inputs_" + i + "_" + j + "_" + d);
                            }
                        }
                        timedColumns.add(recompute);
                        timedSeconds.add(g.runtime(i));
                    }
                }
                if (pageIn >= 0 || recompute >= 0) {
                    keep = lp.addBool(0, "K_" + i + "_" + j);
                    gaps.add(new Gap(i, from, j, keep, pageIn, recompute));
                    int[] cols = {keep, pageIn >= 0 ? pageIn : recompute, recompute};
                    int count = pageIn >= 0 && recompute >= 0 ? 3 : 2;
                    lp.addRow(1, 1, cols, new double[] {1, 1, 1}, count, "choice_" + i + "_" + j);
                    for (int t = from + 1; t < j; t++) {
                        keptAt.get(t).add(new int[] {i, keep});
                        stay[t - i - 1] = keep;
                    }
                } else {
                    for (int t = from + 1; t < j; t++) {
                        stay[t - i - 1] = ALWAYS;
                    }
                }
                from = j;
            }
            for (int t = i + 1; t <= last; t++) {
                if (stay[t - i - 1] == ALWAYS) {
                    constant[t] += g.ram(i);
                }
            }
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
        double plainRuntime = g.plainRuntimeS();
        if (!timedColumns.isEmpty() && (plainRuntime > 0 || transfers)) {
            // with no compute time at all, a budget of 0 s in units of 1 s
            double timeUnit = plainRuntime > 0 ? plainRuntime : 1;
            int[] cols = new int[timedColumns.size()];
            double[] coefs = new double[cols.length];
            for (int q = 0; q < cols.length; q++) {
                cols[q] = timedColumns.get(q);
                double rel = timedSeconds.get(q) / timeUnit;
                coefs[q] = integer ? Math.floor(rel * StageFormulation.INTEGER_SCALE) : rel;
            }
            double slack = plainRuntime > 0 ? b.runtimeRatio() - 1 : 0;
            lp.addRow(-LinearModel.INF, integer ? Math.ceil(slack * StageFormulation.INTEGER_SCALE) : slack,
                    cols, coefs, cols.length, "runtime");
        }
    }

    private static final int ALWAYS = -2;
    private static final int NEVER = -1;

    /** How d is in RAM at the start of stage t: ALWAYS, NEVER or its keep column. */
    private static int residentAt(int[][] resident, int d, int t) {
        int k = t - d - 1;
        return k >= 0 && k < resident[d].length ? resident[d][k] : NEVER;
    }

    /** Whether every input of i can be in RAM at the start of stage j. */
    private boolean recomputable(int i, int j, int[][] resident) {
        for (int d : g.deps(i)) {
            if (residentAt(resident, d, j) == NEVER) {
                return false;
            }
        }
        return true;
    }

    /** The stage plan of a point of this model: the plain plan, with the gaps the point takes away from RAM. */
    public StagePlan plan(double[] x) {
        int n = g.size();
        StagePlan.Builder plan = Plans.plainBuilder(g);
        for (Gap gap : gaps) {
            if (x[gap.keep()] > 0.5) {
                continue;
            }
            int i = gap.node();
            plan.keep(i, gap.from() + 1, gap.to() - 1, false);
            if (gap.recompute() >= 0 && x[gap.recompute()] > 0.5) {
                plan.setSRam(gap.to(), i, false).setR(gap.to(), i, true);
            } else {
                plan.setMIn(gap.to() - 1, i, true).setMOut(i + 1, i, true).store(i, i + 2, n - 1, true);
            }
        }
        return plan.build();
    }
}

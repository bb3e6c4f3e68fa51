package org.poetexplorer.milp.heuristic;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.poetexplorer.model.Allowance;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

/**
 * Prints the scheduler's figures per network and budget (energy against the plain energy and
 * the lower bound, wall time). Not a timed test: run by hand with
 * {@code mvn -o -q test -Dtest=HeuristicFigures -Dpoet.figures=true}.
 */
@EnabledIfSystemProperty(named = "poet.figures", matches = "true")
class HeuristicFigures {

    @Test
    void print() {
        FastScheduler fs = new FastScheduler();
        for (String net : ReferenceData.NETWORKS) {
            TrainingGraph g = ReferenceData.graph(net, "a72");
            long plain = MinimalRam.plainPeakBytes(g);
            StringBuilder ram = new StringBuilder();
            for (int sw = 0; sw < 3; sw++) {
                Allowance b = new Allowance(1.5, sw != 1, sw != 2);
                long t0 = System.nanoTime();
                long x = MinimalRam.achievableBytes(g, b, fs);
                double ms = (System.nanoTime() - t0) / 1e6;
                ram.append(String.format(" paging=%s remat=%s: %d (%.1f ms, proven floor %d)", b.paging(), b.remat(), x,
                        ms, MinimalRam.provenFloorBytes(g, b)));
            }
            System.out.printf("%-15s plain peak %d, necessary %d, paging-only %d; achievable at 1.5x:%s%n", net, plain,
                    MinimalRam.necessaryBytes(g), MinimalRam.pagingOnlyBytes(g), ram);
            for (int rep = 0; rep < 2; rep++) {
                for (double frac : new double[] {1.0, 0.6, 0.4}) {
                    for (int sw = 0; sw < 4; sw++) {
                        boolean paging = (sw & 1) == 0;
                        boolean remat = (sw & 2) == 0;
                        Budget b = new Budget((long) (plain * frac), 1.5, paging, remat);
                        long t0 = System.nanoTime();
                        Optional<HeuristicPlan> p = fs.schedule(g, b);
                        double ms = (System.nanoTime() - t0) / 1e6;
                        if (rep == 0) {
                            continue;
                        }
                        double lb = LowerBounds.energyJ(g, b);
                        String check = p.map(x -> Section4Checker.check(g, b, x.plan())).orElse(null);
                        System.out.printf("%-15s %4.0f%% paging=%-5s remat=%-5s %s %8.1f ms%s%n", net, frac * 100,
                                paging, remat,
                                p.map(x -> String.format("E=%.6g plain=%.6g (+%.3f%%) lb+%.3f%% gap %.3f%% rec=%d in=%d out=%d peak=%d",
                                        x.energyJ(), g.plainEnergyJ(), 100 * (x.energyJ() / g.plainEnergyJ() - 1),
                                        100 * (lb / g.plainEnergyJ() - 1), 100 * (x.energyJ() - lb) / x.energyJ(),
                                        x.recomputes(), x.pageIns(), x.pageOuts(), x.peakRamBytes()))
                                        .orElse("none" + (Double.isInfinite(lb) ? " (proved infeasible)" : "")), ms, check == null ? "" : "  INVALID " + check);
                    }
                }
            }
        }
    }
}

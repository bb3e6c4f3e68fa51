package org.poetexplorer.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.poetexplorer.catalog.Catalog;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.InputException;
import org.poetexplorer.model.Allowance;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.solver.MinimalRam;
import org.poetexplorer.solver.heuristic.FastScheduler;
import org.poetexplorer.solver.heuristic.HeuristicPlan;
import org.poetexplorer.solver.phases.CoverBound;

/**
 * {@code poet bench --heuristic}: the fast scheduler on the catalog networks (a72, runtime
 * 1.5x), without the exact solver: how little RAM it finds, and at 100, 60 and 40 % of the plain
 * peak with each switch combination its energy against the plain energy and the cover bound,
 * and its median wall time.
 */
final class HeuristicFigures {
    private static final double RUNTIME_RATIO = 1.5;
    private final PrintWriter out;
    private final int repeat;
    private final Device a72;

    HeuristicFigures(PrintWriter out, int repeat) throws InputException {
        this.out = out;
        this.repeat = repeat;
        this.a72 = DeviceFiles.builtIn("a72");
    }

    void run() {
        FastScheduler scheduler = new FastScheduler();
        out.printf(Locale.ROOT, "Fast scheduler, a72, runtime %.1fx, median of %d%n", RUNTIME_RATIO, repeat);
        for (String name : Catalog.names()) {
            TrainingGraph g = Catalog.build(name, a72);
            long plain = Plans.plainPeakBytes(g);
            out.printf(Locale.ROOT, "%n%s: plain peak %d B, working-set floor %d B, paging-only %d B%n", name, plain,
                    Plans.workingSetFloorBytes(g), MinimalRam.pagingOnlyBytes(g));
            out.printf(Locale.ROOT, "  %-22s %14s %10s %14s%n", "switches", "least RAM B", "median s",
                    "proven floor B");
            for (Allowance a : new Allowance[] {new Allowance(RUNTIME_RATIO, true, true),
                    new Allowance(RUNTIME_RATIO, false, true), new Allowance(RUNTIME_RATIO, true, false)}) {
                long[] least = new long[1];
                double s = median(() -> least[0] = MinimalRam.achievableBytes(g, a, scheduler));
                out.printf(Locale.ROOT, "  %-22s %14d %10.4f %14d%n", switches(a.paging(), a.remat()), least[0],
                        s, MinimalRam.provenFloorBytes(g, a));
            }
            out.printf(Locale.ROOT, "  %-6s %-22s %10s %14s %14s %10s%n", "RAM", "switches", "median s", "energy/plain",
                    "bound/plain", "gap");
            for (double fraction : new double[] {1.0, 0.6, 0.4}) {
                for (int sw = 0; sw < 4; sw++) {
                    Budget b = new Budget(Math.max(1, Math.round(plain * fraction)), RUNTIME_RATIO, sw % 2 == 0, sw < 2);
                    List<Optional<HeuristicPlan>> found = new ArrayList<>();
                    double s = median(() -> found.add(scheduler.schedule(g, b)));
                    row(g, b, fraction, s, found.get(0).orElse(null));
                }
            }
            out.flush();
        }
    }

    private void row(TrainingGraph g, Budget b, double fraction, double seconds, HeuristicPlan p) {
        double bound = CoverBound.energyJ(g, b);
        String energy = p == null ? "none" : String.format(Locale.ROOT, "%.6f", p.energyJ() / g.plainEnergyJ());
        String lower = Double.isInfinite(bound) ? "infeasible"
                : String.format(Locale.ROOT, "%.6f", bound / g.plainEnergyJ());
        String gap = p == null ? "-" : Quantities.percent((p.energyJ() - bound) / p.energyJ());
        out.printf(Locale.ROOT, "  %5.0f%% %-22s %10.4f %14s %14s %10s%n", 100 * fraction,
                switches(b.paging(), b.remat()), seconds, energy, lower, gap);
    }

    private double median(Runnable work) {
        double[] s = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            work.run();
            s[i] = (System.nanoTime() - start) / 1e9;
        }
        return BenchCommand.median(s);
    }

    private static String switches(boolean paging, boolean remat) {
        return paging && remat ? "paging + recompute" : paging ? "paging only" : remat ? "recompute only" : "neither";
    }
}

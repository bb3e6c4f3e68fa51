package org.poetexplorer.milp.heuristic;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.ReplayChecker;
import org.poetexplorer.schedule.ReplayReport;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleBuilder;
import org.poetexplorer.schedule.ScheduleCleaner;

/**
 * A wide sweep by hand (devices x networks x budgets x switches): counts invalid plans, misses
 * where paging-only fits, the worst gap to the lower bound and the slowest call.
 * {@code mvn -o -q test -Dtest=HeuristicSweep -Dpoet.sweep=true}
 */
@EnabledIfSystemProperty(named = "poet.sweep", matches = "true")
class HeuristicSweep {
    @Test
    void sweep() {
        FastScheduler fs = new FastScheduler();
        int runs = 0;
        int invalid = 0;
        int missed = 0;
        int differing = 0;
        double gapSum = 0;
        int gapCount = 0;
        for (String dev : new String[] {"a72", "m4", "m0", "a72nocache"}) {
            for (String net : ReferenceData.NETWORKS) {
                TrainingGraph g = ReferenceData.graph(net, dev);
                long plain = MinimalRam.plainPeakBytes(g);
                double worstGap = 0;
                String worstGapAt = "";
                double slowest = 0;
                String slowestAt = "";
                for (double frac : new double[] {0.8, 0.5, 0.3, 0.15}) {
                    for (double rt : new double[] {1.05, 1.5}) {
                        for (int sw = 0; sw < 3; sw++) {
                            Budget b = new Budget((long) (plain * frac), rt, sw != 1, sw != 2);
                            long t0 = System.nanoTime();
                            Optional<HeuristicPlan> p = fs.schedule(g, b);
                            double ms = (System.nanoTime() - t0) / 1e6;
                            runs++;
                            Optional<HeuristicPlan> again = fs.schedule(g, b);
                            if (!again.map(HeuristicPlan::energyJ).equals(p.map(HeuristicPlan::energyJ))) {
                                differing++;
                                System.out.println("DIFFERENT on a second call " + net + " " + dev + " " + b);
                            }
                            if (ms > slowest) {
                                slowest = ms;
                                slowestAt = b.toString();
                            }
                            if (p.isPresent()) {
                                String c = Section4Checker.check(g, b, p.get().plan());
                                ReplayReport replay = ReplayChecker.check(ScheduleBuilder.build(g, b, p.get().plan()),
                                        p.get().energyJ());
                                if (c == null && !replay.valid()) {
                                    c = "replay: " + replay.describe();
                                }
                                Schedule built = ScheduleBuilder.build(g, b, p.get().plan());
                                if (c == null && ScheduleCleaner.clean(built).ops().size() != built.ops().size()) {
                                    c = "the cleaner found waste";
                                }
                                if (c != null || p.get().energyJ() < LowerBounds.energyJ(g, b)) {
                                    invalid++;
                                    System.out.println("INVALID " + net + " " + dev + " " + b + ": " + c);
                                }
                                double gap = 1 - LowerBounds.energyJ(g, b) / p.get().energyJ();
                                gapSum += gap;
                                gapCount++;
                                if (gap > worstGap) {
                                    worstGap = gap;
                                    worstGapAt = b.toString();
                                }
                            } else if (b.paging() && b.ramBytes() >= MinimalRam.pagingOnlyBytes(g)) {
                                missed++;
                                System.out.println("MISSED " + net + " " + dev + " " + b);
                            }
                        }
                    }
                }
                System.out.printf("%-15s %-10s worst gap %.4f%% at %s; slowest %.1f ms at %s%n", net, dev,
                        100 * worstGap, worstGapAt, slowest, slowestAt);
            }
        }
        System.out.printf("mean gap to the lower bound %.4f%% over %d plans%n", 100 * gapSum / gapCount, gapCount);
        System.out.println(runs + " runs, " + invalid + " invalid, " + missed + " missed, " + differing
                + " different on a second call");
    }
}

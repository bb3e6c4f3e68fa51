package org.poetexplorer.solver.heuristic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.ReplayChecker;
import org.poetexplorer.schedule.ReplayReport;
import org.poetexplorer.schedule.StagePlan;

public class ForwardSchedulerTest {

    /**
     * Generated layered graphs at 90 % and 80 % of their plain peak, recomputation only and with
     * paging: a schedule that passes both checks. At 80 % without paging, the repair of the plain
     * schedule alone finds none on any of these graphs.
     */
    @ParameterizedTest
    @CsvSource({"100, 2", "100, 3", "100, 5", "150, 1", "150, 3", "200, 1", "200, 3", "200, 4"})
    void findsValidSchedulesOnLayeredGraphs(int n, long seed) {
        TrainingGraph g = GeneratedGraphs.layered(n, seed);
        long plain = Plans.plainPeakBytes(g);
        for (boolean paging : new boolean[] {false, true}) {
            for (double frac : new double[] {0.9, 0.8}) {
                Budget b = new Budget((long) (plain * frac), 10, paging, true);
                String what = g.name() + " at " + frac + (paging ? " with paging" : "");
                Optional<StagePlan> plan = ForwardScheduler.schedule(g, b, () -> false);
                assertTrue(plan.isPresent(), what + ": no schedule");
                assertPasses(g, b, plan.get(), what);
            }
        }
    }

    /**
     * Narrow generated graphs costed as in the bundled suite (m4, 100 us a unit), recomputation
     * only, at 80 % and 85 % of the plain peak and 1.5x and 2x: the outputs that stay long in RAM
     * there are skip connections whose inputs are long gone, so evicting one to recompute it from
     * scratch takes a chain of many recomputations; the walks that could only do that found no
     * schedule on any of these cases. Evicting it to be recomputed from inputs kept for it does.
     */
    @ParameterizedTest
    @CsvSource({"100, 0.2, 1", "100, 0.2, 4", "100, 0.36, 4"})
    void findsSchedulesWhereLongLivedOutputsHaveLongGoneInputs(int n, double width, long seed) {
        TrainingGraph g = GeneratedGraphs.layered(n, width, seed, "m4", 1e-4);
        long plain = Plans.plainPeakBytes(g);
        for (double runtime : new double[] {1.5, 2}) {
            for (double frac : new double[] {0.8, 0.85}) {
                Budget b = new Budget(Math.round(plain * frac), runtime, false, true);
                String what = g.name() + " at " + frac + ", " + runtime + "x";
                Optional<StagePlan> plan = ForwardScheduler.schedule(g, b, () -> false);
                assertTrue(plan.isPresent(), what + ": no schedule");
                assertPasses(g, b, plan.get(), what);
            }
        }
    }

    /**
     * Where every walk of before ran out of RAM or runtime (recomputing an input recomputed the
     * inputs it lacked, 125 nodes and more in one stage), the walks that keep such inputs in RAM
     * from the stage they left, where the stages between can afford it (on the second graph only
     * once stages are fitted below the budget, leaving room for that), find a valid schedule.
     */
    @ParameterizedTest
    @CsvSource({"250, 0.38, 4", "250, 0.2, 3"})
    void findsSchedulesKeepingMissingInputsBack(int n, double width, long seed) {
        TrainingGraph g = GeneratedGraphs.layered(n, width, seed, "m4", 1e-4);
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), 2, false, true);
        Optional<StagePlan> plan = ForwardScheduler.schedule(g, b, () -> false);
        assertTrue(plan.isPresent(), "no schedule");
        assertPasses(g, b, plan.get(), g.name());
    }

    /**
     * Scoring outputs lazily (a lower bound first, the whole closure only for those whose place
     * needs it) gives the walks the plans of scoring every output on its whole closure, under
     * every ranking and with and without chains, recomputation only and with paging.
     */
    @ParameterizedTest
    @CsvSource({"100, 0.2, 1, 0.8", "150, 0.3, 2, 0.85", "200, 0.44, 3, 0.9", "250, 0.26, 5, 0.8"})
    void lazyScoringGivesThePlansOfFullScoring(int n, double width, long seed, double frac) {
        TrainingGraph g = GeneratedGraphs.layered(n, width, seed, "m4", 1e-4);
        int walked = 0;
        for (boolean paging : new boolean[] {false, true}) {
            Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * frac), 2, paging, true);
            for (ForwardScheduler.Ranking ranking : ForwardScheduler.Ranking.values()) {
                for (boolean chains : new boolean[] {true, false}) {
                    String what = g.name() + " " + b + " " + ranking + (chains ? " with chains" : "");
                    StagePlan lazy = ForwardScheduler.walk(g, b, ranking, true, chains, false, false);
                    StagePlan full = ForwardScheduler.walk(g, b, ranking, true, chains, false, true);
                    assertEquals(full == null, lazy == null, what);
                    if (full != null) {
                        walked++;
                        for (int t = 0; t < g.size(); t++) {
                            assertArrayEquals(full.computed(t), lazy.computed(t), what + ", stage " + t);
                            assertArrayEquals(full.kept(t), lazy.kept(t), what + ", stage " + t);
                            assertArrayEquals(full.stored(t), lazy.stored(t), what + ", stage " + t);
                            assertArrayEquals(full.pageIns(t), lazy.pageIns(t), what + ", stage " + t);
                        }
                    }
                }
            }
        }
        assertTrue(walked > 0, "no walk found a plan to compare");
    }

    /** The catalog networks at 60 % of their plain peak: valid with each switch combination that can fit. */
    @ParameterizedTest
    @CsvSource({"resnet18_cifar", "vgg16_cifar", "linear", "transformer"})
    void catalogSchedulesAreValid(String network) {
        TrainingGraph g = ReferenceData.graph(network, "a72");
        long plain = Plans.plainPeakBytes(g);
        for (boolean paging : new boolean[] {false, true}) {
            Budget b = new Budget((long) (plain * 0.6), 2, paging, true);
            ForwardScheduler.schedule(g, b, () -> false).ifPresent(p -> assertPasses(g, b, p, network + " " + b));
        }
    }

    static void assertPasses(TrainingGraph g, Budget b, StagePlan plan, String what) {
        PlanReplay replay = PlanReplay.of(g, b, plan);
        assertTrue(replay.valid(), what + ": " + replay.problem());
        ReplayReport report = ReplayChecker.check(replay.schedule(), replay.energyJ());
        assertTrue(report.valid(), what + ": " + report.message());
    }
}

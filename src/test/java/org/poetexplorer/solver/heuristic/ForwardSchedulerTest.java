package org.poetexplorer.solver.heuristic;

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

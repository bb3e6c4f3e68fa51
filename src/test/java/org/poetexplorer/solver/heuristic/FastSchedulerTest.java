package org.poetexplorer.solver.heuristic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.PlanTidy;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.ReplayChecker;
import org.poetexplorer.schedule.ReplayReport;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.schedule.SectionFourCheck;
import org.poetexplorer.schedule.StagePlan;
import org.poetexplorer.solver.MinimalRam;
import org.poetexplorer.solver.phases.CoverBound;

public class FastSchedulerTest {
    private static final FastScheduler SCHEDULER = new FastScheduler();

    static Stream<Arguments> networks() {
        return ReferenceData.NETWORKS.stream().map(Arguments::of);
    }

    /**
     * Every network at 100 %, 60 % and 40 % of its plain peak, runtime 1.5x, with each switch
     * combination: every plan is valid under section 4, its reported figures are its own, its
     * energy is at least the lower bound, and a plan exists whenever paging is on and the
     * budget reaches the paging-only minimum.
     */
    @ParameterizedTest
    @MethodSource("networks")
    void plansAreValidAndFoundWheneverPagingCanFit(String network) {
        TrainingGraph g = ReferenceData.graph(network, "a72");
        long plain = Plans.plainPeakBytes(g);
        for (double frac : new double[] {1.0, 0.6, 0.4}) {
            for (boolean paging : new boolean[] {true, false}) {
                for (boolean remat : new boolean[] {true, false}) {
                    Budget b = new Budget((long) (plain * frac), 1.5, paging, remat);
                    String what = network + " " + b;
                    Optional<HeuristicPlan> p = SCHEDULER.schedule(g, b);
                    double bound = CoverBound.energyJ(g, b);
                    if (p.isPresent()) {
                        assertValid(g, b, p.get(), what);
                        assertTrue(p.get().energyJ() >= bound, what + ": energy below the lower bound " + bound);
                    } else {
                        assertFalse(paging && b.ramBytes() >= MinimalRam.pagingOnlyBytes(g),
                                what + ": no plan although paging-only fits");
                    }
                    if (Double.isInfinite(bound)) {
                        assertTrue(p.isEmpty(), what + ": a plan although the bound proves none exists");
                    }
                    if (frac == 1.0) {
                        assertEquals(g.plainEnergyJ(), p.orElseThrow().energyJ(), 1e-12 * g.plainEnergyJ(),
                                what + ": the plain schedule fits, so it is the answer");
                    }
                }
            }
        }
    }

    public static void assertValid(TrainingGraph g, Budget b, HeuristicPlan p, String what) {
        StagePlan plan = p.plan();
        assertNull(SectionFourCheck.violation(g, b, plan), what);
        double objective = SectionFourCheck.objective(g, plan);
        assertEquals(objective, p.energyJ(), 1e-9 * objective, what + ": reported energy");
        assertEquals(SectionFourCheck.peak(g, plan), p.peakRamBytes(), what + ": reported peak");
        assertTrue(p.peakRamBytes() <= b.ramBytes(), what);
        assertTrue(p.runtimeS() <= b.runtimeRatio() * g.plainRuntimeS(), what);
        Schedule schedule = PlanReplay.schedule(g, b, plan);
        ReplayReport replay = ReplayChecker.check(schedule, p.energyJ());
        assertTrue(replay.valid(), () -> what + ": replay " + replay.describe());
        ScheduleSummary summary = ScheduleSummary.of(schedule);
        assertEquals(p.peakRamBytes(), summary.peakRamBytes(), what + ": peak by the replay");
        assertEquals(p.recomputes(), summary.counts().recompute(), what);
        assertEquals(p.pageIns(), summary.counts().pageIn(), what);
        assertEquals(p.pageOuts(), summary.counts().pageOut(), what);
        // nothing to tidy: every computation, page-in and page-out is used, nothing kept longer than needed
        assertEquals(schedule.ops(), PlanReplay.schedule(g, b, PlanTidy.tidy(g, plan)).ops(), what + ": waste");
    }

    @Test
    void pagingOnlyMinimumIsExactForTheScheduler() {
        for (String network : ReferenceData.NETWORKS) {
            TrainingGraph g = ReferenceData.graph(network, "m4");
            long min = MinimalRam.pagingOnlyBytes(g);
            Budget at = new Budget(min, 1.0, true, false);
            HeuristicPlan p = SCHEDULER.schedule(g, at).orElseThrow(() -> new AssertionError(network));
            assertValid(g, at, p, network);
            assertTrue(SCHEDULER.schedule(g, at.withRam(min - 1)).isEmpty(), network);
            assertTrue(CoverBound.provesInfeasible(g, at.withRam(min - 1)), network);
        }
    }

    /** Other devices price paging and computing differently; plans stay valid and above the bound. */
    @ParameterizedTest
    @MethodSource("devices")
    void otherDevices(String device) {
        for (String network : List.of("resnet18_cifar", "bert", "vgg16_cifar")) {
            TrainingGraph g = ReferenceData.graph(network, device);
            for (double frac : new double[] {0.5, 0.3}) {
                for (int sw = 0; sw < 3; sw++) {
                    Budget b = new Budget((long) (frac * Plans.plainPeakBytes(g)), 1.2, sw != 1, sw != 2);
                    String what = network + " " + device + " " + b;
                    Optional<HeuristicPlan> p = SCHEDULER.schedule(g, b);
                    if (p.isPresent()) {
                        assertValid(g, b, p.get(), what);
                        assertTrue(p.get().energyJ() >= CoverBound.energyJ(g, b), what);
                    } else {
                        assertFalse(b.paging() && b.ramBytes() >= MinimalRam.pagingOnlyBytes(g), what);
                    }
                }
            }
        }
    }

    static Stream<Arguments> devices() {
        return Stream.of("m0", "m4", "a72nocache").map(Arguments::of);
    }

    @Test
    void nothingBelowTheNecessaryBoundOrTheRuntimeOfOnePlainStep() {
        TrainingGraph g = ReferenceData.graph("resnet18_cifar", "a72");
        long nec = Plans.workingSetFloorBytes(g);
        assertTrue(SCHEDULER.schedule(g, new Budget(nec - 1, 3, true, true)).isEmpty());
        assertTrue(CoverBound.provesInfeasible(g, new Budget(nec - 1, 3, true, true)));
        long plain = Plans.plainPeakBytes(g);
        assertTrue(SCHEDULER.schedule(g, new Budget(plain, 0.99, true, true)).isEmpty());
    }

    @Test
    void remattingOnlyFitsBelowThePlainPeakWithinTheRuntimeBudget() {
        TrainingGraph g = ReferenceData.graph("vgg16_cifar", "a72");
        Budget b = new Budget((long) (0.6 * Plans.plainPeakBytes(g)), 1.2, false, true);
        HeuristicPlan p = SCHEDULER.schedule(g, b).orElseThrow();
        assertValid(g, b, p, "vgg16_cifar remat only");
        assertTrue(p.recomputes() > 0 && p.pageIns() == 0);
    }

    /** A warm start from a neighbouring budget is repaired to the new one, and never ends above the hint itself. */
    @Test
    void hintsFromNeighbouringBudgetsAreRepairedAndNeverWorsened() {
        TrainingGraph g = ReferenceData.graph("resnet18_cifar", "m4");
        long plain = Plans.plainPeakBytes(g);
        Budget wide = new Budget((long) (0.5 * plain), 1.3, true, true);
        HeuristicPlan first = SCHEDULER.schedule(g, wide).orElseThrow();
        HeuristicPlan again = SCHEDULER.schedule(g, wide, first.plan(), () -> false).orElseThrow();
        assertValid(g, wide, again, "same budget, own hint");
        assertTrue(again.energyJ() <= first.energyJ() * (1 + 1e-12));
        for (Budget b : List.of(wide.withRam((long) (0.3 * plain)), wide.withRemat(false), wide.withPaging(false),
                wide.withRuntimeRatio(1.0))) {
            HeuristicPlan p = SCHEDULER.schedule(g, b, first.plan(), () -> false)
                    .orElseThrow(() -> new AssertionError(b.toString()));
            assertValid(g, b, p, "hinted " + b);
        }
    }

    @Test
    void theSameInputGivesTheSamePlan() {
        TrainingGraph g = ReferenceData.graph("resnet50", "a72");
        Budget b = new Budget((long) (0.5 * Plans.plainPeakBytes(g)), 1.5, true, true);
        FastScheduler patient = new FastScheduler(Duration.ofSeconds(30));
        HeuristicPlan p = patient.schedule(g, b).orElseThrow();
        HeuristicPlan q = patient.schedule(g, b).orElseThrow();
        assertEquals(p.energyJ(), q.energyJ());
        for (int t = 0; t < g.size(); t++) {
            for (int i = 0; i <= t; i++) {
                assertEquals(p.plan().r(t, i), q.plan().r(t, i));
                assertEquals(p.plan().sRam(t, i), q.plan().sRam(t, i));
                assertEquals(p.plan().mIn(t, i), q.plan().mIn(t, i));
            }
        }
    }

    @Test
    void withNoTimeToImproveThePlanIsStillValid() {
        TrainingGraph g = ReferenceData.graph("bert", "a72");
        Budget b = new Budget((long) (0.4 * Plans.plainPeakBytes(g)), 1.5, true, true);
        HeuristicPlan quick = new FastScheduler(Duration.ZERO).schedule(g, b).orElseThrow();
        assertValid(g, b, quick, "bert, no improvement time");
        HeuristicPlan better = SCHEDULER.schedule(g, b).orElseThrow();
        assertTrue(better.energyJ() <= quick.energyJ());
    }

    /** The reference cases: plans found where a schedule exists, none where it does not; energies printed. */
    @Test
    void referenceCases() {
        List<String> lines = new ArrayList<>();
        for (ReferenceData.Case c : ReferenceData.cases()) {
            TrainingGraph g = c.graph();
            Budget b = c.budget();
            String id = c.id();
            Optional<HeuristicPlan> p = SCHEDULER.schedule(g, b);
            double bound = CoverBound.energyJ(g, b);
            if (c.infeasible()) {
                assertTrue(p.isEmpty(), id);
                lines.add(id + ": none (INFEASIBLE" + (Double.isInfinite(bound) ? ", proved by the bound)" : ")"));
                continue;
            }
            double best = c.bestKnownJ();
            assertTrue(bound <= best, id + ": bound " + bound + " above the best known " + best);
            HeuristicPlan plan = p.orElseThrow(() -> new AssertionError(id + ": no plan"));
            assertValid(g, b, plan, id);
            lines.add(String.format("%s: heuristic %.10g, bestKnown %.10g (%+.4f%%), bound %.10g", id, plan.energyJ(),
                    best, 100 * (plan.energyJ() / best - 1), bound));
        }
        lines.forEach(System.out::println);
    }
    /**
     * A generated graph on which neither the repaired starts nor any forward walk of before found
     * a schedule (recomputation only, 0.8 of the plain peak, 2x): the fast heuristic now starts
     * from the walks that keep a missing input in RAM from the stage it left, and its schedule
     * passes every check.
     */
    @Test
    void generatedGraphWhereEveryWalkOfBeforeFailedGetsASchedule() {
        TrainingGraph g = GeneratedGraphs.layered(250, 0.38, 4, "m4", 1e-4);
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), 2, false, true);
        Optional<HeuristicPlan> p = new FastScheduler(Duration.ofSeconds(30)).schedule(g, b);
        assertTrue(p.isPresent(), "no schedule");
        assertValid(g, b, p.get(), g.name());
    }

    /**
     * Told that the forward walk ran to its end on this budget and found nothing (as the solve
     * knows when it comes to the fast heuristic), the heuristic skips walking it again and gives
     * the plan it gives without being told: a generated graph where no forward walk fits and the
     * repaired starts do (recomputation only, 0.85 of the plain peak, 2x).
     */
    @Test
    void knowingTheForwardWalkFoundNothingGivesTheSamePlan() {
        TrainingGraph g = GeneratedGraphs.layered(100, 0.32, 5, "m4", 1e-4);
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.85), 2, false, true);
        assertTrue(ForwardScheduler.schedule(g, b, () -> false).isEmpty(), "a forward walk fits: pick another graph");
        FastScheduler scheduler = new FastScheduler(Duration.ofSeconds(30));
        Optional<HeuristicPlan> walked = scheduler.schedule(g, b, null, () -> false, false);
        Optional<HeuristicPlan> told = scheduler.schedule(g, b, null, () -> false, true);
        assertTrue(told.isPresent(), "no schedule");
        assertValid(g, b, told.get(), g.name());
        assertEquals(walked.get().energyJ(), told.get().energyJ(), g.name());
    }
}

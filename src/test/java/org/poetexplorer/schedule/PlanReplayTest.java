package org.poetexplorer.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

class PlanReplayTest {

    @Test
    void plainScheduleOfEveryReferenceGraphReplaysValidAndCostsTheComputeEnergy() {
        for (String network : ReferenceData.NETWORKS) {
            for (String device : ReferenceData.DEVICES) {
                plainScheduleReplaysValidAndCostsTheComputeEnergy(network + "__" + device,
                        ReferenceData.graph(network, device));
            }
        }
    }

    private static void plainScheduleReplaysValidAndCostsTheComputeEnergy(String stem, TrainingGraph g) {
        Schedule s = PlanReplay.schedule(g, ScheduleFixtures.roomy(), Plans.plain(g));
        ScheduleSummary sum = ScheduleSummary.of(s);
        // the tightest budget the plain schedule fits: its own peak and exactly one plain runtime
        Schedule tight = new Schedule(g, new Budget(sum.peakRamBytes(), 1.0, false, false), s.ops());
        ReplayReport r = ReplayChecker.check(tight, g.plainEnergyJ());
        assertTrue(r.valid(), stem + ": " + r.describe());
        assertEquals(g.plainEnergyJ(), ScheduleFixtures.energy(s), 1e-12 * g.plainEnergyJ(), stem);
        assertEquals(g.size(), sum.counts().compute(), stem);
        assertEquals(0, sum.counts().recompute() + sum.counts().pageIn() + sum.counts().pageOut(), stem);
        // plain frees every output once, none is left in RAM
        assertEquals(g.size(), sum.counts().free(), stem);
        assertEquals(0, s.ops().get(s.ops().size() - 1).ramBytesAfter(), stem);
    }

    @Test
    void plainLinearEnergyIsTheHandSummedComputeEnergy() {
        TrainingGraph g = ReferenceData.graph("linear", "m0");
        Schedule s = PlanReplay.schedule(g, ScheduleFixtures.roomy(), Plans.plain(g));
        assertEquals(ScheduleFixtures.LINEAR_M0_PLAIN_J, ScheduleFixtures.energy(s), 1e-15);
        // the input's 3136 bytes stay in RAM until the last gradient (node 26) uses them
        int lastCompute = ScheduleFixtures.indexOf(s, 26, OpKind.COMPUTE, 26);
        assertEquals(OpKind.FREE, s.ops().get(lastCompute + 1).kind());
        assertTrue(s.ops().get(lastCompute).ramBytesAfter() >= 3136 + 40);
    }

    @Test
    void handBuiltPlanWithPagingAndRecomputationBuildsInTheFixedOrderAndReplaysValid() {
        TrainingGraph g = ReferenceData.graph("linear", "m0");
        Budget b = ScheduleFixtures.roomy();
        Schedule s = PlanReplay.schedule(g, b, ScheduleFixtures.linearPagingAndRecompute(g));
        double expected = ScheduleFixtures.LINEAR_M0_PLAIN_J + ScheduleFixtures.LINEAR_M0_EXTRA_J;
        assertEquals(expected, ScheduleFixtures.energy(s), 1e-15);
        ReplayReport r = ReplayChecker.check(s, expected);
        assertTrue(r.valid(), r.describe());

        // stage 1: page the input out first, compute node 1, then free the input nobody needs in RAM
        int out = ScheduleFixtures.indexOf(s, 1, OpKind.PAGE_OUT, 0);
        assertEquals(OpKind.COMPUTE, s.ops().get(out + 1).kind());
        assertEquals(1, s.ops().get(out + 1).node());
        assertEquals(new Operation(1, OpKind.FREE, 0, s.ops().get(out + 2).startS(), s.ops().get(out + 2).startS(),
                0.0, 40), s.ops().get(out + 2));
        // stage 24 ends with the page-in; stage 25 recomputes node 1 before computing node 25
        int in = ScheduleFixtures.indexOf(s, 24, OpKind.PAGE_IN, 0);
        Operation next = s.ops().get(in + 1);
        assertEquals(25, next.stage());
        assertEquals(OpKind.RECOMPUTE, next.kind());
        assertEquals(1, next.node());
        assertEquals(s.ops().get(in).ramBytesAfter() + 40, next.ramBytesAfter());

        ScheduleSummary sum = ScheduleSummary.of(s);
        assertEquals(1, sum.counts().recompute());
        assertEquals(1, sum.counts().pageIn());
        assertEquals(1, sum.counts().pageOut());
        assertEquals(g.computeJ(1), sum.recomputeJ(), 0);
        assertEquals(g.pageInJ(0), sum.pageInJ(), 0);
        assertEquals(g.pageOutJ(0), sum.pageOutJ(), 0);
        assertTrue(sum.peakRamBytes() < Plans.plainPeakBytes(g));
    }

    @Test
    void computationsRunBackToBackAndTransfersRunBesideThemFromTheirStagesStart() {
        TrainingGraph g = ReferenceData.graph("linear", "m0", ScheduleFixtures.m0());
        Schedule s = PlanReplay.schedule(g, ScheduleFixtures.roomy(), ScheduleFixtures.linearPagingAndRecompute(g));
        double computeClock = 0;
        double transferClock = 0;
        int stage = -1;
        for (Operation op : s.ops()) {
            if (op.stage() != stage) {
                stage = op.stage();
                transferClock = computeClock;
            }
            if (op.kind().isTransfer()) {
                assertEquals(transferClock, op.startS(), 0, "a stage's transfers follow one another from its start");
                transferClock = op.endS();
            } else {
                assertEquals(computeClock, op.startS(), 0, "computations follow one another, frees take no time");
                computeClock = op.endS();
            }
        }
        assertEquals(ScheduleSummary.of(s).runtimeS(), computeClock, 1e-12, "the computations end at the compute time");
        Operation out = s.ops().get(ScheduleFixtures.indexOf(s, 1, OpKind.PAGE_OUT, 0));
        assertEquals(0.113e-3 + 3136 / 4440e3, out.durationS(), 1e-15);
        Operation in = s.ops().get(ScheduleFixtures.indexOf(s, 24, OpKind.PAGE_IN, 0));
        assertEquals(0.109e-3 + 3136 / 4616.51e3, in.durationS(), 1e-15);
        Operation re = s.ops().get(ScheduleFixtures.indexOf(s, 25, OpKind.RECOMPUTE, 1));
        assertEquals(0.09426, re.durationS(), 1e-12);
        assertTrue(ReplayChecker.check(s, ScheduleFixtures.energy(s)).valid());
    }
}

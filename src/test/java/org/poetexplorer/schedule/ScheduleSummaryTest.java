package org.poetexplorer.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

class ScheduleSummaryTest {
    private final TrainingGraph g = ReferenceData.graph("linear", "m0", ScheduleFixtures.m0());
    private final Budget b = ScheduleFixtures.roomy();

    @Test
    void thePeakIsTheLargestRamFigureAndListsWhatIsInRamThenLargestFirst() {
        Schedule s = PlanReplay.schedule(g, b, ScheduleFixtures.linearPagingAndRecompute(g));
        ScheduleSummary sum = ScheduleSummary.of(s);
        long max = s.ops().stream().mapToLong(Operation::ramBytesAfter).max().orElseThrow();
        assertEquals(max, sum.peakRamBytes());
        assertEquals(max, s.ops().get(sum.peakOpIndex()).ramBytesAfter());
        assertEquals(s.ops().get(sum.peakOpIndex()).stage(), sum.peakStage());
        for (int x = 0; x < sum.peakOpIndex(); x++) {
            assertTrue(s.ops().get(x).ramBytesAfter() < max, "the first op at the peak is named");
        }
        List<Integer> at = sum.inRamAtPeak();
        assertEquals(max, at.stream().mapToLong(g::ram).sum());
        for (int k = 1; k < at.size(); k++) {
            assertTrue(g.ram(at.get(k - 1)) >= g.ram(at.get(k)), "largest first: " + at);
        }
        // the input is on storage, not in RAM, at the peak of this plan (stage 19, the largest gradient)
        assertEquals(19, sum.peakStage());
        assertTrue(!at.contains(0) && at.contains(19), at.toString());
    }

    @Test
    void energiesByKindAddUpAndTimesSeparateComputeFromPaging() {
        Schedule s = PlanReplay.schedule(g, b, ScheduleFixtures.linearPagingAndRecompute(g));
        ScheduleSummary sum = ScheduleSummary.of(s);
        assertEquals(g.plainEnergyJ(), sum.computeJ(), 1e-15);
        assertEquals(g.computeJ(1), sum.recomputeJ(), 0);
        assertEquals(sum.energyJ(), sum.computeJ() + sum.recomputeJ() + sum.pageInJ() + sum.pageOutJ(), 1e-15);
        assertEquals(ScheduleFixtures.LINEAR_M0_PLAIN_J + ScheduleFixtures.LINEAR_M0_EXTRA_J, sum.energyJ(), 1e-15);
        assertEquals(g.plainRuntimeS() + g.runtime(1), sum.runtimeS(), 1e-15);
        assertEquals(sum.runtimeS(), sum.totalTimeS(), 1e-12,
                "the transfers overlap computations and end before the last one (node 0 is small)");
        assertEquals(new ScheduleSummary.Counts(27, 1, 1, 1, sum.counts().free()), sum.counts());
        assertEquals(s.ops().size(), sum.counts().total());
    }

    @Test
    void thePlainFiguresAreThoseOfThePlainSchedule() {
        ScheduleSummary.Plain p = ScheduleSummary.plain(g);
        assertEquals(ScheduleFixtures.LINEAR_M0_PLAIN_J, p.energyJ(), 1e-15);
        assertEquals(g.plainRuntimeS(), p.runtimeS(), 0);
        // stage 19: the input, the forward activations kept for the backward pass and the gradients 18, 19
        assertEquals(7416, p.peakRamBytes());
    }

    @Test
    void anEmptyScheduleHasNoPeak() {
        ScheduleSummary sum = ScheduleSummary.of(new Schedule(g, b, List.of()));
        assertEquals(-1, sum.peakOpIndex());
        assertEquals(0, sum.energyJ());
        assertEquals(List.of(), sum.inRamAtPeak());
    }
}

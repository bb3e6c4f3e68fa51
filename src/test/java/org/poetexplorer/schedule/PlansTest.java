package org.poetexplorer.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

/** The plain plan and the RAM figures every phase, the app and the command line take from {@link Plans}. */
class PlansTest {
    @Test
    void thePlainPeakIsThePeakOfThePlainPlansReplayAndThePlainPlanFitsExactlyThere() {
        for (String network : ReferenceData.NETWORKS) {
            TrainingGraph g = ReferenceData.graph(network, "a72");
            long peak = Plans.plainPeakBytes(g);
            Budget own = new Budget(peak, 1.0, false, false);
            PlanReplay replay = PlanReplay.of(g, own, Plans.plain(g));
            assertNull(replay.problem(), network);
            assertEquals(peak, replay.peakRamBytes(), network);
            assertEquals(g.plainEnergyJ(), replay.energyJ(), 0.0, network + ": computed once each, summed in order");
            assertFalse(PlanReplay.of(g, own.withRam(peak - 1), Plans.plain(g)).valid(), network);
            assertEquals(replay.schedule().ops(), Plans.plainSchedule(g).ops(), network);
            assertSectionFourHolds(g, own, Plans.plain(g), network);
            StagePlan plain = Plans.plain(g);
            StagePlan built = Plans.plainBuilder(g).build();
            for (int t = 0; t < g.size(); t++) {
                assertEquals(java.util.Arrays.toString(built.computed(t)) + java.util.Arrays.toString(built.kept(t)),
                        java.util.Arrays.toString(plain.computed(t)) + java.util.Arrays.toString(plain.kept(t)),
                        network + ": the plain plan is the plain builder's, stage " + t);
                assertEquals(0, plain.stored(t).length + plain.pageIns(t).length + plain.pageOuts(t).length, network);
            }
        }
    }

    @Test
    void theWorkingSetFloorIsTheLargestNodeWithItsInputsAndNeverAboveThePlainPeak() {
        // linear__m0.json: the last gradient node (26) with its inputs 0, 1 and 25, read from the file
        assertEquals(3256, Plans.workingSetFloorBytes(ReferenceData.graph("linear", "m0")));
        for (String network : ReferenceData.NETWORKS) {
            TrainingGraph g = ReferenceData.graph(network, "a72");
            assertTrue(Plans.workingSetFloorBytes(g) <= Plans.plainPeakBytes(g), network);
        }
    }

    private static void assertSectionFourHolds(TrainingGraph g, Budget b, StagePlan p, String what) {
        assertNull(SectionFourCheck.violation(g, b, p), what);
        assertEquals(SectionFourCheck.peak(g, p), Plans.plainPeakBytes(g), what);
    }
}

package org.poetexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.poetexplorer.schedule.ScheduleFixtures;

class PagingTimesTest {
    private final Device m0 = ScheduleFixtures.m0();

    @Test
    void costModelTimesEachTransferAndItsEnergyIsThatTimeAtMemoryPower() {
        NodeCosts c = CostModel.costs(15710, List.of(1L, 10L), m0);
        assertEquals(0.109e-3 + 40 / 4616.51e3, c.pageInS(), 1e-18);
        assertEquals(0.113e-3 + 40 / 4440e3, c.pageOutS(), 1e-18);
        assertEquals(c.pageInS() * 0.33, c.pageInJ(), 0);
        assertEquals(c.pageOutS() * 0.33, c.pageOutJ(), 0);
        assertTrue(c.pagingTimed());
    }

    @Test
    void referenceGraphsGetPagingTimesOnlyWithADevice() {
        TrainingGraph bare = ScheduleFixtures.graph("linear__m0");
        assertFalse(bare.pagingTimed());
        assertEquals(0, bare.pageInS(0));
        TrainingGraph timed = ScheduleFixtures.graph("linear__m0", m0);
        assertTrue(timed.pagingTimed());
        assertEquals(0.109e-3 + 3136 / 4616.51e3, timed.pageInS(0), 1e-18);
        // the file's energies are kept as given
        assertEquals(bare.pageInJ(0), timed.pageInJ(0), 0);
        assertEquals(bare.computeJ(5), timed.computeJ(5), 0);
    }

    @Test
    void negativeOrInfiniteDurationsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NodeCosts(0, 0, 0, 0, 0, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new NodeCosts(0, 0, 0, 0, 0, 0, Double.POSITIVE_INFINITY));
    }
}

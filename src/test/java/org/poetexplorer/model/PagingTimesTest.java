package org.poetexplorer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.poetexplorer.ReferenceData;
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
    void referenceGraphsOfABuiltInPlatformGetThatPlatformsPagingTimesAndKeepTheirEnergies() throws Exception {
        TrainingGraph given = ReferenceData.graph("linear", "m0");
        assertTrue(given.pagingTimed());
        assertEquals(0.109e-3 + 3136 / 4616.51e3, given.pageInS(0), 1e-18);
        TrainingGraph costed = ReferenceData.graph("linear", "m0", m0);
        assertEquals(given.pageInS(0), costed.pageInS(0), 1e-18);
        String text = ReferenceData.text("linear", "m0");
        TrainingGraph asGiven = org.poetexplorer.io.NetworkFiles.parse(text, "linear.json", null);
        assertEquals(given.pageInJ(0), asGiven.pageInJ(0), 0);
        assertEquals(given.computeJ(5), asGiven.computeJ(5), 0);
    }

    @Test
    void graphsOfAnUnknownPlatformWithoutADeviceHaveNoPagingTimes() throws Exception {
        String text = ReferenceData.text("linear", "m0")
                .replace("\"platform\": \"m0\"", "\"platform\": \"my-board\"");
        TrainingGraph bare = org.poetexplorer.io.NetworkFiles.parse(text, "mine.json", null);
        assertEquals("my-board", bare.deviceId());
        assertFalse(bare.pagingTimed());
        assertEquals(0, bare.pageInS(0));
    }

    @Test
    void negativeOrInfiniteDurationsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NodeCosts(0, 0, 0, 0, 0, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new NodeCosts(0, 0, 0, 0, 0, 0, Double.POSITIVE_INFINITY));
    }
}

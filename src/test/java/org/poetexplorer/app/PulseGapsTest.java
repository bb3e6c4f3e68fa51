package org.poetexplorer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PulseGapsTest {
    private static final long MS = 1_000_000;

    @Test
    void oneStallAmongAHundredFramesIsItsMaximumNotItsMedian() {
        PulseGaps gaps = new PulseGaps();
        for (int i = 0; i < 99; i++) {
            gaps.add(17 * MS);
        }
        gaps.add(240 * MS);
        // nearest rank: p99 of 100 gaps is the 99th smallest, still a frame; the stall is the 100th
        assertEquals(new PulseGaps.Summary(100, 17, 17, 240), gaps.summary());
        gaps.add(120 * MS);
        // 101 gaps: the 99th percentile is the 100th smallest (ceil(0.99 * 101)), the smaller stall
        assertEquals(new PulseGaps.Summary(101, 17, 120, 240), gaps.summary());
    }

    @Test
    void theMedianIsAGapThatOccurredAndClearingStartsAFreshStretch() {
        PulseGaps gaps = new PulseGaps();
        for (long g : new long[] {40, 10, 30, 20}) {
            gaps.add(g * MS);
        }
        assertEquals(new PulseGaps.Summary(4, 20, 40, 40), gaps.summary());
        assertEquals("gaps 4  median 20.0 ms  p99 40.0 ms  max 40.0 ms", gaps.summary().format());
        gaps.clear();
        assertEquals(new PulseGaps.Summary(0, 0, 0, 0), gaps.summary());
        for (int i = 0; i < 3000; i++) { // past the first array's size
            gaps.add((i % 3 + 1) * MS);
        }
        assertEquals(new PulseGaps.Summary(3000, 2, 3, 3), gaps.summary());
    }
}

package org.poetexplorer.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Each phase's time is its own figure: the covering program's and the gap model's, with and without a limit. */
class TimeSharesTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private void pass(double seconds) {
        now.addAndGet((long) (seconds * 1e9));
    }

    @Test
    void withoutATimeLimitEachPhaseHasItsOwnFixedTimeAndTheStageModelNoLimit() {
        TimeShares times = new TimeShares(0, now::get);
        pass(1000);
        assertEquals(TimeShares.COVER_PROGRAM_SECONDS, times.coverProgramSeconds(), 0.0);
        assertEquals(TimeShares.GAP_MODEL_SECONDS, times.gapModelSeconds(), 0.0);
        assertEquals(0, times.remainingSeconds(), 0.0, "no deadline");
        assertFalse(times.isUp());
    }

    @Test
    void withATimeLimitTheCoverProgramGetsATenthAndTheGapModelAQuarterOfItAtLeastASecond() {
        TimeShares times = new TimeShares(40, now::get);
        assertEquals(4, times.coverProgramSeconds(), 0.0);
        assertEquals(10, times.gapModelSeconds(), 0.0);
        assertEquals(40, times.remainingSeconds(), 0.0);
        pass(35);
        assertEquals(4, times.coverProgramSeconds(), 1e-9);
        assertEquals(5, times.gapModelSeconds(), 1e-9, "never more than what is left");
        TimeShares short_ = new TimeShares(2, now::get);
        assertEquals(1, short_.coverProgramSeconds(), 0.0);
        assertEquals(1, short_.gapModelSeconds(), 0.0);
    }

    @Test
    void whenTheLimitHasPassedTimeIsUpAndWhatIsLeftIsAHundredthOfASecond() {
        TimeShares times = new TimeShares(3, now::get);
        pass(3);
        assertTrue(times.isUp());
        assertEquals(0.01, times.remainingSeconds(), 0.0);
        assertEquals(3, times.elapsedSeconds(), 1e-9);
    }

    @Test
    void theFastHeuristicGetsAFifthOfATimeLimitAtLeastThreeTenthsOfASecondAndNeverMoreThanIsLeft() {
        assertEquals(3, new TimeShares(15, now::get).heuristicSeconds(), 1e-9);
        assertEquals(TimeShares.HEURISTIC_MIN_SECONDS, new TimeShares(1, now::get).heuristicSeconds(), 1e-9);
        assertEquals(TimeShares.HEURISTIC_SECONDS, new TimeShares(0, now::get).heuristicSeconds(), 0.0);
        TimeShares times = new TimeShares(15, now::get);
        pass(14);
        assertEquals(1, times.heuristicSeconds(), 1e-9);
    }
}

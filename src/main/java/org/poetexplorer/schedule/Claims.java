package org.poetexplorer.schedule;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The figures a schedule file claims beside its operations, by their names in the format
 * ({@link ReplayChecker#CLAIMED}: "computeJ", "counts.free", "plain.runtimeS", ...), and the
 * nodes it says are in RAM at the peak; the replay checker compares each one given with its own.
 *
 * @param figures the claimed numbers as written (exact), only those the file gives
 * @param inRamAtPeak the node indices listed at the peak, or null when the file gives none
 */
public record Claims(Map<String, BigDecimal> figures, List<Integer> inRamAtPeak) {

    public Claims {
        figures = Map.copyOf(figures);
        inRamAtPeak = inRamAtPeak == null ? null : List.copyOf(inRamAtPeak);
    }
}

package org.poetexplorer.cli;

import org.poetexplorer.io.InputException;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.solver.Sweep;

/**
 * What {@code sweep --ram FROM:TO:STEPS} says, before the network is loaded: either end may be a
 * share of the plain peak ({@link RamAmount}).
 *
 * @param text the option's value as given, for messages
 */
record RamSpan(RamAmount from, RamAmount to, int steps, String text) {

    /** The budgets for this network; a span that is empty or too narrow for its steps is named with the value. */
    Sweep.Range range(TrainingGraph graph) throws InputException {
        try {
            return range(Plans.plainPeakBytes(graph));
        } catch (IllegalArgumentException e) {
            throw new InputException("--ram", "", e.getMessage() + " in \"" + text + "\"");
        }
    }

    /** The budgets for a network of this plain peak (which does not count when both ends are sizes). */
    Sweep.Range range(long plainPeak) {
        return new Sweep.Range(from.bytesAtPlainPeak(plainPeak), to.bytesAtPlainPeak(plainPeak), steps);
    }
}

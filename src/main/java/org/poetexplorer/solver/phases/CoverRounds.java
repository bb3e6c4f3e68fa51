package org.poetexplorer.solver.phases;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

/**
 * The rounds of the covering program ({@link CoverProgram}): first without {@link CoverInputs}'
 * rows, then each with those rows for the outputs that the solutions so far computed again.
 * Every round's program has only valid rows, so the proven bound of each is a lower bound, and
 * the caller keeps the highest. A round whose solution computes no new output again is not
 * followed by a larger program: when it was not proven optimal, the same program comes again,
 * for a caller with more time than it gave that round (time otherwise unused); when it was, or
 * when it gave no solution, the rounds are over.
 */
public final class CoverRounds {
    private final TrainingGraph g;
    private final Budget b;
    private final List<CoverBound.Row> rows;
    private final BooleanSupplier stop;
    private boolean[] inputsOf; // null: without the inputs' rows
    private CoverProgram last;
    private boolean over;

    /** The rounds on the covering rows {@link CoverBound#rows} made for {@code g} and {@code b} (null: none). */
    public CoverRounds(TrainingGraph g, Budget b, List<CoverBound.Row> rows, BooleanSupplier stop) {
        this.g = g;
        this.b = b;
        this.rows = rows;
        this.stop = stop;
    }

    /** The next round's program, or null when the rounds are over or it could not be built. */
    public CoverProgram next() {
        if (!over) {
            last = CoverProgram.build(g, b, rows, stop, inputsOf);
            over = last == null;
        }
        return over ? null : last;
    }

    /**
     * Records the answer to the program {@link #next} gave: its solution ({@code x}, null: none)
     * and whether it is proven optimal. True when the next round's program is a larger one.
     */
    public boolean solved(double[] x, boolean optimal) {
        if (x == null) {
            over = true;
            return false;
        }
        boolean[] more = last.recomputedOutputs(x, inputsOf);
        if (more == null) {
            over = optimal;
            return false;
        }
        inputsOf = more;
        return true;
    }

    /** True when no round is left. */
    public boolean over() {
        return over;
    }
}

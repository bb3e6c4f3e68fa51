package org.poetexplorer.solver.phases;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

/**
 * The rounds of the covering program ({@link CoverProgram}): first without {@link CoverInputs}'
 * rows, then each with those rows for the outputs that the solutions so far computed again.
 * Every round's program has only valid rows, so the proven bound of each is a lower bound, and
 * the caller keeps the highest. A round whose solution computes no new output again: when it
 * was not proven optimal, the same program comes again, for a caller with more time than it gave
 * that round (time otherwise unused); when it was and its inputs' columns stopped at their limit
 * ({@link CoverProgram#inputsCut}), the next round has twice that limit (more valid rows: the
 * later rows' columns); when it was otherwise, or when it gave no solution, the rounds are over. Measured on the bundled suite's 250-node graph at 0.8 of
 * the plain peak, recomputation only (SCIP, 1 thread, loaded 2-core machine): the rounds at 2,000
 * columns stalled at 1.0243 x plain energy; without a limit the programs grew to 4,063, 5,265, 6,086
 * and 6,882 columns, each proven in 17-40 s, with bounds 1.0219, 1.0259, 1.0286 and 1.0310.
 */
public final class CoverRounds {
    private final TrainingGraph g;
    private final Budget b;
    private final List<CoverBound.Row> rows;
    private final BooleanSupplier stop;
    private boolean[] inputsOf; // null: without the inputs' rows
    private CoverProgram last; // null: the next round's program is not built yet
    private boolean over;
    private int maxColumns = CoverInputs.MAX_COLUMNS; // for the inputs' columns

    /** The rounds on the covering rows {@link CoverBound#rows} made for {@code g} and {@code b} (null: none). */
    public CoverRounds(TrainingGraph g, Budget b, List<CoverBound.Row> rows, BooleanSupplier stop) {
        this.g = g;
        this.b = b;
        this.rows = rows;
        this.stop = stop;
    }

    /**
     * The next round's program, or null when the rounds are over or it could not be built. A
     * round that comes again is the program already built (programs are read, never changed, by
     * the backends).
     */
    public CoverProgram next() {
        if (!over && last == null) {
            last = CoverProgram.build(g, b, rows, stop, inputsOf, maxColumns);
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
            if (optimal && last.inputsCut()) {
                maxColumns = (int) Math.min(Integer.MAX_VALUE, 2L * maxColumns);
                last = null;
                return true;
            }
            over = optimal;
            return false;
        }
        inputsOf = more;
        last = null;
        return true;
    }

    /** True when no round is left. */
    public boolean over() {
        return over;
    }
}

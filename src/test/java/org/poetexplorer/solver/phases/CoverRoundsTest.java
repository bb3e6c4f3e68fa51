package org.poetexplorer.solver.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poetexplorer.generator.LayeredGraphSpec;
import org.poetexplorer.generator.LayeredGraphs;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.NodeLinkFiles;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.solver.CancelToken;
import org.poetexplorer.solver.backends.BackendOutcome;
import org.poetexplorer.solver.backends.Backends;
import org.poetexplorer.solver.backends.Deadline;

/**
 * The rounds of the covering program end: each marks more outputs, and a round with nothing new
 * comes again only when it was not proven (that its bounds stay below the proven optimum:
 * {@link CoverSegmentsTest}).
 */
class CoverRoundsTest {

    @Test
    void aRoundWithNothingNewComesAgainOnlyWhenItWasNotProven() throws Exception {
        TrainingGraph g = graph(6);
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), 2.0, false, true);
        CoverRounds rounds = new CoverRounds(g, b, CoverBound.rows(g, b), () -> false);
        int round = 0;
        while (rounds.solved(solve(rounds.next()).x(), false)) {
            assertTrue(++round < 20, "the rounds mark more outputs each time, so they end");
        }
        assertFalse(rounds.over());
        CoverProgram again = rounds.next();
        assertNotNull(again, "a round not proven comes again");
        assertFalse(rounds.solved(solve(again).x(), true));
        assertTrue(rounds.over());
        assertNull(rounds.next());
    }

    private static TrainingGraph graph(int seed) throws Exception {
        return NodeLinkFiles.graph(LayeredGraphs.generate(new LayeredGraphSpec(16, 0.27, 0.75, 0.2, 0.14, seed)),
                DeviceFiles.builtIn("m4"), 1e-4);
    }

    private static BackendOutcome solve(CoverProgram cover) {
        BackendOutcome out = Backends.byName("scip").solve(cover.lp(), null, Deadline.in(30), 1, new CancelToken(),
                x -> { });
        assertEquals(BackendOutcome.Kind.OPTIMAL, out.kind(), out.detail());
        return out;
    }
}

package org.poetexplorer.solver.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poetexplorer.solver.phases.ProvenAnswers.solved;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poetexplorer.generator.LayeredGraphSpec;
import org.poetexplorer.generator.LayeredGraphs;
import org.poetexplorer.io.BenchSuite;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.NodeLinkFiles;
import org.poetexplorer.io.SuiteFiles;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;

/**
 * The rounds of the covering program end: each marks more outputs, and a round with nothing new
 * comes again only when it was not proven, and one whose inputs' columns stopped at their limit is
 * followed, once proven, by larger ones until every marked member has its columns (that its bounds
 * stay below the proven optimum: {@link CoverSegmentsTest}).
 */
class CoverRoundsTest {

    @Test
    void aRoundWithNothingNewComesAgainOnlyWhenItWasNotProven() throws Exception {
        TrainingGraph g = graph(6);
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), 2.0, false, true);
        CoverRounds rounds = new CoverRounds(g, b, CoverBound.rows(g, b), () -> false);
        int round = 0;
        while (rounds.solved(solved(rounds.next()).x(), false)) {
            assertTrue(++round < 20, "the rounds mark more outputs each time, so they end");
        }
        assertFalse(rounds.over());
        CoverProgram again = rounds.next();
        assertNotNull(again, "a round not proven comes again");
        assertFalse(rounds.solved(solved(again).x(), true));
        assertTrue(rounds.over());
        assertNull(rounds.next());
    }

    @Test
    void whenTheInputsColumnsStopAtTheirLimitTheRoundsGoOnUntilEveryMarkedMemberHasThem() {
        BenchSuite suite = SuiteFiles.bundled();
        BenchSuite.Case c = suite.cases().stream().filter(k -> k.graph().nodes() == 250).findFirst().orElseThrow();
        TrainingGraph g = NodeLinkFiles.graph(LayeredGraphs.generate(c.graph()), suite.device(), suite.timeUnitS());
        Budget b = new Budget(Math.round(Plans.plainPeakBytes(g) * 0.8), suite.runtimeRatio(), false, true);
        List<CoverBound.Row> rows = CoverBound.rows(g, b);
        CoverRounds rounds = new CoverRounds(g, b, rows, () -> false);
        CoverProgram first = rounds.next();
        double[] everyOutputAgain = new double[first.lp().numVars()];
        Arrays.fill(everyOutputAgain, 1);
        assertTrue(rounds.solved(everyOutputAgain, true), "the first round marks every output");
        CoverProgram cut = rounds.next();
        assertTrue(cut.inputsCut());
        assertFalse(rounds.solved(ones(cut), false), "a round not proven comes again as it was");
        assertEquals(cut.lp().numVars(), rounds.next().lp().numVars());
        CoverProgram last = cut;
        int rounds2 = 0;
        while (rounds.solved(ones(last), true)) {
            CoverProgram next = rounds.next();
            assertTrue(next.lp().numVars() > last.lp().numVars(), "a larger program");
            assertTrue(++rounds2 < 10);
            last = next;
        }
        assertTrue(rounds.over());
        assertFalse(last.inputsCut());
        int expected = 0;
        for (CoverBound.Row row : rows) {
            for (int i : row.members()) {
                boolean pastLastRead = false;
                for (int d : g.deps(i)) {
                    pastLastRead |= Plans.lastReader(g, d) < row.stage();
                }
                expected += pastLastRead ? 1 : 0;
            }
        }
        int made = 0;
        for (int j = 0; j < last.lp().numVars(); j++) {
            made += last.lp().varName(j).startsWith("Y_") ? 1 : 0;
        }
        assertEquals(expected, made, "every member with an input past its last read has its column");
    }

    private static double[] ones(CoverProgram cover) {
        double[] x = new double[cover.lp().numVars()];
        Arrays.fill(x, 1);
        return x;
    }

    private static TrainingGraph graph(int seed) throws Exception {
        return NodeLinkFiles.graph(LayeredGraphs.generate(new LayeredGraphSpec(16, 0.27, 0.75, 0.2, 0.14, seed)),
                DeviceFiles.builtIn("m4"), 1e-4);
    }
}

package org.poetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poetexplorer.io.SolveCase;

/** How the bench table judges and summarises a backend's answers. */
class BenchCommandTest {
    private static final SolveCase FEASIBLE = new SolveCase("a", Path.of("g.json"), 3500, 1.2, true, true,
            "FEASIBLE_OR_OPTIMAL", 0.5);
    private static final SolveCase OPTIMAL = new SolveCase("b", Path.of("g.json"), 3500, 1.2, true, true,
            "OPTIMAL", 0.5);
    private static final SolveCase INFEASIBLE = new SolveCase("c", Path.of("g.json"), 2500, 2, true, true,
            "INFEASIBLE", null);

    @Test
    void energyWithinTheToleranceOfTheBestKnownIsOk() {
        assertEquals("ok", BenchCommand.verdict(FEASIBLE, "FEASIBLE", 0.5 * (1 + 0.5e-4)));
        assertEquals("worse than best known", BenchCommand.verdict(FEASIBLE, "OPTIMAL", 0.5 * (1 + 2e-4)));
        assertEquals("no schedule", BenchCommand.verdict(FEASIBLE, "UNKNOWN", null));
    }

    @Test
    void unprovenOptimumAndMissedInfeasibilityAreFlagged() {
        assertEquals("ok, optimality not proven", BenchCommand.verdict(OPTIMAL, "FEASIBLE", 0.5));
        assertEquals("ok", BenchCommand.verdict(INFEASIBLE, "INFEASIBLE", null));
        assertEquals("expected INFEASIBLE", BenchCommand.verdict(INFEASIBLE, "UNKNOWN", null));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, BenchCommand.median(new double[] {3, 1, 2}));
        assertEquals(2.5, BenchCommand.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    void csvHasOneRowPerCaseAndSolverWithEmptyCellsForMissingFigures() {
        String csv = BenchCommand.toCsv(List.of(
                new BenchCommand.Row("a", "highs", "OPTIMAL", 0.5, 0.5, 1.25, "ok"),
                new BenchCommand.Row("c", "scip", "INFEASIBLE", null, null, 0.5, "ok, optimality not proven")));
        assertEquals("case,solver,status,energyJ,bestKnownJ,ratio,medianWallS,verdict\n"
                + "a,highs,OPTIMAL,0.5,0.5,1.0,1.2500,ok\n"
                + "c,scip,INFEASIBLE,,,,0.5000,\"ok, optimality not proven\"\n", csv);
    }
}

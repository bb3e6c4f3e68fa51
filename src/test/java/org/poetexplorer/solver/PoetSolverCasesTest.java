package org.poetexplorer.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.schedule.SectionFourCheck;
import org.poetexplorer.solver.backends.Backends;

/**
 * Every reference case with every backend: INFEASIBLE where the reference says so; otherwise a
 * schedule at most 1e-4 above the best energy the reference's solvers found, within the RAM and
 * runtime budgets by a check written directly from the model's constraints; OPTIMAL proven where
 * the reference says OPTIMAL.
 */
class PoetSolverCasesTest {

    static Stream<Object[]> casesAndBackends() {
        List<ReferenceData.Case> cases = ReferenceData.cases();
        return Backends.names().stream().flatMap(s -> cases.stream().map(c -> new Object[] {c, s}));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("casesAndBackends")
    void solvesTheReferenceCase(ReferenceData.Case c, String solver) {
        SolveResult r = PoetSolver.solve(c.graph(), c.budget(), new SolveOptions(solver, 15, 2), null, null);
        if (c.infeasible()) {
            assertEquals(SolveStatus.INFEASIBLE, r.status(), r.message());
            assertNull(r.plan());
            return;
        }
        assertTrue(r.status() == SolveStatus.OPTIMAL || r.status() == SolveStatus.FEASIBLE,
                () -> r.status() + ": " + r.message());
        assertNotNull(r.plan());
        assertNull(SectionFourCheck.violation(c.graph(), c.budget(), r.plan()), r.message());
        double energy = SectionFourCheck.objective(c.graph(), r.plan());
        assertTrue(energy <= c.bestKnownJ() * (1 + 1e-4),
                () -> "energy " + energy + " J above the best known " + c.bestKnownJ() + " J");
        if (c.optimal()) {
            assertEquals(SolveStatus.OPTIMAL, r.status(), r.message());
            assertTrue(r.gap() <= PoetSolver.OPTIMAL_TOLERANCE, "gap " + r.gap());
        }
        assertTrue(r.lowerBoundJ() <= energy * (1 + 1e-12));
    }
}

package org.poetexplorer.solver.phases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.solver.CancelToken;
import org.poetexplorer.solver.backends.BackendOutcome;
import org.poetexplorer.solver.backends.Backends;
import org.poetexplorer.solver.backends.Deadline;

/**
 * What the bound tests compare: programs solved to proven optimality by SCIP on one thread. A
 * program that is not proven within its time fails the test that asked, with SCIP's detail.
 */
final class ProvenAnswers {
    private ProvenAnswers() {
    }

    /** The cover program solved to optimality. */
    static BackendOutcome solved(CoverModel cover) {
        BackendOutcome out = Backends.byName("scip").solve(cover.lp(), null, Deadline.in(60), 1, new CancelToken(),
                x -> { });
        assertEquals(BackendOutcome.Kind.OPTIMAL, out.kind(), out.detail());
        return out;
    }

    /** The energy bound of the cover program, solved to optimality. */
    static double bound(CoverModel cover) {
        return cover.energyBoundJ(solved(cover).bound());
    }

    /** The stage model's proven optimum (the exact answer), NaN when it is proven infeasible. */
    static double optimum(TrainingGraph g, Budget b) {
        StageModel exact = StageFormulation.reduced(g, b, false);
        BackendOutcome out = Backends.byName("scip").solve(exact.lp(), null, Deadline.in(120), 1, new CancelToken(),
                x -> { });
        if (out.kind() == BackendOutcome.Kind.INFEASIBLE) {
            return Double.NaN;
        }
        assertEquals(BackendOutcome.Kind.OPTIMAL, out.kind(), out.detail());
        return exact.energyJ(out.objective());
    }
}

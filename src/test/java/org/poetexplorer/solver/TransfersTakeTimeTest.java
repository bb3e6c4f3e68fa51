package org.poetexplorer.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.OpKind;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.ReplayChecker;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.schedule.SectionFourCheck;
import org.poetexplorer.solver.backends.Backends;
import org.poetexplorer.solver.backends.MpsExport;
import org.poetexplorer.solver.phases.CoverBound;
import org.poetexplorer.solver.phases.StageFormulation;

/** The stricter device model in which page transfers count against the runtime budget. */
class TransfersTakeTimeTest {
    /** linear on a72 at 3500 B and 1.2x: the reference model's optimum pages, and its transfers overflow the budget. */
    private static final TrainingGraph LINEAR_A72 = ReferenceData.graph("linear", "a72");
    private static final Budget PAGING_PAYS = new Budget(3500, 1.2, true, true);
    /** linear on m0 at 3500 B and 1.001x without recomputation: only paging fits the RAM. */
    private static final TrainingGraph LINEAR_M0 = ReferenceData.graph("linear", "m0");
    private static final Budget PAGING_ONLY = new Budget(3500, 1.001, true, false);

    private static SolveResult solve(TrainingGraph g, Budget b) {
        return PoetSolver.solve(g, b, new SolveOptions(Backends.DEFAULT, 30, 2), null, null);
    }

    private static double limitS(TrainingGraph g, Budget b) {
        return b.runtimeRatio() * g.plainRuntimeS();
    }

    private static double transferSeconds(Schedule s) {
        double sum = 0;
        for (Operation op : s.ops()) {
            if (op.kind().isTransfer()) {
                sum += op.endS() - op.startS();
            }
        }
        return sum;
    }

    @Test
    void whenTransfersTakeTimeTheSolverTradesPagingForRecomputationThatFitsTheBudget() {
        SolveResult reference = solve(LINEAR_A72, PAGING_PAYS);
        assertEquals(SolveStatus.OPTIMAL, reference.status(), reference.message());
        ScheduleSummary ref = ScheduleSummary.of(reference.schedule());
        double limit = limitS(LINEAR_A72, PAGING_PAYS);
        assertTrue(ref.counts().pageIn() > 0 && ref.runtimeS() <= limit, "the reference optimum pages and fits");
        assertTrue(ref.runtimeS() + transferSeconds(reference.schedule()) > limit,
                "its compute and transfers together exceed the budget");

        Budget strict = PAGING_PAYS.withTransfersTakeTime(true);
        SolveResult r = solve(LINEAR_A72, strict);
        assertEquals(SolveStatus.OPTIMAL, r.status(), r.message());
        ScheduleSummary sum = ScheduleSummary.of(r.schedule());
        assertNotEquals(ref.energyJ(), sum.energyJ(), "a different schedule");
        assertTrue(sum.energyJ() >= ref.energyJ(), "a stricter model cannot cost less");
        assertTrue(ReplayChecker.check(r.schedule(), sum.energyJ()).valid());
        assertTrue(sum.runtimeS() <= limit * (1 + 1e-9), "runtime incl. transfers " + sum.runtimeS());
        assertEquals(sum.runtimeS(), r.schedule().endS(), 1e-15, "the drawn time is the checked runtime");
        assertEquals(null, SectionFourCheck.violation(LINEAR_A72, strict, r.plan()));
        assertTrue(r.lowerBoundJ() <= sum.energyJ() * (1 + 1e-6), "the bound stays below the schedule");
        double strictBound = CoverBound.energyJ(LINEAR_A72, strict);
        assertTrue(strictBound >= CoverBound.energyJ(LINEAR_A72, PAGING_PAYS), "the transfer term only tightens it");
        assertTrue(strictBound <= sum.energyJ(), "and it stays a lower bound: " + strictBound);
    }

    @Test
    void pagingWhoseTransfersDoNotFitTheRuntimeBudgetIsInfeasibleWhenTransfersTakeTime() {
        SolveResult reference = solve(LINEAR_M0, PAGING_ONLY);
        assertEquals(SolveStatus.OPTIMAL, reference.status(), reference.message());
        assertTrue(ScheduleSummary.of(reference.schedule()).counts().pageOut() > 0);
        SolveResult r = solve(LINEAR_M0, PAGING_ONLY.withTransfersTakeTime(true));
        assertEquals(SolveStatus.INFEASIBLE, r.status(), r.message());
    }

    @Test
    void inTheSerialTimelineEveryOperationStartsWhereTheOneBeforeItEnds() {
        Budget strict = PAGING_PAYS.withTransfersTakeTime(true).withRuntimeRatio(3);
        SolveResult r = solve(LINEAR_A72, strict);
        assertTrue(r.hasSchedule(), r.message());
        Schedule s = r.schedule();
        assertTrue(s.ops().stream().anyMatch(op -> op.kind() == OpKind.PAGE_IN), "the schedule pages");
        double clock = 0;
        for (Operation op : s.ops()) {
            assertEquals(clock, op.startS(), 1e-15, op.toString());
            clock = op.endS();
        }
        assertEquals(ScheduleSummary.of(s).runtimeS(), clock, 1e-15);
    }

    @Test
    void theExportedModelCarriesTheTransferTermsInItsRuntimeRowOnlyWhenTransfersTakeTime() {
        String reference = MpsExport.toString(StageFormulation.plain(LINEAR_M0, PAGING_ONLY).lp());
        String strict = MpsExport.toString(StageFormulation.plain(LINEAR_M0, PAGING_ONLY.withTransfersTakeTime(true)).lp());
        assertTrue(runtimeEntries(strict) > runtimeEntries(reference),
                runtimeEntries(strict) + " vs " + runtimeEntries(reference));
    }

    private static long runtimeEntries(String mps) {
        return mps.lines().filter(l -> l.matches("\\s+MIn_\\S+\\s+runtime\\s.*|\\s+MOut_\\S+\\s+runtime\\s.*")).count();
    }
}

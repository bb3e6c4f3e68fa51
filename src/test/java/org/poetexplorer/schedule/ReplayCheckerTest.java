package org.poetexplorer.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

class ReplayCheckerTest {
    private final TrainingGraph g = ReferenceData.graph("linear", "m0");
    private final Budget roomy = ScheduleFixtures.roomy();
    private final Schedule plain = PlanReplay.schedule(g, roomy, Plans.plain(g));

    private static int[] step(int stage, OpKind kind, int node) {
        return new int[] {stage, kind.ordinal(), node};
    }

    private Schedule edited(List<int[]> steps) {
        return ScheduleFixtures.fromSteps(g, roomy, steps);
    }

    private static ReplayReport checkAtItsOwnEnergy(Schedule s) {
        return ReplayChecker.check(s, ScheduleFixtures.energy(s));
    }

    private static void assertViolation(ReplayReport r, String rule, int opIndex, int stage, int node) {
        assertFalse(r.valid(), "expected " + rule);
        assertEquals(rule, r.rule(), r.describe());
        assertEquals(opIndex, r.opIndex(), r.describe());
        assertEquals(stage, r.stage(), r.describe());
        assertEquals(node, r.node(), r.describe());
    }

    @Test
    void computingWithoutADependencyInRamIsRejectedAtThatComputation() {
        // node 5 is freed right after it is computed, though node 6 needs it next
        List<int[]> steps = ScheduleFixtures.steps(plain);
        steps.add(ScheduleFixtures.indexOf(plain, 5, OpKind.COMPUTE, 5) + 1, step(5, OpKind.FREE, 5));
        Schedule s = edited(steps);
        int at = ScheduleFixtures.indexOf(s, 6, OpKind.COMPUTE, 6);
        ReplayReport r = checkAtItsOwnEnergy(s);
        assertViolation(r, ReplayChecker.DEPENDENCY_IN_RAM, at, 6, 6);
        assertTrue(r.message().contains("layer5_LinearLayer"), r.message());
    }

    @Test
    void aScheduleWhoseTransfersTakeTimeIsRejectedWhenComputeAndTransfersOverflowTheRuntimeBudget() {
        StagePlan paged = ScheduleFixtures.linearPagingAndRecompute(g);
        Schedule reference = PlanReplay.schedule(g, roomy, paged);
        ScheduleSummary sum = ScheduleSummary.of(reference);
        assertTrue(sum.counts().pageOut() > 0 && sum.counts().pageIn() > 0);
        // a budget the computations fill exactly: in the reference model the schedule fits
        Budget exact = roomy.withRuntimeRatio(sum.runtimeS() / g.plainRuntimeS());
        assertTrue(checkAtItsOwnEnergy(new Schedule(g, exact, reference.ops())).valid());
        List<int[]> steps = ScheduleFixtures.steps(reference);
        ReplayReport r = checkAtItsOwnEnergy(ScheduleFixtures.fromSteps(g, exact.withTransfersTakeTime(true), steps));
        assertFalse(r.valid());
        assertEquals(ReplayChecker.RUNTIME_BUDGET, r.rule(), r.describe());
        assertTrue(r.message().contains("compute and transfer time"), r.message());
        // with room for the transfers as well, the same operations in series are valid
        Schedule serial = ScheduleFixtures.fromSteps(g, roomy.withTransfersTakeTime(true), steps);
        assertTrue(checkAtItsOwnEnergy(serial).valid(), checkAtItsOwnEnergy(serial).describe());
        // and their times must be the serial ones: the overlapping timeline is refused
        Schedule overlapping = new Schedule(g, roomy.withTransfersTakeTime(true), reference.ops());
        assertEquals(ReplayChecker.OP_FIGURES, checkAtItsOwnEnergy(overlapping).rule());
    }

    @Test
    void goingOverTheRamBudgetIsRejectedAtThePeak() {
        ScheduleSummary sum = ScheduleSummary.of(plain);
        Schedule s = new Schedule(g, roomy.withRam(sum.peakRamBytes() - 1), plain.ops());
        assertViolation(checkAtItsOwnEnergy(s), ReplayChecker.RAM_BUDGET, sum.peakOpIndex(), sum.peakStage(),
                plain.ops().get(sum.peakOpIndex()).node());
        Schedule fits = new Schedule(g, roomy.withRam(sum.peakRamBytes()), plain.ops());
        assertTrue(checkAtItsOwnEnergy(fits).valid());
    }

    @Test
    void pagingInSomethingNeverPagedOutIsRejected() {
        List<int[]> steps = ScheduleFixtures.steps(plain);
        int at = ScheduleFixtures.indexOf(plain, 4, OpKind.COMPUTE, 4);
        steps.add(at, step(4, OpKind.PAGE_IN, 1));
        assertViolation(checkAtItsOwnEnergy(edited(steps)), ReplayChecker.PAGE_IN_NEEDS_STORAGE, at, 4, 1);
    }

    @Test
    void freeingSomethingNotInRamIsRejected() {
        List<int[]> steps = ScheduleFixtures.steps(plain);
        int at = ScheduleFixtures.indexOf(plain, 3, OpKind.COMPUTE, 3) + 1;
        steps.add(at, step(3, OpKind.FREE, 7));
        assertViolation(checkAtItsOwnEnergy(edited(steps)), ReplayChecker.FREE_NEEDS_RAM, at, 3, 7);
    }

    @Test
    void pagingOutSomethingNotInRamIsRejected() {
        List<int[]> steps = ScheduleFixtures.steps(plain);
        int at = ScheduleFixtures.indexOf(plain, 3, OpKind.COMPUTE, 3);
        steps.add(at, step(3, OpKind.PAGE_OUT, 9));
        assertViolation(checkAtItsOwnEnergy(edited(steps)), ReplayChecker.PAGE_OUT_NEEDS_RAM, at, 3, 9);
    }

    @Test
    void theLastNodeNeverComputedIsRejected() {
        List<int[]> steps = ScheduleFixtures.steps(plain);
        int at = ScheduleFixtures.indexOf(plain, 26, OpKind.COMPUTE, 26);
        while (steps.size() > at) {
            steps.remove(steps.size() - 1);
        }
        ReplayReport r = checkAtItsOwnEnergy(edited(steps));
        assertViolation(r, ReplayChecker.LAST_NODE_COMPUTED, -1, 26, 26);
    }

    @Test
    void aNodeFirstComputedAfterItsOwnStageIsRejected() {
        // the loss (node 13) is skipped in stage 13 and computed in stage 14 just before its gradient
        List<int[]> steps = ScheduleFixtures.steps(plain);
        steps.remove(ScheduleFixtures.indexOf(plain, 13, OpKind.COMPUTE, 13));
        Schedule skipped = edited(steps);
        int at = ScheduleFixtures.indexOf(skipped, 14, OpKind.COMPUTE, 14);
        steps.add(at, step(14, OpKind.RECOMPUTE, 13));
        ReplayReport r = checkAtItsOwnEnergy(edited(steps));
        assertViolation(r, ReplayChecker.NODE_COMPUTED, -1, 13, 13);
        assertTrue(r.message().contains("layer13_CrossEntropyLoss"), r.message());
    }

    @Test
    void recomputingBeyondTheRuntimeBudgetIsRejectedAtTheRecompute() {
        StagePlan plan = ScheduleFixtures.linearPagingAndRecompute(g);
        Schedule s = PlanReplay.schedule(g, roomy.withRuntimeRatio(1.0), plan);
        // the recompute of node 1 fits within one plain runtime until node 25 (the last with a cost) runs
        int at = ScheduleFixtures.indexOf(s, 25, OpKind.COMPUTE, 25);
        assertViolation(checkAtItsOwnEnergy(s), ReplayChecker.RUNTIME_BUDGET, at, 25, 25);
        // 1 + runtime[1] / plain runtime is just enough
        double ratio = (g.plainRuntimeS() + g.runtime(1)) / g.plainRuntimeS();
        assertTrue(checkAtItsOwnEnergy(PlanReplay.schedule(g, roomy.withRuntimeRatio(ratio), plan)).valid());
    }

    @Test
    void energyThatDoesNotAddUpIsRejected() {
        double e = ScheduleFixtures.LINEAR_M0_PLAIN_J;
        assertTrue(ReplayChecker.check(plain, e).valid());
        assertTrue(ReplayChecker.check(plain, e * (1 + 1e-11)).valid());
        ReplayReport r = ReplayChecker.check(plain, e * (1 + 1e-6));
        assertViolation(r, ReplayChecker.ENERGY_TOTAL, -1, -1, -1);
        assertFalse(ReplayChecker.check(plain, Double.NaN).valid());
    }

    @Test
    void computingAnOutputAlreadyInRamIsRejected() {
        List<int[]> steps = ScheduleFixtures.steps(plain);
        int at = ScheduleFixtures.indexOf(plain, 5, OpKind.COMPUTE, 5);
        steps.add(at, step(5, OpKind.RECOMPUTE, 0));
        assertViolation(checkAtItsOwnEnergy(edited(steps)), ReplayChecker.COMPUTE_OF_OUTPUT_IN_RAM, at, 5, 0);
    }

    @Test
    void pagingOrRecomputingWhenTheBudgetForbidsItIsRejected() {
        StagePlan plan = ScheduleFixtures.linearPagingAndRecompute(g);
        Schedule noPaging = PlanReplay.schedule(g, roomy.withPaging(false), plan);
        assertViolation(checkAtItsOwnEnergy(noPaging), ReplayChecker.PAGING_OFF,
                ScheduleFixtures.indexOf(noPaging, 1, OpKind.PAGE_OUT, 0), 1, 0);
        Schedule noRemat = PlanReplay.schedule(g, roomy.withRemat(false), plan);
        assertViolation(checkAtItsOwnEnergy(noRemat), ReplayChecker.REMAT_OFF,
                ScheduleFixtures.indexOf(noRemat, 25, OpKind.RECOMPUTE, 1), 25, 1);
    }

    @Test
    void figuresOnTheOperationsMustMatchTheReplay() {
        List<Operation> ops = new ArrayList<>(plain.ops());
        Operation o = ops.get(10);
        ops.set(10, new Operation(o.stage(), o.kind(), o.node(), o.startS(), o.endS(), o.energyJ(),
                o.ramBytesAfter() + 4));
        assertViolation(checkAtItsOwnEnergy(new Schedule(g, roomy, ops)), ReplayChecker.OP_FIGURES, 10,
                o.stage(), o.node());

        ops = new ArrayList<>(plain.ops());
        int c = ScheduleFixtures.indexOf(plain, 7, OpKind.COMPUTE, 7);
        o = ops.get(c);
        ops.set(c, new Operation(o.stage(), o.kind(), o.node(), o.startS(), o.endS() + 0.5, o.energyJ(),
                o.ramBytesAfter()));
        assertViolation(checkAtItsOwnEnergy(new Schedule(g, roomy, ops)), ReplayChecker.OP_FIGURES, c, 7, 7);

        ops = new ArrayList<>(plain.ops());
        o = ops.get(c);
        ops.set(c, new Operation(o.stage(), o.kind(), o.node(), o.startS(), o.endS(), o.energyJ() / 2,
                o.ramBytesAfter()));
        assertViolation(ReplayChecker.check(new Schedule(g, roomy, ops), 1.0), ReplayChecker.OP_FIGURES, c, 7, 7);
    }

    @Test
    void stagesOutOfOrderOrUnknownNodesAreStructuralViolations() {
        List<Operation> ops = new ArrayList<>(plain.ops());
        Operation o = ops.get(3);
        ops.set(3, new Operation(o.stage(), o.kind(), 99, o.startS(), o.endS(), o.energyJ(), o.ramBytesAfter()));
        assertEquals(ReplayChecker.STRUCTURE, checkAtItsOwnEnergy(new Schedule(g, roomy, ops)).rule());

        List<int[]> steps = ScheduleFixtures.steps(plain);
        int late = ScheduleFixtures.indexOf(plain, 6, OpKind.COMPUTE, 6) + 1;
        steps.get(late)[0] = 5;
        ReplayReport r = checkAtItsOwnEnergy(edited(steps));
        assertViolation(r, ReplayChecker.STRUCTURE, late, 5, steps.get(late)[2]);
        assertTrue(r.message().contains("comes after stage 6"), r.message());

        steps = ScheduleFixtures.steps(plain);
        steps.get(ScheduleFixtures.indexOf(plain, 8, OpKind.COMPUTE, 8))[1] = OpKind.RECOMPUTE.ordinal();
        assertEquals(ReplayChecker.STRUCTURE, checkAtItsOwnEnergy(edited(steps)).rule());
    }
}

package org.poetexplorer.schedule;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.solver.heuristic.FastScheduler;

/** The test checker must reject what section 4 rejects, or the scheduler tests prove nothing. */
class SectionFourCheckTest {
    private final TrainingGraph g = ReferenceData.graph("resnet18_cifar", "a72");
    private final Budget tight = new Budget((long) (0.4 * Plans.plainPeakBytes(g)), 1.5, true, true);
    private final StagePlan plan = new FastScheduler().schedule(g, tight).orElseThrow().plan();

    @Test
    void acceptsTheSchedulersPlan() {
        assertNull(SectionFourCheck.violation(g, tight, plan));
    }

    @Test
    void rejectsAMissingInput() {
        int t = g.size() - 1;
        int d = g.deps(t)[g.deps(t).length - 1];
        assertTrue(plan.sRam(t, d), "the last node's last input is resident");
        assertNotNull(SectionFourCheck.violation(g, tight, plan.toBuilder().setSRam(t, d, false).build()));
    }

    @Test
    void rejectsOverBudgetAndOverRuntimeAndSwitchesOff() {
        assertTrue(SectionFourCheck.violation(g, tight.withRam(tight.ramBytes() / 2), plan).contains("> budget"));
        assertTrue(SectionFourCheck.violation(g, tight.withPaging(false), plan).contains("paging"));
        assertTrue(SectionFourCheck.violation(g, tight.withRemat(false), plan).contains("recomputation"));
    }

    @Test
    void rejectsAPageInWithoutAPageOut() {
        StagePlan.Builder broken = plan.toBuilder();
        boolean found = false;
        for (int t = 0; t < g.size() && !found; t++) {
            for (int i : plan.pageOuts(t)) {
                broken.setMOut(t, i, false).store(i, 0, g.size() - 1, false);
                found = true;
                break;
            }
        }
        assertTrue(found, "the tight plan pages");
        assertNotNull(SectionFourCheck.violation(g, tight, broken.build()));
    }
}

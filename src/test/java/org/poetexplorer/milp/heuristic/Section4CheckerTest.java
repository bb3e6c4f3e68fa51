package org.poetexplorer.milp.heuristic;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.StagePlan;

/** The test checker must reject what section 4 rejects, or the scheduler tests prove nothing. */
class Section4CheckerTest {
    private final TrainingGraph g = ReferenceData.graph("resnet18_cifar", "a72");
    private final Budget tight = new Budget((long) (0.4 * MinimalRam.plainPeakBytes(g)), 1.5, true, true);
    private final StagePlan plan = new FastScheduler().schedule(g, tight).orElseThrow().plan();

    @Test
    void acceptsTheSchedulersPlan() {
        assertNull(Section4Checker.check(g, tight, plan));
    }

    @Test
    void rejectsAMissingInput() {
        boolean[][] sRam = plan.copySRam();
        int t = g.size() - 1;
        int d = g.deps(t)[g.deps(t).length - 1];
        assertTrue(sRam[t][d], "the last node's last input is resident");
        sRam[t][d] = false;
        assertNotNull(Section4Checker.check(g, tight, with(sRam, plan.copyMIn(), plan.copyMOut())));
    }

    @Test
    void rejectsOverBudgetAndOverRuntimeAndSwitchesOff() {
        assertTrue(Section4Checker.check(g, tight.withRam(tight.ramBytes() / 2), plan).contains("> budget"));
        assertTrue(Section4Checker.check(g, tight.withPaging(false), plan).contains("paging"));
        assertTrue(Section4Checker.check(g, tight.withRemat(false), plan).contains("recomputation"));
    }

    @Test
    void rejectsAPageInWithoutAPageOut() {
        boolean[][] out = plan.copyMOut();
        boolean[][] sSd = plan.copySSd();
        boolean found = false;
        for (int t = 0; t < g.size() && !found; t++) {
            for (int i = 0; i < t; i++) {
                if (out[t][i]) {
                    out[t][i] = false;
                    for (int s = 0; s < g.size(); s++) {
                        sSd[s][i] = false;
                    }
                    found = true;
                    break;
                }
            }
        }
        assertTrue(found, "the tight plan pages");
        StagePlan broken = new StagePlan(plan.copyR(), plan.copySRam(), sSd, plan.copyMIn(), out);
        assertNotNull(Section4Checker.check(g, tight, broken));
    }

    private StagePlan with(boolean[][] sRam, boolean[][] mIn, boolean[][] mOut) {
        return new StagePlan(plan.copyR(), sRam, plan.copySSd(), mIn, mOut);
    }
}

package org.poetexplorer.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.generator.LayeredGraphSpec;
import org.poetexplorer.generator.LayeredGraphs;
import org.poetexplorer.io.NodeLinkFiles;
import org.poetexplorer.model.TrainingGraph;

/**
 * The indexed tidy gives, for every plan, the plan the plain stage-by-stage restatement of its
 * rules gives ({@link PlanTidyReference}): on the plain plans of small generated graphs and on
 * plans of random decisions (recomputations, kept runs, page-outs and page-ins, storage,
 * useful or not), which reach every rule.
 */
class PlanTidyEquivalenceTest {

    @Test
    void theIndexedTidyLeavesWhatTheStageByStageRulesLeave() throws Exception {
        for (int seed = 1; seed <= 6; seed++) {
            TrainingGraph g = NodeLinkFiles.graph(LayeredGraphs.generate(new LayeredGraphSpec(6 + 2 * seed, 0.35,
                    0.75, 0.3, 0.2, seed)), DeviceFiles.builtIn("m4"), 1e-4);
            assertSame(g, Plans.plain(g), "plain plan, seed " + seed);
            Random rnd = new Random(seed);
            for (int k = 0; k < 120; k++) {
                StagePlan plan = random(g, rnd, 0.05 + 0.6 * rnd.nextDouble());
                assertSame(g, plan, "random plan " + k + ", seed " + seed);
            }
        }
    }

    private static void assertSame(TrainingGraph g, StagePlan plan, String what) {
        StagePlan expected = PlanTidyReference.tidy(g, plan);
        StagePlan actual = PlanTidy.tidy(g, plan);
        for (int t = 0; t < plan.size(); t++) {
            String at = what + ", stage " + t + ": ";
            assertEquals(Arrays.toString(expected.computed(t)), Arrays.toString(actual.computed(t)), at + "R");
            assertEquals(Arrays.toString(expected.kept(t)), Arrays.toString(actual.kept(t)), at + "SRam");
            assertEquals(Arrays.toString(expected.stored(t)), Arrays.toString(actual.stored(t)), at + "SSd");
            assertEquals(Arrays.toString(expected.pageIns(t)), Arrays.toString(actual.pageIns(t)), at + "MIn");
            assertEquals(Arrays.toString(expected.pageOuts(t)), Arrays.toString(actual.pageOuts(t)), at + "MOut");
        }
    }

    /** The plain plan with random decisions added on the frontier of constraint (1), kept stages mostly in runs. */
    private static StagePlan random(TrainingGraph g, Random rnd, double p) {
        int n = g.size();
        StagePlan.Builder b = Plans.plain(g).toBuilder();
        for (int t = 0; t < n; t++) {
            for (int i = 0; i <= t; i++) {
                if (i < t && rnd.nextDouble() < p) {
                    b.setR(t, i, true);
                }
                if (rnd.nextDouble() < p / 2) {
                    b.setMOut(t, i, true);
                }
                if (rnd.nextDouble() < p / 2) {
                    b.setMIn(t, i, true);
                }
                if (i < t && rnd.nextDouble() < p / 3) {
                    b.keep(i, t, t + rnd.nextInt(4), rnd.nextDouble() < 0.7);
                }
                if (i < t && rnd.nextDouble() < p / 4) {
                    b.store(i, t, t + rnd.nextInt(3), true);
                }
            }
        }
        return b.build();
    }
}

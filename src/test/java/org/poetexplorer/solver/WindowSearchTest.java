package org.poetexplorer.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.GraphNode;
import org.poetexplorer.model.NodeCosts;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.ReplayChecker;
import org.poetexplorer.schedule.StagePlan;
import org.poetexplorer.solver.backends.Backends;
import org.poetexplorer.solver.backends.Deadline;
import org.poetexplorer.solver.heuristic.ForwardScheduler;
import org.poetexplorer.solver.heuristic.GeneratedGraphs;

/** The window search: small exact models around the best schedule. */
class WindowSearchTest {

    /** The best schedule as a search sees it, with each offered plan checked as a solve checks it. */
    private static final class Best implements WindowSearch.Best {
        private final Verifier verifier;
        private Verifier.Verified best;
        private int offers;

        Best(Verifier verifier, StagePlan start) {
            this.verifier = verifier;
            this.best = verifier.verify(start).verified();
            assertNotNull(best, "the start plan is not valid: " + verifier.verify(start).problem());
        }

        @Override
        public Verifier.Verified best() {
            return best;
        }

        @Override
        public void offer(StagePlan plan) {
            offers++;
            Verifier.Outcome o = verifier.verify(plan);
            assertNotNull(o.verified(), "the search offered an invalid plan: " + o.problem());
            if (o.verified().energyJ() < best.energyJ()) {
                best = o.verified();
            }
        }
    }

    private static WindowSearch.Summary search(TrainingGraph g, Budget b, Best best, double seconds) {
        try (Stop stop = new Stop(new CancelToken(), Deadline.in(seconds))) {
            return new WindowSearch(g, b, Backends.byName("scip"), 1, stop, best).run(Deadline.in(seconds));
        }
    }

    /**
     * a -> b -> c -> d -> e with a skip b -> e: a plan that frees b after c and computes a and b
     * again for e, although keeping b fits, is improved to the plain schedule.
     */
    @Test
    void aRecomputationThatKeepingAvoidsIsFound() {
        List<GraphNode> nodes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            List<Integer> deps = i == 0 ? List.of() : i == 4 ? List.of(1, 3) : List.of(i - 1);
            nodes.add(new GraphNode(i, "n" + i, "ReLU", false, List.of(100L), 100, 0, deps,
                    new NodeCosts(1e-3, 400, 1e-3, 1e-4, 1e-4, 0, 0)));
        }
        TrainingGraph g = new TrainingGraph("skip", null, nodes, 0);
        Budget b = new Budget(Plans.plainPeakBytes(g), 3, false, true);
        StagePlan.Builder p = StagePlan.builder(5).computeEachOnce();
        p.keep(0, 1, 1, true).keep(1, 2, 2, true).keep(2, 3, 3, true).keep(3, 4, 4, true);
        p.setR(4, 0, true).setR(4, 1, true);
        Best best = new Best(new Verifier(g, b), p.build());
        double start = best.best().energyJ();
        WindowSearch.Summary s = search(g, b, best, 60);
        assertTrue(s.windows() >= 1 && s.improvements() >= 1 && s.exhausted(), s.toString());
        assertEquals(g.plainEnergyJ(), best.best().energyJ(), 1e-12);
        assertTrue(best.best().energyJ() < start);
    }

    /** On a generated graph, what a short search (a window or a few) ends with is a checked plan no worse than its start. */
    @Test
    void aSearchOnAGeneratedGraphEndsWithACheckedPlanNoWorseThanItsStart() {
        TrainingGraph g = GeneratedGraphs.layered(40, 5);
        Budget b = new Budget((long) (Plans.plainPeakBytes(g) * 0.8), 2, false, true);
        Best best = new Best(new Verifier(g, b), ForwardScheduler.schedule(g, b, () -> false).orElseThrow());
        double start = best.best().energyJ();
        WindowSearch.Summary s = search(g, b, best, 0.8);
        assertTrue(s.windows() >= 1, s.toString());
        assertTrue(best.best().energyJ() <= start);
        assertTrue(ReplayChecker.check(best.best().schedule(), best.best().energyJ()).valid());
    }
}

package org.poetexplorer.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poetexplorer.catalog.Catalog;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.NodeCosts;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.solver.PoetSolver;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;
import org.poetexplorer.solver.backends.Backends;

/**
 * Why a schedule treats a node as it does, on the linear network on m0 at 3.5 kB and 1.2x
 * (a tight budget: its optimal schedule recomputes layer4_ReLULayer once and pages
 * layer5_LinearLayer out and back in), and that schedule against the plain one.
 */
class NodeDetailsTest {
    private static final int RELU = 4;
    private static final int LINEAR = 5;
    private static TrainingGraph graph;
    private static Schedule tight;

    @BeforeAll
    static void solve() throws Exception {
        graph = Catalog.build("linear", DeviceFiles.builtIn("m0"));
        SolveResult r = PoetSolver.solve(graph, new Budget(3500, 1.2, true, true),
                new SolveOptions(Backends.DEFAULT, 30, 1), null, null);
        assertEquals(SolveStatus.OPTIMAL, r.status(), r::toString);
        tight = r.schedule();
    }

    @Test
    void aRecomputedNodeSaysSoWithBothAlternativesCostsFromTheCostModel() {
        NodeDetails d = NodeDetails.of(tight, RELU, true);
        NodeCosts c = graph.node(RELU).costs();
        assertEquals("layer4_ReLULayer", d.name());
        assertEquals(new NodeTreatment(1, 0, 0), d.treatment());
        assertEquals(c.computeJ(), d.recompute().joules());
        assertEquals(c.runtimeS(), d.recompute().seconds());
        assertEquals(c.pageOutJ() + c.pageInJ(), d.pageRoundTrip().joules());
        assertEquals(c.pageOutS() + c.pageInS(), d.pageRoundTrip().seconds());
        assertTrue(d.recompute().joules() < d.pageRoundTrip().joules(), "recomputing a ReLU is cheaper here");
        assertTrue(d.why().startsWith("Recomputed 1 time: recomputing costs " + Quantities.energy(c.computeJ())),
                d.why());
        assertTrue(d.why().endsWith("so recomputing costs less energy."), d.why());
        assertEquals(List.of("layer5_LinearLayer", "layer22_GradientLayer", "layer23_GradientLayer"), d.consumers());
    }

    @Test
    void aPagedNodeSaysSoAndItsLifetimeRunsToItsLastReader() {
        NodeDetails d = NodeDetails.of(tight, LINEAR, true);
        NodeCosts c = graph.node(LINEAR).costs();
        assertEquals(new NodeTreatment(0, 1, 1), d.treatment());
        assertEquals("paged out 1x, in 1x", d.treatment().text());
        assertTrue(d.why().startsWith("Paged out 1 time and in 1 time"), d.why());
        assertTrue(d.why().endsWith("so paging costs less energy."), d.why());
        assertTrue(c.pageOutJ() + c.pageInJ() < c.computeJ());
        Operation compute = tight.ops().stream().filter(o -> o.node() == LINEAR && o.kind() == OpKind.COMPUTE)
                .findFirst().orElseThrow();
        double lastRead = tight.ops().stream()
                .filter(o -> o.kind().isComputation() && graph.node(o.node()).deps().contains(LINEAR))
                .mapToDouble(Operation::endS).max().orElseThrow();
        assertEquals(compute.startS(), d.lifetimeStartS());
        assertEquals(lastRead, d.lifetimeEndS());
    }

    @Test
    void aKeptNodeCostsNothingAndAnAlternativeSwitchedOffIsNamed() {
        NodeDetails kept = NodeDetails.of(tight, 7, true);
        assertTrue(kept.treatment().kept());
        assertTrue(kept.why().startsWith("Kept in RAM"), kept.why());
        NodeTreatment recomputed = new NodeTreatment(1, 0, 0);
        NodeDetails.Cost cheap = new NodeDetails.Cost(1, 1);
        NodeDetails.Cost dear = new NodeDetails.Cost(2, 0);
        assertTrue(NodeDetails.why(recomputed, dear, cheap, new Budget(3500, 1.2, false, true), true)
                .endsWith("paging is switched off."));
        assertTrue(NodeDetails.why(recomputed, dear, cheap, new Budget(3500, 1.2, true, true), false)
                .endsWith("this schedule is not proven optimal."));
    }

    @Test
    void againstThePlainScheduleTheTightOneListsTheNodesItTreatsDifferently() {
        Schedule plain = Plans.plainSchedule(graph);
        ScheduleComparison c = ScheduleComparison.of(plain, tight);
        List<Integer> nodes = c.differing().stream().map(ScheduleComparison.Decision::node).toList();
        assertEquals(List.of(0, RELU, LINEAR), nodes);
        ScheduleComparison.Decision relu = c.differing().get(1);
        assertEquals("kept", relu.baseline().text());
        assertEquals("recomputed 1x", relu.current().text());
        ScheduleSummary p = ScheduleSummary.of(plain);
        ScheduleSummary t = ScheduleSummary.of(tight);
        assertEquals(t.energyJ() - p.energyJ(), c.energyDeltaJ(), 1e-15);
        assertTrue(c.energyDeltaJ() > 0, "the tight budget costs energy");
        assertEquals(graph.runtime(0) + graph.runtime(RELU), c.runtimeDeltaS(), 1e-12, "two recomputations");
        assertEquals(t.peakRamBytes() - p.peakRamBytes(), c.peakDeltaBytes());
        assertTrue(ScheduleComparison.of(tight, tight).differing().isEmpty());
    }
}

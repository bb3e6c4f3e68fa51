package org.poetexplorer.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poetexplorer.model.GraphNode;
import org.poetexplorer.model.NodeCosts;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;

/**
 * Why a schedule treats one node's output as it does: the output's lifetime (from the start
 * of its first computation to the end of the last computation that reads it), the nodes that
 * read it, what the schedule does with it, what the two ways of freeing its RAM cost (from the
 * node's {@link NodeCosts}), and one sentence that puts these together.
 *
 * @param lifetimeStartS start of the node's first computation
 * @param lifetimeEndS end of the last computation of a node that reads it (its own end when none does)
 * @param recompute what one recomputation costs: energy and compute time
 * @param pageRoundTrip what paging the output out and back in once costs: energy and transfer time
 */
public record NodeDetails(int node, String name, String type, long bytes, double lifetimeStartS, double lifetimeEndS,
        List<String> consumers, NodeTreatment treatment, Cost recompute, Cost pageRoundTrip, String why) {

    public NodeDetails {
        consumers = List.copyOf(consumers);
    }

    /** Energy and time of one way of bringing the output back. */
    public record Cost(double joules, double seconds) {
        String text() {
            return Quantities.energy(joules) + " and " + Quantities.duration(seconds);
        }
    }

    /**
     * The details of {@code node} in {@code s}.
     *
     * @param proven whether the schedule is proven optimal (a cheaper way it did not take was then ruled out)
     */
    public static NodeDetails of(Schedule s, int node, boolean proven) {
        TrainingGraph g = s.graph();
        GraphNode n = g.node(node);
        int[] readers = g.succs(node);
        boolean[] reads = new boolean[g.size()];
        for (int r : readers) {
            reads[r] = true;
        }
        double first = Double.NaN;
        double ownEnd = Double.NaN;
        double lastUse = Double.NaN;
        int recomputes = 0;
        int outs = 0;
        int ins = 0;
        for (Operation op : s.ops()) {
            if (op.node() == node) {
                switch (op.kind()) {
                    case COMPUTE, RECOMPUTE -> {
                        if (Double.isNaN(first)) {
                            first = op.startS();
                        }
                        ownEnd = op.endS();
                        recomputes += op.kind() == OpKind.RECOMPUTE ? 1 : 0;
                    }
                    case PAGE_OUT -> outs++;
                    case PAGE_IN -> ins++;
                    default -> {
                    }
                }
            } else if (op.kind().isComputation() && reads[op.node()]) {
                lastUse = op.endS();
            }
        }
        List<String> consumers = new ArrayList<>(readers.length);
        for (int r : readers) {
            consumers.add(g.node(r).name());
        }
        NodeCosts c = n.costs();
        Cost recompute = new Cost(c.computeJ(), c.runtimeS());
        Cost roundTrip = new Cost(c.pageRoundTripJ(), c.pageRoundTripS());
        NodeTreatment t = new NodeTreatment(recomputes, outs, ins);
        return new NodeDetails(node, n.name(), n.type(), n.ramBytes(), first, Double.isNaN(lastUse) ? ownEnd : lastUse,
                consumers, t, recompute, roundTrip, why(t, recompute, roundTrip, s.budget(), proven));
    }

    /** The one sentence: what the schedule does, what each way costs, and why this one. */
    static String why(NodeTreatment t, Cost recompute, Cost roundTrip, org.poetexplorer.model.Budget b,
            boolean proven) {
        String costs = "recomputing costs " + recompute.text() + " of compute, paging out and back in "
                + roundTrip.text() + " of transfers";
        if (t.kept()) {
            return "Kept in RAM from its computation to its last use, which costs no energy; " + costs + ".";
        }
        if (t.recomputes() > 0 && t.paged()) {
            return String.format(Locale.ROOT, "Recomputed %d %s and paged out %d %s: %s.", t.recomputes(),
                    times(t.recomputes()), t.pageOuts(), times(t.pageOuts()), costs);
        }
        boolean recomputed = t.recomputes() > 0;
        String done = recomputed
                ? String.format(Locale.ROOT, "Recomputed %d %s", t.recomputes(), times(t.recomputes()))
                : String.format(Locale.ROOT, "Paged out %d %s and in %d %s", t.pageOuts(), times(t.pageOuts()),
                        t.pageIns(), times(t.pageIns()));
        double chosenJ = recomputed ? recompute.joules() : roundTrip.joules();
        double otherJ = recomputed ? roundTrip.joules() : recompute.joules();
        String chosen = recomputed ? "recomputing" : "paging";
        String other = recomputed ? "paging" : "recomputing";
        boolean otherAllowed = recomputed ? b.paging() : b.remat();
        String reason;
        if (!otherAllowed) {
            reason = (recomputed ? "paging" : "rematerialization") + " is switched off";
        } else if (chosenJ <= otherJ) {
            reason = "so " + chosen + " costs less energy";
        } else if (proven) {
            reason = other + " would cost less energy but does not fit the budgets here (the schedule is proven optimal)";
        } else {
            reason = other + " would cost less energy; this schedule is not proven optimal";
        }
        return done + ": " + costs + (reason.startsWith("so ") ? ", " : "; ") + reason + ".";
    }

    private static String times(int n) {
        return n == 1 ? "time" : "times";
    }

    /** "12.5 ms to 40.1 ms". */
    public String lifetimeText() {
        return Quantities.duration(lifetimeStartS) + " to " + Quantities.duration(lifetimeEndS);
    }
}

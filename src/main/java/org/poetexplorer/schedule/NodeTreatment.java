package org.poetexplorer.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * What a schedule does with one node's output besides computing it once: how often it
 * computes it again, pages it out and pages it back in. Kept means none of these.
 */
public record NodeTreatment(int recomputes, int pageOuts, int pageIns) {

    /** The treatment of every node of the schedule's graph, by node index. */
    public static List<NodeTreatment> of(Schedule s) {
        int n = s.graph().size();
        int[] recomputes = new int[n];
        int[] outs = new int[n];
        int[] ins = new int[n];
        for (Operation op : s.ops()) {
            switch (op.kind()) {
                case RECOMPUTE -> recomputes[op.node()]++;
                case PAGE_OUT -> outs[op.node()]++;
                case PAGE_IN -> ins[op.node()]++;
                default -> {
                }
            }
        }
        List<NodeTreatment> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(new NodeTreatment(recomputes[i], outs[i], ins[i]));
        }
        return all;
    }

    public boolean kept() {
        return recomputes == 0 && pageOuts == 0 && pageIns == 0;
    }

    public boolean paged() {
        return pageOuts > 0 || pageIns > 0;
    }

    /** "kept", "recomputed 2x", "paged out 1x, in 1x" or both, joined by "; ". */
    public String text() {
        if (kept()) {
            return "kept";
        }
        List<String> parts = new ArrayList<>();
        if (recomputes > 0) {
            parts.add("recomputed " + recomputes + "x");
        }
        if (paged()) {
            parts.add("paged out " + pageOuts + "x, in " + pageIns + "x");
        }
        return String.join("; ", parts);
    }
}

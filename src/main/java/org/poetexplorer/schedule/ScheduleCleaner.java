package org.poetexplorer.schedule;

import java.util.List;
import org.poetexplorer.model.TrainingGraph;

/**
 * Leaves out recomputations that do nothing useful (schedule-format.md): one whose output is
 * already in RAM, and one whose output is freed before any operation uses it (together with
 * that free). Repeats until nothing changes, then puts the rest back on the timeline.
 * First computations (COMPUTE) are always kept: every node must be computed in its own stage.
 *
 * <p>Both removals are safe: the first changes neither the outputs in RAM nor the bytes; the
 * second only lowers the bytes in RAM while nobody reads the output. Energy and compute time
 * only go down, so a schedule that replayed valid apart from such waste replays valid after.
 */
public final class ScheduleCleaner {
    private ScheduleCleaner() {
    }

    public static Schedule clean(Schedule s) {
        TrainingGraph g = s.graph();
        List<Timeline.Step> steps = Timeline.steps(s.ops());
        boolean changed = true;
        boolean any = false;
        while (changed) {
            changed = removeOne(g, steps);
            any |= changed;
        }
        return any ? new Schedule(g, s.budget(), Timeline.place(g, steps)) : s;
    }

    /** Removes the first useless recomputation found (and its free); false when there is none. */
    private static boolean removeOne(TrainingGraph g, List<Timeline.Step> steps) {
        boolean[] inRam = new boolean[g.size()];
        for (int x = 0; x < steps.size(); x++) {
            Timeline.Step st = steps.get(x);
            int i = st.node();
            if (st.kind() == OpKind.RECOMPUTE) {
                if (inRam[i]) {
                    steps.remove(x);
                    return true;
                }
                int free = freedUnused(g, steps, x);
                if (free >= 0) {
                    steps.remove(free);
                    steps.remove(x);
                    return true;
                }
            }
            switch (st.kind()) {
                case FREE:
                    inRam[i] = false;
                    break;
                case PAGE_OUT:
                    break;
                default:
                    inRam[i] = true;
                    break;
            }
        }
        return false;
    }

    /**
     * The index of the free of step x's output when no operation between uses that output
     * (computes a node depending on it, pages it in or out, computes it again); else -1.
     */
    private static int freedUnused(TrainingGraph g, List<Timeline.Step> steps, int x) {
        int i = steps.get(x).node();
        for (int y = x + 1; y < steps.size(); y++) {
            Timeline.Step st = steps.get(y);
            if (st.kind() == OpKind.FREE) {
                if (st.node() == i) {
                    return y;
                }
                continue;
            }
            if (st.node() == i) {
                return -1;
            }
            if (st.kind().isComputation() && uses(g, st.node(), i)) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean uses(TrainingGraph g, int k, int i) {
        for (int d : g.deps(k)) {
            if (d == i) {
                return true;
            }
        }
        return false;
    }
}

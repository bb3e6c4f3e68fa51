package org.poetexplorer.schedule;

import java.util.List;
import org.poetexplorer.model.TrainingGraph;

/**
 * Leaves out operations that do nothing useful (docs/schedule-format.md), repeating until nothing
 * changes, then puts the rest back on the timeline:
 * <ul>
 * <li>a RECOMPUTE or PAGE_IN whose output is already in RAM;</li>
 * <li>a RECOMPUTE or PAGE_IN whose output is freed before any operation uses it, together
 * with that free;</li>
 * <li>a PAGE_OUT of an output already on storage, or that no later PAGE_IN reads back.</li>
 * </ul>
 * First computations (COMPUTE) are always kept: every node must be computed in its own stage.
 *
 * <p>Each removal is safe: it either changes neither the outputs in RAM nor the bytes, or only
 * lowers the bytes in RAM while nobody reads the output, or removes a storage copy nobody
 * reads. Energy and compute time only go down, so a schedule that replayed valid apart from
 * such waste replays valid after. An optimal schedule holds such waste only at zero cost (the
 * input layer's "recomputes"), so cleaning it keeps its energy.
 */
public final class ScheduleCleaner {
    private ScheduleCleaner() {
    }

    public static Schedule clean(Schedule s) {
        TrainingGraph g = s.graph();
        List<Timeline.Step> steps = Timeline.steps(s.ops());
        boolean any = false;
        while (removePass(g, steps)) {
            any = true;
        }
        return any ? new Schedule(g, s.budget(), Timeline.place(g, steps)) : s;
    }

    /**
     * One sweep that removes every useless operation it meets (with its free); false when it
     * removed nothing. A removal leaves the outputs in RAM and on storage at that point as they
     * were, so the sweep goes on from there.
     */
    private static boolean removePass(TrainingGraph g, List<Timeline.Step> steps) {
        boolean[] inRam = new boolean[g.size()];
        boolean[] onStorage = new boolean[g.size()];
        boolean removed = false;
        int x = 0;
        while (x < steps.size()) {
            Timeline.Step st = steps.get(x);
            int i = st.node();
            boolean drop = false;
            switch (st.kind()) {
                case RECOMPUTE:
                case PAGE_IN:
                    if (inRam[i]) {
                        drop = true;
                        break;
                    }
                    int free = freedUnused(g, steps, x);
                    if (free >= 0) {
                        steps.remove(free);
                        drop = true;
                        break;
                    }
                    inRam[i] = true;
                    break;
                case PAGE_OUT:
                    if (onStorage[i] || !pagedInLater(steps, x)) {
                        drop = true;
                        break;
                    }
                    onStorage[i] = true;
                    break;
                case FREE:
                    inRam[i] = false;
                    break;
                default:
                    inRam[i] = true;
                    break;
            }
            if (drop) {
                steps.remove(x);
                removed = true;
            } else {
                x++;
            }
        }
        return removed;
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

    private static boolean pagedInLater(List<Timeline.Step> steps, int x) {
        int i = steps.get(x).node();
        for (int y = x + 1; y < steps.size(); y++) {
            Timeline.Step st = steps.get(y);
            if (st.kind() == OpKind.PAGE_IN && st.node() == i) {
                return true;
            }
        }
        return false;
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

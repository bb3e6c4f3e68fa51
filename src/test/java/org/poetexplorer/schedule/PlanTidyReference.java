package org.poetexplorer.schedule;

import java.util.function.BooleanSupplier;
import org.poetexplorer.model.TrainingGraph;

/**
 * PlanTidy as it was first written, stage by stage over the builder's lookups: the plain
 * restatement of its rules that {@link PlanTidyEquivalenceTest} holds the indexed one to (same
 * tidied plan for every plan). Slow on big plans (it walks every stage of each node's span with
 * binary searches), which is why the real one is indexed.
 */
final class PlanTidyReference {
    private PlanTidyReference() {
    }

    public static StagePlan tidy(TrainingGraph g, StagePlan plan) {
        return tidy(g, plan, () -> false);
    }

    /**
     * As {@link #tidy(TrainingGraph, StagePlan)}, or null when {@code stop} says so: it is polled
     * once per node of every pass, as a plan that keeps much for long (a chain of thousands of
     * layers) takes seconds per pass.
     */
    public static StagePlan tidy(TrainingGraph g, StagePlan plan, BooleanSupplier stop) {
        StagePlan.Builder b = plan.toBuilder();
        int[] last = lastNamed(plan);
        tidyStages(g, plan, b);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < g.size(); i++) {
                if (stop.getAsBoolean()) {
                    return null;
                }
                changed |= dropUnusedCopies(g, b, i, last[i]);
                changed |= dropUnreadPageOuts(b, i, last[i]);
            }
        }
        for (int i = 0; i < g.size(); i++) {
            storeWhatIsWritten(b, i, last[i]);
        }
        return b.build();
    }

    /**
     * Per node, the last stage in which the plan decides anything about it (its own stage at
     * least). Tidying only removes decisions, so nothing about a node lies beyond it: each node
     * is followed only that far, and tidying takes time in proportion to the plan, not to n^2.
     */
    private static int[] lastNamed(StagePlan plan) {
        int n = plan.size();
        int[] last = new int[n];
        for (int i = 0; i < n; i++) {
            last[i] = i;
        }
        for (int t = 0; t < n; t++) {
            for (int[] named : new int[][] {plan.computed(t), plan.kept(t), plan.stored(t), plan.pageIns(t),
                plan.pageOuts(t)}) {
                for (int i : named) {
                    last[i] = Math.max(last[i], t);
                }
            }
        }
        return last;
    }

    private static void tidyStages(TrainingGraph g, StagePlan plan, StagePlan.Builder b) {
        int n = plan.size();
        for (int t = 0; t < n; t++) {
            boolean keepNext = t + 1 < n;
            int[] computed = plan.computed(t);
            for (int q = computed.length - 1; q >= 0; q--) {
                int i = computed[q];
                if (i == t) {
                    continue;
                }
                boolean useful = !b.sRam(t, i) && ((keepNext && b.sRam(t + 1, i)) || readIn(g, b, t, i));
                if (!useful) {
                    b.setR(t, i, false);
                }
            }
            for (int i : plan.pageIns(t)) {
                if (!keepNext || !b.sRam(t + 1, i) || b.sRam(t, i) || b.r(t, i)) {
                    b.setMIn(t, i, false);
                }
            }
            for (int i : plan.pageOuts(t)) {
                if (b.sSd(t, i)) {
                    b.setMOut(t, i, false);
                }
            }
        }
    }

    /**
     * Follows output i through the stages copy by copy. A copy comes into RAM when i is
     * computed (in its own stage or again later) or paged in at the end of a stage, and leaves
     * it in the first stage that does not keep it for the next. Its uses: a reader computed
     * while it is there, a page-out from it.
     */
    private static boolean dropUnusedCopies(TrainingGraph g, StagePlan.Builder b, int i, int lastNamed) {
        int n = b.size();
        boolean changed = false;
        int from = -1; // stage of the decision that made the current copy, -1: none
        boolean pagedIn = false;
        int lastUse = -1;
        for (int t = i; t <= lastNamed; t++) {
            if (from >= 0 && b.mOut(t, i)) {
                lastUse = t;
            }
            if (from < 0 && b.r(t, i)) {
                from = t;
                pagedIn = false;
                lastUse = -1;
            }
            if (from >= 0 && readIn(g, b, t, i)) {
                lastUse = t;
            }
            boolean keptOn = t + 1 < n && b.sRam(t + 1, i);
            if (from >= 0 && !keptOn) {
                changed |= endCopy(b, i, from, pagedIn, lastUse, t);
                from = -1;
            }
            if (b.mIn(t, i)) {
                from = t;
                pagedIn = true;
                lastUse = -1;
                if (!keptOn) {
                    changed |= endCopy(b, i, from, true, -1, t);
                    from = -1;
                }
            }
        }
        return changed;
    }

    /** A copy made in stage {@code from} and freed in stage {@code end}: dropped when unused, else kept only to its last use. */
    private static boolean endCopy(StagePlan.Builder b, int i, int from, boolean pagedIn, int lastUse, int end) {
        boolean computedFirst = !pagedIn && from == i;
        if (lastUse < 0 && !computedFirst) {
            if (pagedIn) {
                b.setMIn(from, i, false);
            } else {
                b.setR(from, i, false);
            }
            b.keep(i, from + 1, end, false);
            return true;
        }
        int lastNeeded = Math.max(lastUse, from);
        if (lastNeeded < end) {
            b.keep(i, lastNeeded + 1, end, false);
            return true;
        }
        return false;
    }

    /** A page-out is of use when a later page-in reads it back and i is not on storage already. */
    private static boolean dropUnreadPageOuts(StagePlan.Builder b, int i, int lastNamed) {
        int written = -1;
        boolean changed = false;
        for (int t = i; t <= lastNamed; t++) {
            if (!b.mOut(t, i)) {
                continue;
            }
            if (written < 0 && readBackFrom(b, i, t, lastNamed)) {
                written = t;
            } else {
                b.setMOut(t, i, false);
                changed = true;
            }
        }
        return changed;
    }

    private static boolean readBackFrom(StagePlan.Builder b, int i, int stage, int lastNamed) {
        for (int t = stage; t <= lastNamed; t++) {
            if (b.mIn(t, i)) {
                return true;
            }
        }
        return false;
    }

    /** i is on storage from the stage after its page-out on. */
    private static void storeWhatIsWritten(StagePlan.Builder b, int i, int lastNamed) {
        int n = b.size();
        b.store(i, i, lastNamed, false);
        for (int t = i; t <= lastNamed; t++) {
            if (b.mOut(t, i)) {
                b.store(i, t + 1, n - 1, true);
                return;
            }
        }
    }

    /** Whether a reader of i is computed in stage t. */
    private static boolean readIn(TrainingGraph g, StagePlan.Builder b, int t, int i) {
        for (int j : g.succs(i)) {
            if (j <= t && b.r(t, j)) {
                return true;
            }
        }
        return false;
    }
}

package org.poetexplorer.schedule;

import java.util.function.BooleanSupplier;
import org.poetexplorer.model.TrainingGraph;

/**
 * Leaves out of a plan every decision that does nothing, so that each operation of its replay
 * is of use (docs/schedule-format.md, "Cleaning": a displayed schedule leaves out what nobody
 * uses). A solver may leave such waste where it is free (e.g. "recomputing" the input) or in a
 * merely feasible answer.
 *
 * <p>Within a stage: a recomputation of an output already in RAM, or that nobody in the stage
 * reads and the next stage does not keep; a page-in of an output that is resident anyway, or
 * that the next stage does not keep; a page-out of an output already on storage.
 *
 * <p>Across stages, repeated until nothing changes: a copy of an output brought into RAM by a
 * recomputation or a page-in that nothing uses before it leaves RAM (no reader is computed and it
 * is not paged out while it is there); a page-out that no later page-in reads back, or of an
 * output already written; and the stages an output is kept in RAM after its last use. Storage is
 * then what the remaining page-outs wrote.
 *
 * <p>Each removal lowers energy, compute time or RAM and breaks no rule (nothing used is taken
 * away), so a valid plan stays valid and costs at most what it did.
 */
public final class PlanTidy {
    private PlanTidy() {
    }

    public static StagePlan tidy(TrainingGraph g, StagePlan plan) {
        return tidy(g, plan, () -> false);
    }

    /**
     * As {@link #tidy(TrainingGraph, StagePlan)}, or null when {@code stop} says so: it is polled
     * once per node of every pass.
     *
     * <p>Time: the plan is indexed per node once ({@link NodeLines}: its entries, and per
     * computation the computed node's inputs); each pass then visits, per node, only its events
     * and the ends of its copies, so a pass takes time in proportion to the index, not to the
     * stages each node spans. A pass that removes nothing ends the repetition, and each pass
     * before it removes at least one decision.
     */
    public static StagePlan tidy(TrainingGraph g, StagePlan plan, BooleanSupplier stop) {
        NodeLines lines = new NodeLines(g, plan);
        int n = lines.size();
        for (int i = n - 1; i >= 0; i--) {
            tidyStages(plan, lines, i);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < n; i++) {
                if (stop.getAsBoolean()) {
                    return null;
                }
                changed |= dropUnusedCopies(lines, i);
                changed |= dropUnreadPageOuts(lines, i);
            }
        }
        int[] storedFrom = new int[n];
        for (int i = 0; i < n; i++) {
            storedFrom[i] = storedFrom(lines, i);
        }
        return lines.toPlan(storedFrom);
    }

    /**
     * The rules within a stage, for node i. A recomputation's use depends on the recomputations of
     * its readers in the same stage, which are decided first: nodes are taken in decreasing order
     * (a reader comes after what it reads), and a page-in depends only on its node's own decisions.
     */
    private static void tidyStages(StagePlan plan, NodeLines lines, int i) {
        int n = lines.size();
        RunCursor keep = new RunCursor(lines, i);
        for (int e = 0; e < lines.events(i); e++) {
            int t = lines.stage(i, e);
            boolean keptIn = keep.covers(t);
            boolean keptNext = t + 1 < n && keep.covers(t + 1);
            if (t != i && lines.has(i, e, NodeLines.COMPUTED) && (keptIn || !(keptNext || lines.read(i, e)))) {
                lines.dropComputed(i, e);
            }
            if (lines.has(i, e, NodeLines.PAGED_IN) && (!keptNext || keptIn || lines.has(i, e, NodeLines.COMPUTED))) {
                lines.drop(i, e, NodeLines.PAGED_IN);
            }
            if (lines.has(i, e, NodeLines.PAGED_OUT) && plan.sSd(t, i)) {
                lines.drop(i, e, NodeLines.PAGED_OUT);
            }
        }
    }

    /**
     * Follows output i through the stages copy by copy. A copy comes into RAM when i is
     * computed (in its own stage or again later) or paged in at the end of a stage, and leaves
     * it in the first stage that does not keep it for the next: the end of the run of kept
     * stages that follows. Its uses: a reader computed while it is there, a page-out from it.
     * Only the stages of i's events and of its copies' ends are visited.
     */
    private static boolean dropUnusedCopies(NodeLines lines, int i) {
        RunCursor keep = new RunCursor(lines, i);
        boolean changed = false;
        Copy copy = null;
        int e = 0;
        while (true) {
            int t = e < lines.events(i) ? lines.stage(i, e) : Integer.MAX_VALUE;
            if (copy != null && copy.end < t) {
                // freed in a stage where nothing else happens to i
                changed |= copy.close(lines, i);
                copy = null;
                continue;
            }
            if (t == Integer.MAX_VALUE) {
                return changed;
            }
            if (copy != null && lines.has(i, e, NodeLines.PAGED_OUT)) {
                copy.lastUse = t;
            }
            if (copy == null && lines.has(i, e, NodeLines.COMPUTED)) {
                copy = new Copy(e, t, false, keep);
            }
            if (copy != null && lines.read(i, e)) {
                copy.lastUse = t;
            }
            if (copy != null && copy.end == t) {
                changed |= copy.close(lines, i);
                copy = null;
            }
            if (lines.has(i, e, NodeLines.PAGED_IN)) {
                // a copy still kept is replaced by the paged-in one, as the stage-by-stage walk does
                copy = new Copy(e, t, true, keep);
                if (copy.end == t) {
                    changed |= copy.close(lines, i);
                    copy = null;
                }
            }
            e++;
        }
    }

    /** A copy of an output in RAM, made by the decision of event {@code event} in stage {@code from}. */
    private static final class Copy {
        final int event;
        final int from;
        final boolean pagedIn;
        /** The run of kept stages from from + 1 on (-1: none) and the stage that frees the copy (its end, or from). */
        final int run;
        final int end;
        int lastUse = -1;

        Copy(int event, int from, boolean pagedIn, RunCursor keep) {
            this.event = event;
            this.from = from;
            this.pagedIn = pagedIn;
            this.run = keep.runCovering(from + 1);
            this.end = run < 0 ? from : keep.end(run);
        }

        /** Drops the copy when unused, else keeps it only to its last use. */
        boolean close(NodeLines lines, int i) {
            boolean computedFirst = !pagedIn && from == i;
            if (lastUse < 0 && !computedFirst) {
                if (pagedIn) {
                    lines.drop(i, event, NodeLines.PAGED_IN);
                } else {
                    lines.dropComputed(i, event);
                }
                if (run >= 0) {
                    lines.cutRun(i, run, from + 1);
                }
                return true;
            }
            int lastNeeded = Math.max(lastUse, from);
            if (lastNeeded < end) {
                lines.cutRun(i, run, lastNeeded + 1);
                return true;
            }
            return false;
        }
    }

    /** The runs of kept stages of one node, asked about in increasing stage order. */
    private static final class RunCursor {
        private final NodeLines lines;
        private final int i;
        private int r;

        RunCursor(NodeLines lines, int i) {
            this.lines = lines;
            this.i = i;
        }

        /** The run that keeps i in stage t, or -1; t is never below an earlier question's. */
        int runCovering(int t) {
            while (r < lines.runs(i) && lines.runEnd(i, r) < t) {
                r++;
            }
            return r < lines.runs(i) && lines.runStart(i, r) <= t ? r : -1;
        }

        boolean covers(int t) {
            return runCovering(t) >= 0;
        }

        int end(int run) {
            return lines.runEnd(i, run);
        }
    }

    /** A page-out is of use when a later page-in reads it back and i is not on storage already. */
    private static boolean dropUnreadPageOuts(NodeLines lines, int i) {
        int lastIn = -1;
        for (int e = 0; e < lines.events(i); e++) {
            if (lines.has(i, e, NodeLines.PAGED_IN)) {
                lastIn = lines.stage(i, e);
            }
        }
        boolean written = false;
        boolean changed = false;
        for (int e = 0; e < lines.events(i); e++) {
            if (!lines.has(i, e, NodeLines.PAGED_OUT)) {
                continue;
            }
            if (!written && lastIn >= lines.stage(i, e)) {
                written = true;
            } else {
                lines.drop(i, e, NodeLines.PAGED_OUT);
                changed = true;
            }
        }
        return changed;
    }

    /** i is on storage from the stage after its (first remaining) page-out on: the stage returned, n when never. */
    private static int storedFrom(NodeLines lines, int i) {
        for (int e = 0; e < lines.events(i); e++) {
            if (lines.has(i, e, NodeLines.PAGED_OUT)) {
                return lines.stage(i, e) + 1;
            }
        }
        return lines.size();
    }
}

package org.poetexplorer.solver.phases;

import org.poetexplorer.schedule.StagePlan;

/**
 * A window of the stage model (docs/model.md section 4) for a large-neighbourhood search: the
 * decisions of stages {@code from} to {@code to - 1} about the nodes from {@code firstNode} on
 * are free; every other decision is {@code fixed}'s.
 *
 * <p>Free: R, MIn and MOut of stage t about node i for {@code from <= t < to} and
 * {@code i >= firstNode}; SRam and SSd at the start of stage t for {@code from < t < to} and the
 * same nodes. So the RAM and storage contents entering the window (at the start of stage
 * {@code from}) and leaving it (at the start of stage {@code to}) are the fixed plan's: the
 * stages outside the window do exactly what they did and need exactly what they needed, and any
 * answer of the window's model, with the fixed decisions around it, is a plan of the whole
 * graph. Outputs of nodes before {@code firstNode} (long-lived tensors) are kept, recomputed
 * and paged inside the window as the fixed plan does: that keeps the window small on a large
 * graph (its columns grow with the window's stages times the nodes they may decide).
 */
public record StageWindow(StagePlan fixed, int from, int to, int firstNode) {

    public StageWindow {
        if (fixed == null) {
            throw new IllegalArgumentException("a window needs the plan it leaves fixed");
        }
        if (firstNode < 0 || firstNode > from || from >= to || to > fixed.size()) {
            throw new IllegalArgumentException("window: need 0 <= firstNode <= from < to <= " + fixed.size()
                    + " (was firstNode " + firstNode + ", from " + from + ", to " + to + ")");
        }
    }

    /** Whether stage t's R, MIn and MOut about node i are free. */
    public boolean decides(int t, int i) {
        return t >= from && t < to && i >= firstNode;
    }

    /** The number of stages the window decides. */
    public int stages() {
        return to - from;
    }
}

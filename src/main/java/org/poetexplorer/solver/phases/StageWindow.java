package org.poetexplorer.solver.phases;

import java.util.BitSet;
import org.poetexplorer.schedule.StagePlan;

/**
 * A window of the stage model (docs/model.md section 4) for a large-neighbourhood search: the
 * decisions of stages {@code from} to {@code to - 1} about the nodes in {@code nodes} are free;
 * every other decision is {@code fixed}'s.
 *
 * <p>Free: R, MIn and MOut of stage t about node i for {@code from <= t < to} and i in
 * {@code nodes}; SRam and SSd at the start of stage t for {@code from < t < to} and the same
 * nodes. So the RAM and storage contents entering the window (at the start of stage
 * {@code from}) and leaving it (at the start of stage {@code to}) are the fixed plan's: the
 * stages outside the window do exactly what they did and need exactly what they needed, and any
 * answer of the window's model, with the fixed decisions around it, is a plan of the whole
 * graph. The other nodes are kept, recomputed and paged inside the window as the fixed plan
 * does: that keeps the window small on a large graph (its columns grow with the window's stages
 * times the nodes it decides about).
 */
public record StageWindow(StagePlan fixed, int from, int to, BitSet nodes) {

    public StageWindow {
        if (fixed == null) {
            throw new IllegalArgumentException("a window needs the plan it leaves fixed");
        }
        if (from < 0 || from >= to || to > fixed.size() || nodes.length() > fixed.size()) {
            throw new IllegalArgumentException("window: need 0 <= from < to <= " + fixed.size()
                    + " and nodes below " + fixed.size() + " (was from " + from + ", to " + to + ", nodes to "
                    + nodes.length() + ")");
        }
        nodes = (BitSet) nodes.clone();
    }

    /** The window of stages {@code from} to {@code to - 1} deciding about every node from {@code firstNode} on. */
    public static StageWindow of(StagePlan fixed, int from, int to, int firstNode) {
        BitSet nodes = new BitSet();
        nodes.set(Math.max(0, firstNode), fixed.size());
        return new StageWindow(fixed, from, to, nodes);
    }

    /** The nodes the window decides about (a copy). */
    @Override
    public BitSet nodes() {
        return (BitSet) nodes.clone();
    }

    /** Whether the window decides about node i (in its stages). */
    public boolean decidesNode(int i) {
        return nodes.get(i);
    }

    /** Whether stage t's R, MIn and MOut about node i are free. */
    public boolean decides(int t, int i) {
        return t >= from && t < to && nodes.get(i);
    }
}

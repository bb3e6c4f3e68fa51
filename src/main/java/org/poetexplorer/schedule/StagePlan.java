package org.poetexplorer.schedule;

import java.util.Arrays;
import java.util.BitSet;

/**
 * A schedule as the decisions of the stage formulation (poet-model.md section 4), for stage t
 * and node i: computed (R), in RAM at the start of the stage (SRam), on storage at the start of
 * the stage (SSd), paged in (MIn), paged out (MOut). Frees are implied by these. Immutable.
 *
 * <p>Read a stage through what it does: {@link #computed}, {@link #pageOuts}, {@link #pageIns},
 * {@link #kept}, {@link #stored}, each in increasing node order; or one decision at a time
 * ({@link #r}, {@link #sRam}, ...). Write plans with a {@link Builder}. Inside, each stage holds
 * only the nodes it names, so a plan takes memory in proportion to what it decides, not to the
 * square of the graph.
 *
 * <p>Every plan respects the frontier of constraint (1): a stage computes, pages in or pages out
 * no node after its own, and holds in RAM or on storage only nodes before its own.
 */
public final class StagePlan {
    private static final int[] NONE = new int[0];

    private final int n;
    private final int[][] computed;
    private final int[][] kept;
    private final int[][] stored;
    private final int[][] pageIns;
    private final int[][] pageOuts;

    private StagePlan(int n, int[][] computed, int[][] kept, int[][] stored, int[][] pageIns, int[][] pageOuts) {
        this.n = n;
        this.computed = computed;
        this.kept = kept;
        this.stored = stored;
        this.pageIns = pageIns;
        this.pageOuts = pageOuts;
    }

    /** A plan of {@code n} stages that decides nothing yet. */
    public static Builder builder(int n) {
        return new Builder(n);
    }

    /** A builder that starts from this plan's decisions. */
    public Builder toBuilder() {
        Builder b = new Builder(n);
        for (int t = 0; t < n; t++) {
            b.r[t] = bits(computed[t]);
            b.sRam[t] = bits(kept[t]);
            b.sSd[t] = bits(stored[t]);
            b.mIn[t] = bits(pageIns[t]);
            b.mOut[t] = bits(pageOuts[t]);
        }
        return b;
    }

    /** The number of stages, which is the number of nodes. */
    public int size() {
        return n;
    }

    /** Nodes computed in stage t, increasing: recomputations of earlier nodes, then usually t itself. Do not modify. */
    public int[] computed(int t) {
        return computed[t];
    }

    /** Outputs in RAM at the start of stage t (SRam), increasing. Do not modify. */
    public int[] kept(int t) {
        return kept[t];
    }

    /** Outputs on storage at the start of stage t (SSd), increasing. Do not modify. */
    public int[] stored(int t) {
        return stored[t];
    }

    /** Outputs paged in during stage t (MIn), increasing. Do not modify. */
    public int[] pageIns(int t) {
        return pageIns[t];
    }

    /** Outputs paged out during stage t (MOut), increasing. Do not modify. */
    public int[] pageOuts(int t) {
        return pageOuts[t];
    }

    public boolean r(int t, int i) {
        return has(computed[t], i);
    }

    public boolean sRam(int t, int i) {
        return has(kept[t], i);
    }

    public boolean sSd(int t, int i) {
        return has(stored[t], i);
    }

    public boolean mIn(int t, int i) {
        return has(pageIns[t], i);
    }

    public boolean mOut(int t, int i) {
        return has(pageOuts[t], i);
    }

    /** Whether i's output is kept in RAM into stage t+1 (false after the last stage: SRam[T] is not in the model). */
    public boolean keptAfter(int t, int i) {
        return t + 1 < n && has(kept[t + 1], i);
    }

    private static boolean has(int[] nodes, int i) {
        return Arrays.binarySearch(nodes, i) >= 0;
    }

    private static BitSet bits(int[] nodes) {
        BitSet b = new BitSet();
        for (int i : nodes) {
            b.set(i);
        }
        return b;
    }

    private static int[] nodes(BitSet b) {
        return b.isEmpty() ? NONE : b.stream().toArray();
    }

    /** Decisions under construction; {@link #build} checks the frontier of constraint (1). */
    public static final class Builder {
        private final int n;
        private final BitSet[] r;
        private final BitSet[] sRam;
        private final BitSet[] sSd;
        private final BitSet[] mIn;
        private final BitSet[] mOut;

        private Builder(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("a plan needs at least one stage (was " + n + ")");
            }
            this.n = n;
            r = empty(n);
            sRam = empty(n);
            sSd = empty(n);
            mIn = empty(n);
            mOut = empty(n);
        }

        private static BitSet[] empty(int n) {
            BitSet[] m = new BitSet[n];
            for (int t = 0; t < n; t++) {
                m[t] = new BitSet();
            }
            return m;
        }

        public int size() {
            return n;
        }

        public boolean r(int t, int i) {
            return r[t].get(i);
        }

        public boolean sRam(int t, int i) {
            return sRam[t].get(i);
        }

        public boolean sSd(int t, int i) {
            return sSd[t].get(i);
        }

        public boolean mIn(int t, int i) {
            return mIn[t].get(i);
        }

        public boolean mOut(int t, int i) {
            return mOut[t].get(i);
        }

        public Builder setR(int t, int i, boolean v) {
            r[t].set(i, v);
            return this;
        }

        public Builder setSRam(int t, int i, boolean v) {
            sRam[t].set(i, v);
            return this;
        }

        public Builder setSSd(int t, int i, boolean v) {
            sSd[t].set(i, v);
            return this;
        }

        public Builder setMIn(int t, int i, boolean v) {
            mIn[t].set(i, v);
            return this;
        }

        public Builder setMOut(int t, int i, boolean v) {
            mOut[t].set(i, v);
            return this;
        }

        /** Node t computed in its own stage, for every t. */
        public Builder computeEachOnce() {
            for (int t = 0; t < n; t++) {
                r[t].set(t);
            }
            return this;
        }

        /** Sets SRam[t][i] for every stage t from {@code from} to {@code to} (inclusive) to {@code v}. */
        public Builder keep(int i, int from, int to, boolean v) {
            for (int t = Math.max(0, from); t <= to && t < n; t++) {
                sRam[t].set(i, v);
            }
            return this;
        }

        /** Sets SSd[t][i] for every stage t from {@code from} to {@code to} (inclusive) to {@code v}. */
        public Builder store(int i, int from, int to, boolean v) {
            for (int t = Math.max(0, from); t <= to && t < n; t++) {
                sSd[t].set(i, v);
            }
            return this;
        }

        /** @throws IllegalArgumentException when a decision lies beyond the frontier of constraint (1) */
        public StagePlan build() {
            int[][] computed = new int[n][];
            int[][] kept = new int[n][];
            int[][] stored = new int[n][];
            int[][] pageIns = new int[n][];
            int[][] pageOuts = new int[n][];
            for (int t = 0; t < n; t++) {
                computed[t] = within(nodes(r[t]), t + 1, "R", t);
                kept[t] = within(nodes(sRam[t]), t, "SRam", t);
                stored[t] = within(nodes(sSd[t]), t, "SSd", t);
                pageIns[t] = within(nodes(mIn[t]), t + 1, "MIn", t);
                pageOuts[t] = within(nodes(mOut[t]), t + 1, "MOut", t);
            }
            return new StagePlan(n, computed, kept, stored, pageIns, pageOuts);
        }

        private static int[] within(int[] nodes, int limit, String what, int t) {
            if (nodes.length > 0 && nodes[nodes.length - 1] >= limit) {
                throw new IllegalArgumentException(what + "[" + t + "][" + nodes[nodes.length - 1]
                        + "]: stage " + t + " cannot decide that about node " + nodes[nodes.length - 1]);
            }
            return nodes;
        }
    }
}

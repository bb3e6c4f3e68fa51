package org.poetexplorer.schedule;

import java.util.Arrays;

/**
 * A schedule as the decisions of the stage formulation (docs/model.md section 4), for stage t
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
    // the decisions, in the order of docs/model.md section 4
    private static final int R = 0;
    private static final int S_RAM = 1;
    private static final int S_SD = 2;
    private static final int M_IN = 3;
    private static final int M_OUT = 4;
    private static final String[] NAMES = {"R", "SRam", "SSd", "MIn", "MOut"};

    private final int n;
    /** Per decision and stage: the nodes it names, increasing. */
    private final int[][][] nodes;

    private StagePlan(int n, int[][][] nodes) {
        this.n = n;
        this.nodes = nodes;
    }

    /** A plan of {@code n} stages that decides nothing yet. */
    public static Builder builder(int n) {
        return new Builder(n);
    }

    /** A builder that starts from this plan's decisions. */
    public Builder toBuilder() {
        Builder b = new Builder(n);
        for (int d = 0; d < NAMES.length; d++) {
            for (int t = 0; t < n; t++) {
                b.bits[d][t].setAll(nodes[d][t]);
            }
        }
        return b;
    }

    /** The number of stages, which is the number of nodes. */
    public int size() {
        return n;
    }

    /** Nodes computed in stage t, increasing: recomputations of earlier nodes, then usually t itself. Do not modify. */
    public int[] computed(int t) {
        return nodes[R][t];
    }

    /** Outputs in RAM at the start of stage t (SRam), increasing. Do not modify. */
    public int[] kept(int t) {
        return nodes[S_RAM][t];
    }

    /** Outputs on storage at the start of stage t (SSd), increasing. Do not modify. */
    public int[] stored(int t) {
        return nodes[S_SD][t];
    }

    /** Outputs paged in during stage t (MIn), increasing. Do not modify. */
    public int[] pageIns(int t) {
        return nodes[M_IN][t];
    }

    /** Outputs paged out during stage t (MOut), increasing. Do not modify. */
    public int[] pageOuts(int t) {
        return nodes[M_OUT][t];
    }

    public boolean r(int t, int i) {
        return has(R, t, i);
    }

    public boolean sRam(int t, int i) {
        return has(S_RAM, t, i);
    }

    public boolean sSd(int t, int i) {
        return has(S_SD, t, i);
    }

    public boolean mIn(int t, int i) {
        return has(M_IN, t, i);
    }

    public boolean mOut(int t, int i) {
        return has(M_OUT, t, i);
    }

    /** Whether i's output is kept in RAM into stage t+1 (false after the last stage: SRam[T] is not in the model). */
    public boolean keptAfter(int t, int i) {
        return t + 1 < n && has(S_RAM, t + 1, i);
    }

    private boolean has(int decision, int t, int i) {
        return Arrays.binarySearch(nodes[decision][t], i) >= 0;
    }

    /** Decisions under construction; {@link #build} checks the frontier of constraint (1). */
    public static final class Builder {
        private final int n;
        private final SortedInts[][] bits;

        private Builder(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("a plan needs at least one stage (was " + n + ")");
            }
            this.n = n;
            bits = new SortedInts[NAMES.length][n];
            for (SortedInts[] decision : bits) {
                Arrays.setAll(decision, t -> new SortedInts());
            }
        }

        public int size() {
            return n;
        }

        public boolean r(int t, int i) {
            return bits[R][t].get(i);
        }

        public boolean sRam(int t, int i) {
            return bits[S_RAM][t].get(i);
        }

        public boolean sSd(int t, int i) {
            return bits[S_SD][t].get(i);
        }

        public boolean mIn(int t, int i) {
            return bits[M_IN][t].get(i);
        }

        public boolean mOut(int t, int i) {
            return bits[M_OUT][t].get(i);
        }

        public Builder setR(int t, int i, boolean v) {
            return setOne(R, t, i, v);
        }

        public Builder setSRam(int t, int i, boolean v) {
            return setOne(S_RAM, t, i, v);
        }

        public Builder setSSd(int t, int i, boolean v) {
            return setOne(S_SD, t, i, v);
        }

        public Builder setMIn(int t, int i, boolean v) {
            return setOne(M_IN, t, i, v);
        }

        public Builder setMOut(int t, int i, boolean v) {
            return setOne(M_OUT, t, i, v);
        }

        /** Node t computed in its own stage, for every t. */
        public Builder computeEachOnce() {
            for (int t = 0; t < n; t++) {
                bits[R][t].set(t, true);
            }
            return this;
        }

        /** Sets SRam[t][i] for every stage t from {@code from} to {@code to} (inclusive) to {@code v}. */
        public Builder keep(int i, int from, int to, boolean v) {
            return set(S_RAM, from, i, to, v);
        }

        /** Sets SSd[t][i] for every stage t from {@code from} to {@code to} (inclusive) to {@code v}. */
        public Builder store(int i, int from, int to, boolean v) {
            return set(S_SD, from, i, to, v);
        }

        private Builder setOne(int decision, int t, int i, boolean v) {
            bits[decision][t].set(i, v);
            return this;
        }

        /** Sets {@code decision} for node i in the stages from {@code from} to {@code to} (inclusive, within the plan). */
        private Builder set(int decision, int from, int i, int to, boolean v) {
            for (int t = Math.max(0, from); t <= to && t < n; t++) {
                bits[decision][t].set(i, v);
            }
            return this;
        }

        /** @throws IllegalArgumentException when a decision lies beyond the frontier of constraint (1) */
        public StagePlan build() {
            int[][][] nodes = new int[NAMES.length][n][];
            for (int d = 0; d < NAMES.length; d++) {
                for (int t = 0; t < n; t++) {
                    nodes[d][t] = bits[d][t].isEmpty() ? NONE : bits[d][t].toArray();
                }
            }
            return ofStages(n, nodes);
        }
    }

    /**
     * A plan from its stages as {@link #computed}, {@link #kept}, {@link #stored}, {@link #pageIns}
     * and {@link #pageOuts} list them (each increasing, no repeats; taken over, not copied): for
     * code of this package that writes a whole plan at once.
     *
     * @throws IllegalArgumentException when a decision lies beyond the frontier of constraint (1)
     */
    static StagePlan ofStages(int n, int[][] computed, int[][] kept, int[][] stored, int[][] pageIns,
            int[][] pageOuts) {
        int[][][] nodes = new int[NAMES.length][][];
        nodes[R] = computed;
        nodes[S_RAM] = kept;
        nodes[S_SD] = stored;
        nodes[M_IN] = pageIns;
        nodes[M_OUT] = pageOuts;
        return ofStages(n, nodes);
    }

    private static StagePlan ofStages(int n, int[][][] nodes) {
        for (int d = 0; d < NAMES.length; d++) {
            for (int t = 0; t < n; t++) {
                // R, MIn and MOut may name the stage's own node; SRam and SSd only earlier ones
                int limit = d == S_RAM || d == S_SD ? t : t + 1;
                int[] named = nodes[d][t];
                if (named.length > 0 && named[named.length - 1] >= limit) {
                    throw new IllegalArgumentException(NAMES[d] + "[" + t + "][" + named[named.length - 1]
                            + "]: stage " + t + " cannot decide that about node " + named[named.length - 1]);
                }
            }
        }
        return new StagePlan(n, nodes);
    }

    /**
     * A set of node indices as a sorted array: the nodes one decision names in one stage. Takes
     * memory in proportion to its members, not to the largest index (as a bit set would).
     */
    private static final class SortedInts {
        private int[] items = NONE;
        private int size;

        boolean get(int i) {
            return Arrays.binarySearch(items, 0, size, i) >= 0;
        }

        void set(int i, boolean v) {
            if (v && (size == 0 || items[size - 1] < i)) {
                // appended in increasing order, as plans are mostly written: no search
                if (size == items.length) {
                    items = Arrays.copyOf(items, Math.max(4, size * 2));
                }
                items[size++] = i;
                return;
            }
            int at = Arrays.binarySearch(items, 0, size, i);
            if (v && at < 0) {
                int ins = -at - 1;
                if (size == items.length) {
                    items = Arrays.copyOf(items, Math.max(4, size * 2));
                }
                System.arraycopy(items, ins, items, ins + 1, size - ins);
                items[ins] = i;
                size++;
            } else if (!v && at >= 0) {
                System.arraycopy(items, at + 1, items, at, size - at - 1);
                size--;
            }
        }

        boolean isEmpty() {
            return size == 0;
        }

        /** Replaces the members with {@code sorted} (increasing, no repeats). */
        void setAll(int[] sorted) {
            items = sorted.clone();
            size = sorted.length;
        }

        int[] toArray() {
            return Arrays.copyOf(items, size);
        }
    }
}

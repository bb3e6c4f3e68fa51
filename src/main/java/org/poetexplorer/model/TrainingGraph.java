package org.poetexplorer.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A training graph with its per-node costs on one device, in topological order (every
 * dependency has a smaller index). Immutable; the array views are computed once and must not
 * be modified by callers.
 */
public final class TrainingGraph {
    private final String name;
    private final String deviceId;
    private final List<GraphNode> nodes;
    private final long paramBytes;

    private final int[][] deps;
    private final int[][] succs;
    private final long[] ram;
    private final double[] runtime;
    private final double[] computeJ;
    private final double[] pageInJ;
    private final double[] pageOutJ;
    private final double[] pageInS;
    private final double[] pageOutS;
    private final boolean pagingTimed;
    private final int edgeCount;

    /**
     * The most bytes all outputs of a graph may need together (2^62, about 4.6e18). A schedule
     * holds each output at most once, so its RAM in use never exceeds this total, and any two
     * such amounts (RAM in use and a budget, say) add up without overflowing a long.
     */
    public static final long MAX_TOTAL_RAM_BYTES = 1L << 62;

    /**
     * @throws IllegalArgumentException naming the node and field when the graph is malformed:
     *     empty, wrong indices, duplicate names, repeated, unknown or later dependencies, cycles
     */
    public TrainingGraph(String name, String deviceId, List<GraphNode> nodes, long paramBytes) {
        this.name = name == null || name.isBlank() ? "network" : name;
        this.deviceId = deviceId;
        this.nodes = List.copyOf(nodes);
        this.paramBytes = paramBytes;
        validate(this.nodes);
        int n = this.nodes.size();
        deps = new int[n][];
        ram = new long[n];
        runtime = new double[n];
        computeJ = new double[n];
        pageInJ = new double[n];
        pageOutJ = new double[n];
        pageInS = new double[n];
        pageOutS = new double[n];
        boolean timed = false;
        List<List<Integer>> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            s.add(new ArrayList<>());
        }
        int edges = 0;
        for (int i = 0; i < n; i++) {
            GraphNode node = this.nodes.get(i);
            deps[i] = node.deps().stream().mapToInt(Integer::intValue).sorted().toArray();
            for (int d : deps[i]) {
                s.get(d).add(i);
            }
            edges += deps[i].length;
            ram[i] = node.ramBytes();
            runtime[i] = node.runtimeS();
            computeJ[i] = node.computeJ();
            pageInJ[i] = node.pageInJ();
            pageOutJ[i] = node.pageOutJ();
            pageInS[i] = node.pageInS();
            pageOutS[i] = node.pageOutS();
            timed |= node.costs().pagingTimed();
        }
        pagingTimed = timed;
        validateTotals();
        succs = new int[n][];
        for (int i = 0; i < n; i++) {
            succs[i] = s.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        edgeCount = edges;
    }

    private static void validate(List<GraphNode> nodes) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("nodes: the graph has no nodes");
        }
        Set<String> names = new HashSet<>();
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            GraphNode node = nodes.get(i);
            String where = "nodes[" + i + "]";
            if (node.index() != i) {
                throw new IllegalArgumentException(where + ".index: expected " + i + " (was " + node.index() + ")");
            }
            if (node.name() == null || node.name().isBlank()) {
                throw new IllegalArgumentException(where + ".name: must not be empty");
            }
            if (!names.add(node.name())) {
                throw new IllegalArgumentException(where + ".name: duplicate node name \"" + node.name()
                        + "\" (also nodes[" + byName.get(node.name()) + "])");
            }
            byName.put(node.name(), i);
            Set<Integer> seen = new HashSet<>();
            for (int d : node.deps()) {
                if (d < 0 || d >= nodes.size()) {
                    throw new IllegalArgumentException(where + ".deps: unknown node " + d
                            + " (the graph has nodes 0.." + (nodes.size() - 1) + ")");
                }
                if (d == i) {
                    throw new IllegalArgumentException(where + ".deps: node " + i + " depends on itself (a cycle)");
                }
                if (!seen.add(d)) {
                    throw new IllegalArgumentException(where + ".deps: node " + d + " is listed twice");
                }
            }
        }
        // Dependencies on later nodes: report a cycle if there is one, otherwise the ordering.
        List<Integer> cycle = findCycle(nodes);
        if (!cycle.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (int c : cycle) {
                sb.append(sb.length() == 0 ? "" : " -> ").append(nodes.get(c).name());
            }
            throw new IllegalArgumentException("nodes[" + cycle.get(0) + "].deps: the graph has a cycle: " + sb);
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (int d : nodes.get(i).deps()) {
                if (d > i) {
                    throw new IllegalArgumentException("nodes[" + i + "].deps: depends on later node " + d
                            + " (nodes must be listed in topological order)");
                }
            }
        }
    }

    /**
     * The totals a schedule's figures can reach must be numbers: the outputs' bytes together at
     * most {@link #MAX_TOTAL_RAM_BYTES}; energies and seconds of every node computed, paged out
     * and in once in each of the n stages (more than any schedule does) finite.
     */
    private void validateTotals() {
        int n = ram.length;
        long bytes = 0;
        double joules = 0;
        double seconds = 0;
        int largestRam = 0;
        int largestEnergy = 0;
        int largestTime = 0;
        for (int i = 0; i < n; i++) {
            bytes = ram[i] > MAX_TOTAL_RAM_BYTES - bytes ? MAX_TOTAL_RAM_BYTES + 1 : bytes + ram[i];
            joules += computeJ[i] + pageInJ[i] + pageOutJ[i];
            seconds += runtime[i] + pageInS[i] + pageOutS[i];
            largestRam = ram[i] > ram[largestRam] ? i : largestRam;
            largestEnergy = computeJ[i] + pageInJ[i] + pageOutJ[i] > computeJ[largestEnergy] + pageInJ[largestEnergy]
                    + pageOutJ[largestEnergy] ? i : largestEnergy;
            largestTime = runtime[i] + pageInS[i] + pageOutS[i] > runtime[largestTime] + pageInS[largestTime]
                    + pageOutS[largestTime] ? i : largestTime;
        }
        if (bytes > MAX_TOTAL_RAM_BYTES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "nodes: the outputs need more than %,d "
                    + "bytes together, the most a graph may need (largest: nodes[%d] with %,d bytes)",
                    MAX_TOTAL_RAM_BYTES, largestRam, ram[largestRam]));
        }
        if (!Double.isFinite(joules * n)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "nodes: the energies of a schedule over %d "
                    + "stages would add up past the largest number (largest: nodes[%d] with %s J to compute, %s J to "
                    + "page in, %s J to page out)", n, largestEnergy, computeJ[largestEnergy], pageInJ[largestEnergy],
                    pageOutJ[largestEnergy]));
        }
        if (!Double.isFinite(seconds * n)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "nodes: the times of a schedule over %d "
                    + "stages would add up past the largest number (largest: nodes[%d] with %s s to compute, %s s to "
                    + "page in, %s s to page out)", n, largestTime, runtime[largestTime], pageInS[largestTime],
                    pageOutS[largestTime]));
        }
    }

    private static List<Integer> findCycle(List<GraphNode> nodes) {
        int n = nodes.size();
        int[] state = new int[n];
        int[] parent = new int[n];
        Deque stack = new Deque(n); // empty again after each search: one for all (not n of size n)
        for (int start = 0; start < n; start++) {
            if (state[start] != 0) {
                continue;
            }
            // iterative DFS over "depends on" edges
            stack.push(start, 0);
            state[start] = 1;
            parent[start] = -1;
            while (!stack.isEmpty()) {
                int v = stack.topNode();
                int k = stack.topNext();
                List<Integer> ds = nodes.get(v).deps();
                if (k < ds.size()) {
                    stack.advance();
                    int w = ds.get(k);
                    if (state[w] == 1) {
                        List<Integer> cyc = new ArrayList<>();
                        for (int x = v; x != w && x != -1; x = parent[x]) {
                            cyc.add(x);
                        }
                        cyc.add(w);
                        Collections.reverse(cyc);
                        cyc.add(w);
                        return cyc;
                    }
                    if (state[w] == 0) {
                        state[w] = 1;
                        parent[w] = v;
                        stack.push(w, 0);
                    }
                } else {
                    state[v] = 2;
                    stack.pop();
                }
            }
        }
        return List.of();
    }

    private static final class Deque {
        private final int[] node;
        private final int[] next;
        private int size;

        Deque(int n) {
            node = new int[n + 1];
            next = new int[n + 1];
        }

        void push(int v, int k) {
            node[size] = v;
            next[size] = k;
            size++;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int topNode() {
            return node[size - 1];
        }

        int topNext() {
            return next[size - 1];
        }

        void advance() {
            next[size - 1]++;
        }

        void pop() {
            size--;
        }
    }

    public String name() {
        return name;
    }

    /** The device the costs were computed for, or null when the costs came from a file as given. */
    public String deviceId() {
        return deviceId;
    }

    public List<GraphNode> nodes() {
        return nodes;
    }

    public GraphNode node(int i) {
        return nodes.get(i);
    }

    public int size() {
        return nodes.size();
    }

    public int edgeCount() {
        return edgeCount;
    }

    /** Parameter bytes: reported beside the schedule, not part of the RAM budget. */
    public long paramBytes() {
        return paramBytes;
    }

    /** Sorted dependency indices of node i (shared array: do not modify). */
    public int[] deps(int i) {
        return deps[i];
    }

    /** Sorted indices of the nodes that depend on node i (shared array: do not modify). */
    public int[] succs(int i) {
        return succs[i];
    }

    public long ram(int i) {
        return ram[i];
    }

    public double runtime(int i) {
        return runtime[i];
    }

    public double computeJ(int i) {
        return computeJ[i];
    }

    public double pageInJ(int i) {
        return pageInJ[i];
    }

    public double pageOutJ(int i) {
        return pageOutJ[i];
    }

    /** Seconds to page node i's output in (0 when the graph's costs came without a device). */
    public double pageInS(int i) {
        return pageInS[i];
    }

    /** Seconds to page node i's output out (0 when the graph's costs came without a device). */
    public double pageOutS(int i) {
        return pageOutS[i];
    }

    /** Whether paging durations are known; false when the costs were read from a file without a device. */
    public boolean pagingTimed() {
        return pagingTimed;
    }

    /** Compute time of one plain training step: every node once. */
    public double plainRuntimeS() {
        double s = 0;
        for (double r : runtime) {
            s += r;
        }
        return s;
    }

    /** Energy of one plain training step: every node once, nothing paged. A lower bound on any schedule. */
    public double plainEnergyJ() {
        double s = 0;
        for (double e : computeJ) {
            s += e;
        }
        return s;
    }

    public long largestActivationBytes() {
        long m = 0;
        for (long r : ram) {
            m = Math.max(m, r);
        }
        return m;
    }

    @Override
    public String toString() {
        return "TrainingGraph[" + name + (deviceId == null ? "" : " on " + deviceId) + ", " + size() + " nodes]";
    }
}

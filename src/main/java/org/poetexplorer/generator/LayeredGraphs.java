package org.poetexplorer.generator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random layered graphs after Gagrani et al., "Neural Topological Ordering for Computation
 * Graphs" (NeurIPS 2022), appendix A: the synthetic graphs the rematerialization literature
 * (Moccasin, ICML 2023) benchmarks on. Three steps, then the costs (docs/file-formats.md,
 * "Generated graphs", states each draw):
 * <ol>
 * <li>layers: a single source, about {@code sqrt(m (1/width - 1))} interior layers for the
 * {@code m = n - 2} interior nodes, each of a size drawn uniformly within {@code layerVariance}
 * of the mean size (the last one takes what is left), and a single sink;
 * <li>consecutive layers of sizes p and q are joined by
 * {@code round(p q edgeDensity + (1 - edgeDensity) max(p, q))} edges, spread as evenly as
 * possible over the nodes of the larger layer, each of which reads (or is read by) a run of
 * neighbouring nodes of the smaller layer around its own relative position; every node thus has
 * a reader and (but the source) an input;
 * <li>skip connections: {@code ceil(E skipDensity / (1 - skipDensity))} tries, E the edges of
 * step 2, each from a random node of a random layer to a node near the same relative position
 * two or more layers later (the sink excluded); a try that repeats an edge adds nothing.
 * </ol>
 * {@link Random} with the spec's seed makes every draw, in a fixed order, so a spec always
 * makes the same graph, on any machine and Java version.
 */
public final class LayeredGraphs {
    /** Runtimes are whole units from 1 to this, uniformly. */
    public static final int MAX_DURATION = 1000;
    /** Output sizes are multiples of this many bytes. */
    public static final int OUTPUT_QUANTUM = 10;
    /** Mean and cap of the number of quanta of an output. */
    public static final double MEAN_QUANTA = 200;
    public static final int MAX_QUANTA = 1000;
    /** How far (as a fraction of a layer) a skip connection's end may stray from its start's position. */
    private static final double SKIP_SPREAD = 0.1;

    private LayeredGraphs() {
    }

    public static LayeredGraph generate(LayeredGraphSpec spec) {
        Random random = new Random(spec.seed());
        List<Integer> sizes = layerSizes(spec, random);
        int n = spec.nodes();
        int[] start = new int[sizes.size()];
        int[] layerOf = new int[n];
        for (int l = 0, next = 0; l < sizes.size(); l++) {
            start[l] = next;
            for (int k = 0; k < sizes.get(l); k++) {
                layerOf[next++] = l;
            }
        }
        Edges edges = new Edges();
        for (int l = 0; l + 1 < sizes.size(); l++) {
            joinConsecutive(start[l], sizes.get(l), start[l + 1], sizes.get(l + 1), spec.edgeDensity(), random, edges);
        }
        addSkips(sizes, start, spec.skipDensity(), random, edges);
        int[] durations = new int[n];
        long[] outputs = new long[n];
        for (int v = 0; v < n; v++) {
            durations[v] = v == 0 || v == n - 1 ? 0 : 1 + random.nextInt(MAX_DURATION);
            double quanta = Math.floor(-MEAN_QUANTA * Math.log(1 - random.nextDouble()));
            outputs[v] = OUTPUT_QUANTUM * (long) Math.min(MAX_QUANTA, 1 + quanta);
        }
        return new LayeredGraph(spec, durations, outputs, layerOf, edges.sources(), edges.targets());
    }

    /** Sizes of all layers: 1 (the source), the interior layers, 1 (the sink). */
    private static List<Integer> layerSizes(LayeredGraphSpec spec, Random random) {
        int interior = spec.nodes() - 2;
        int layers = Math.max(1, (int) Math.ceil(Math.sqrt(interior * (1 / spec.width() - 1))));
        double mean = (double) interior / layers;
        int lo = Math.max(1, (int) Math.ceil(mean * (1 - spec.layerVariance())));
        int hi = Math.max(lo, (int) Math.floor(mean * (1 + spec.layerVariance())));
        List<Integer> sizes = new ArrayList<>();
        sizes.add(1);
        for (int left = interior; left > 0; ) {
            int size = Math.min(left, lo + random.nextInt(hi - lo + 1));
            sizes.add(size);
            left -= size;
        }
        sizes.add(1);
        return sizes;
    }

    private static void joinConsecutive(int firstStart, int p, int secondStart, int q, double density, Random random,
            Edges edges) {
        int wide = Math.max(p, q);
        int narrow = Math.min(p, q);
        long wanted = Math.round(p * (double) q * density + (1 - density) * wide);
        int count = (int) Math.max(wide, Math.min((long) p * q, wanted));
        int base = count / wide;
        boolean[] extra = chooseExtra(wide, count % wide, random);
        boolean firstIsWide = p >= q;
        for (int k = 0; k < wide; k++) {
            int reach = base + (extra[k] ? 1 : 0);
            int centre = wide == 1 ? 0 : (int) Math.round(k * (narrow - 1) / (double) (wide - 1));
            int from = Math.max(0, Math.min(narrow - reach, centre - (reach - 1) / 2));
            for (int j = from; j < from + reach; j++) {
                if (firstIsWide) {
                    edges.add(firstStart + k, secondStart + j);
                } else {
                    edges.add(firstStart + j, secondStart + k);
                }
            }
        }
    }

    /** {@code extras} of the {@code size} nodes, chosen at random (a partial shuffle). */
    private static boolean[] chooseExtra(int size, int extras, Random random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        boolean[] chosen = new boolean[size];
        for (int i = 0; i < extras; i++) {
            int j = i + random.nextInt(size - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            chosen[order[i]] = true;
        }
        return chosen;
    }

    private static void addSkips(List<Integer> sizes, int[] start, double density, Random random, Edges edges) {
        int lastUsable = sizes.size() - 2; // the sink's layer is not a skip's end
        if (lastUsable < 2 || density == 0) {
            return;
        }
        long tries = (long) Math.ceil(edges.size() * density / (1 - density));
        for (long t = 0; t < tries; t++) {
            int from = random.nextInt(lastUsable - 1);
            int to = from + 2 + random.nextInt(lastUsable - from - 1);
            double x = random.nextDouble();
            double y = Math.min(Math.max(x + SKIP_SPREAD * (2 * random.nextDouble() - 1), 0), Math.nextDown(1.0));
            edges.add(start[from] + (int) (x * sizes.get(from)), start[to] + (int) (y * sizes.get(to)));
        }
    }

    /** Edges in the order made, each once. */
    private static final class Edges {
        private final List<int[]> list = new ArrayList<>();
        private final Set<Long> seen = new HashSet<>();

        void add(int from, int to) {
            if (seen.add(((long) from << 32) | to)) {
                list.add(new int[] {from, to});
            }
        }

        int size() {
            return list.size();
        }

        int[] sources() {
            return list.stream().mapToInt(e -> e[0]).toArray();
        }

        int[] targets() {
            return list.stream().mapToInt(e -> e[1]).toArray();
        }
    }
}

package org.poetexplorer.generator;

import java.util.Locale;
import org.poetexplorer.model.Quantities;

/**
 * What a random layered graph is made from (see {@link LayeredGraphs} for how): the number of
 * nodes, the width, how much layer sizes vary, the density of the edges between consecutive
 * layers and of the skip connections, and the seed. The same spec always makes the same graph.
 *
 * @param nodes all nodes, the single source and sink included; at least 3
 * @param width in (0, 1): the larger, the fewer and wider the layers
 * @param layerVariance in [0, 1): how far a layer's size may stray from the mean, as a fraction of it
 * @param edgeDensity in [0, 1]: 0 joins consecutive layers by as few edges as keep every node
 *                    connected, 1 joins them completely
 * @param skipDensity in [0, 1): the share of skip connections among all edges aimed at
 * @param seed the random seed
 */
public record LayeredGraphSpec(int nodes, double width, double layerVariance, double edgeDensity,
        double skipDensity, long seed) {

    /** The largest graph the generator makes. */
    public static final int MAX_NODES = 1_000_000;
    /** Layer variance, edge and skip densities of the graphs the rematerialization literature benchmarks on. */
    public static final double DEFAULT_LAYER_VARIANCE = 0.75;
    public static final double DEFAULT_EDGE_DENSITY = 0.2;
    public static final double DEFAULT_SKIP_DENSITY = 0.14;

    /**
     * @throws IllegalArgumentException naming the parameter and its value when it is out of range
     */
    public LayeredGraphSpec {
        if (nodes < 3 || nodes > MAX_NODES) {
            throw new IllegalArgumentException("nodes: must be 3 to " + MAX_NODES + " (was " + nodes + ")");
        }
        if (!(width > 0 && width < 1)) {
            throw new IllegalArgumentException("width: must be between 0 and 1, both excluded (was " + width + ")");
        }
        if (!(layerVariance >= 0 && layerVariance < 1)) {
            throw new IllegalArgumentException("layer variance: must be at least 0 and below 1 (was " + layerVariance + ")");
        }
        if (!(edgeDensity >= 0 && edgeDensity <= 1)) {
            throw new IllegalArgumentException("edge density: must be 0 to 1 (was " + edgeDensity + ")");
        }
        if (!(skipDensity >= 0 && skipDensity < 1)) {
            throw new IllegalArgumentException("skip density: must be at least 0 and below 1 (was " + skipDensity + ")");
        }
    }

    /** A spec with the literature's layer variance and densities. */
    public LayeredGraphSpec(int nodes, double width, long seed) {
        this(nodes, width, DEFAULT_LAYER_VARIANCE, DEFAULT_EDGE_DENSITY, DEFAULT_SKIP_DENSITY, seed);
    }

    /** The graph's name: every parameter, so that two graphs of one name are the same graph. */
    public String name() {
        return String.format(Locale.ROOT, "layered_n%d_w%s_nlv%s_ed%s_scd%s_seed%d", nodes, Quantities.number(width),
                Quantities.number(layerVariance), Quantities.number(edgeDensity), Quantities.number(skipDensity), seed);
    }
}

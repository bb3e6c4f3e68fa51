package org.poetexplorer.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The random layered graphs: reproducible, shaped as asked, connected from the source to the sink. */
class LayeredGraphsTest {

    @Test
    void theSameSpecMakesTheSameGraphAndAnotherSeedAnother() {
        LayeredGraphSpec spec = new LayeredGraphSpec(250, 0.43, 7);
        assertEquals(LayeredGraphs.generate(spec), LayeredGraphs.generate(spec));
        assertNotEquals(LayeredGraphs.generate(spec), LayeredGraphs.generate(new LayeredGraphSpec(250, 0.43, 8)));
    }

    @Test
    void everyNodeLiesOnAPathFromTheSourceToTheSinkAndEdgesRunForward() {
        LayeredGraph g = LayeredGraphs.generate(new LayeredGraphSpec(500, 0.36, 3));
        assertEquals(500, g.size());
        int[] inputs = new int[g.size()];
        int[] readers = new int[g.size()];
        Set<Long> seen = new HashSet<>();
        for (int e = 0; e < g.edgeCount(); e++) {
            int u = g.source(e);
            int v = g.target(e);
            assertTrue(u < v && g.layer(u) < g.layer(v), "edge " + u + " -> " + v + " runs forward");
            assertTrue(seen.add(((long) u << 32) | v), "edge " + u + " -> " + v + " made once");
            inputs[v]++;
            readers[u]++;
        }
        assertEquals(0, inputs[0], "the source reads nothing");
        assertEquals(0, readers[g.size() - 1], "the sink is read by nothing");
        for (int v = 1; v < g.size() - 1; v++) {
            assertTrue(inputs[v] > 0 && readers[v] > 0, "node " + v + " has an input and a reader");
        }
        assertTrue(inputs[g.size() - 1] > 0, "the sink reads the last layer");
    }

    @Test
    void densitiesShapeTheEdges() {
        LayeredGraph chainLike = LayeredGraphs.generate(new LayeredGraphSpec(200, 0.3, 0.75, 0, 0, 5));
        LayeredGraph full = LayeredGraphs.generate(new LayeredGraphSpec(200, 0.3, 0.75, 1, 0, 5));
        int[] sizes = new int[full.layer(full.size() - 1) + 1];
        for (int v = 0; v < full.size(); v++) {
            sizes[full.layer(v)]++;
        }
        int complete = 0;
        int fewest = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            complete += sizes[l] * sizes[l + 1];
            fewest += Math.max(sizes[l], sizes[l + 1]);
        }
        assertEquals(complete, full.edgeCount(), "edge density 1 joins consecutive layers completely");
        assertEquals(fewest, chainLike.edgeCount(), "edge density 0 joins them by as few edges as connect them");
        for (int e = 0; e < full.edgeCount(); e++) {
            assertEquals(full.layer(full.source(e)) + 1, full.layer(full.target(e)), "no skips at skip density 0");
        }
        LayeredGraph skips = LayeredGraphs.generate(new LayeredGraphSpec(200, 0.3, 0.75, 0.2, 0.14, 5));
        long skipEdges = java.util.stream.IntStream.range(0, skips.edgeCount())
                .filter(e -> skips.layer(skips.target(e)) > skips.layer(skips.source(e)) + 1).count();
        double share = (double) skipEdges / skips.edgeCount();
        assertTrue(share > 0.07 && share <= 0.14 + 1e-9, "about 14 % of the edges skip layers: " + share);
    }

    @Test
    void costsAreDrawnWithinTheirRanges() {
        LayeredGraph g = LayeredGraphs.generate(new LayeredGraphSpec(1000, 0.31, 11));
        assertEquals(0, g.duration(0));
        assertEquals(0, g.duration(g.size() - 1));
        for (int v = 1; v < g.size() - 1; v++) {
            assertTrue(g.duration(v) >= 1 && g.duration(v) <= LayeredGraphs.MAX_DURATION, "duration of " + v);
        }
        for (int v = 0; v < g.size(); v++) {
            long b = g.outputBytes(v);
            assertTrue(b >= 10 && b <= 10_000 && b % 10 == 0, "output of " + v + ": " + b);
        }
    }

    @Test
    void parametersOutOfRangeAreRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LayeredGraphSpec(2, 0.3, 1)).getMessage()
                .startsWith("nodes: "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LayeredGraphSpec(10, 1, 1)).getMessage()
                .startsWith("width: "));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new LayeredGraphSpec(10, 0.3, 0.75, 0.2, 1, 1)).getMessage().startsWith("skip density: "));
    }
}

package org.poetexplorer.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.poetexplorer.generator.LayeredGraphSpec;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.Quantities;

/**
 * A benchmark suite: generated graphs, each solved at every budget, all costed on one device
 * (docs/file-formats.md, "Benchmark suite").
 *
 * @param source where the suite came from, for the report
 * @param device the device every graph is costed on
 * @param timeUnitS seconds per runtime unit of the generated graphs
 * @param runtimeRatio the runtime budget of every case, in plain training steps
 * @param graphs the graphs, in the order they are solved
 * @param budgets the budgets each graph is solved at
 */
public record BenchSuite(String source, Device device, double timeUnitS, double runtimeRatio,
        List<LayeredGraphSpec> graphs, List<Budget> budgets) {

    /** RAM as a fraction of the graph's plain peak, and whether paging is allowed (recomputation always is). */
    public record Budget(double ramFraction, boolean paging) {
        public Budget {
            if (!(ramFraction > 0 && ramFraction <= 1)) {
                throw new IllegalArgumentException("ram: must be a fraction of the plain peak, above 0 and at most 1 "
                        + "(was " + ramFraction + ")");
            }
        }

        /** "0.8 remat-only", "0.9 paging". */
        public String label() {
            return Quantities.number(ramFraction) + (paging ? " paging" : " remat-only");
        }
    }

    /** One graph at one budget. */
    public record Case(LayeredGraphSpec graph, Budget budget) {
        /** "n100-w0.27-s1 0.9 remat-only": the generator's parameters that tell a suite's graphs apart. */
        public String id() {
            return String.format(Locale.ROOT, "n%d-w%s-s%d %s", graph.nodes(), Quantities.number(graph.width()),
                    graph.seed(), budget.label());
        }
    }

    public BenchSuite {
        Objects.requireNonNull(device, "device");
        graphs = List.copyOf(graphs);
        budgets = List.copyOf(budgets);
    }

    /** Every graph at every budget, graph by graph. */
    public List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (LayeredGraphSpec g : graphs) {
            for (Budget b : budgets) {
                out.add(new Case(g, b));
            }
        }
        return out;
    }
}

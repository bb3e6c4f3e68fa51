package org.poetexplorer.milp.heuristic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

@EnabledIfSystemProperty(named = "poet.bound", matches = ".+")
class DebugBound {
    @Test
    void time() {
        for (String net : Graphs.NETWORKS) {
            TrainingGraph g = Graphs.reference(net, "m4");
            Budget b = new Budget((long) (0.3 * MinimalRam.plainPeakBytes(g)), 1.05, true, true);
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                double lb = LowerBounds.energyJ(g, b);
                System.out.printf("%s bound %.8g in %.1f ms%n", net, lb, (System.nanoTime() - t0) / 1e6);
            }
        }
    }
}

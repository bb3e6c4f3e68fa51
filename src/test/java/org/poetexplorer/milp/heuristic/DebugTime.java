package org.poetexplorer.milp.heuristic;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

@EnabledIfSystemProperty(named = "poet.time", matches = ".+")
class DebugTime {
    @Test
    void time() {
        String[] a = System.getProperty("poet.time").split(",");
        TrainingGraph g = Graphs.reference(a[0], a[1]);
        long plain = MinimalRam.plainPeakBytes(g);
        Budget b = new Budget((long) (plain * Double.parseDouble(a[2])), Double.parseDouble(a[3]),
                Boolean.parseBoolean(a[4]), Boolean.parseBoolean(a[5]));
        long ms = a.length > 6 ? Long.parseLong(a[6]) : 300;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            HeuristicPlan p = new FastScheduler(Duration.ofMillis(ms)).schedule(g, b).orElseThrow();
            System.out.printf("total %.1f ms E=%.8g bound %.8g%n", (System.nanoTime() - t0) / 1e6, p.energyJ(), LowerBounds.energyJ(g, b));
        }
    }
}

package org.poetexplorer.milp.heuristic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

@EnabledIfSystemProperty(named = "poet.debug", matches = ".+")
class DebugDump {
    @Test
    void dump() {
        String[] a = System.getProperty("poet.debug").split(",");
        TrainingGraph g = Graphs.reference(a[0], a[1]);
        long plain = MinimalRam.plainPeakBytes(g);
        double f = Double.parseDouble(a[2]);
        Budget b = new Budget(f > 1 ? (long) f : (long) (plain * f), Double.parseDouble(a[3]),
                Boolean.parseBoolean(a[4]), Boolean.parseBoolean(a[5]));
        HeuristicPlan p = new FastScheduler().schedule(g, b).orElseThrow();
        System.out.println("budget " + b + " nec " + MinimalRam.necessaryBytes(g) + " E " + p.energyJ() + " plain " + g.plainEnergyJ());
        for (int i = 0; i < g.size(); i++) {
            System.out.printf("%3d %-28s ram=%9d cJ=%.4g pin=%.4g pout=%.4g deps=%s%n", i, g.node(i).name(), g.ram(i),
                    g.computeJ(i), g.pageInJ(i), g.pageOutJ(i), java.util.Arrays.toString(g.deps(i)));
        }
        for (int t = 0; t < g.size(); t++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < t; i++) {
                if (p.plan().r(t, i)) sb.append(" R").append(i);
                if (p.plan().mIn(t, i)) sb.append(" IN").append(i);
                if (p.plan().mOut(t, i)) sb.append(" OUT").append(i);
            }
            long res = 0; StringBuilder k = new StringBuilder();
            for (int i = 0; i < t; i++) if (p.plan().sRam(t, i)) { res += g.ram(i); k.append(' ').append(i); }
            long[] u = Section4Checker.memory(g, p.plan(), t);
            long pk = 0; for (long x : u) pk = Math.max(pk, x);
            System.out.printf("stage %3d peak %9d K[%s ] ops%s%n", t, pk, k, sb);
        }
    }
}

package org.poetexplorer.chart;

import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.Schedule;

/**
 * One bar of the energy chart: a schedule's energy split by kind of operation, or, when there
 * is no schedule, a note saying why ("infeasible", "solving...").
 */
public record EnergyBar(String label, double computeJ, double recomputeJ, double pageInJ, double pageOutJ,
        String note) {

    public static EnergyBar of(String label, Schedule s) {
        double c = 0;
        double r = 0;
        double in = 0;
        double out = 0;
        for (Operation op : s.ops()) {
            switch (op.kind()) {
                case COMPUTE:
                    c += op.energyJ();
                    break;
                case RECOMPUTE:
                    r += op.energyJ();
                    break;
                case PAGE_IN:
                    in += op.energyJ();
                    break;
                case PAGE_OUT:
                    out += op.energyJ();
                    break;
                default:
                    break;
            }
        }
        return new EnergyBar(label, c, r, in, out, null);
    }

    public static EnergyBar missing(String label, String note) {
        return new EnergyBar(label, 0, 0, 0, 0, note);
    }

    public boolean hasEnergy() {
        return note == null;
    }

    public double totalJ() {
        return computeJ + recomputeJ + pageInJ + pageOutJ;
    }
}

package org.poetexplorer.chart;

import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleSummary;

/**
 * One bar of the energy chart: a schedule's energy split by kind of operation, or, when there
 * is no schedule, a note saying why ("infeasible", "solving...").
 */
public record EnergyBar(String label, double computeJ, double recomputeJ, double pageInJ, double pageOutJ,
        String note) {

    public static EnergyBar of(String label, Schedule s) {
        return of(label, ScheduleSummary.of(s));
    }

    /** The bar of a schedule whose summary is {@code sum}. */
    public static EnergyBar of(String label, ScheduleSummary sum) {
        return new EnergyBar(label, sum.computeJ(), sum.recomputeJ(), sum.pageInJ(), sum.pageOutJ(), null);
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

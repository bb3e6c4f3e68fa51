package org.poetexplorer.chart;

/** One finished solve on a trade-off chart: the RAM budget and the value found (NaN when infeasible). */
public record TradeoffPoint(double ramBudgetBytes, double value, boolean current) {

    public boolean feasible() {
        return !Double.isNaN(value);
    }
}

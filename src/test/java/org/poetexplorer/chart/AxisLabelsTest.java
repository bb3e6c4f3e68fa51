package org.poetexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisLabelsTest {
    @Test
    void ticksAreRoundNumbersCoveringTheRange() {
        assertEquals(List.of(0.0, 0.02, 0.04, 0.06, 0.08, 0.1), round(Ticks.linear(0, 0.1, 5)));
        assertEquals(List.of(200.0, 400.0, 600.0), Ticks.linear(150, 650, 3));
    }

    @Test
    void zoomingKeepsTheTimeUnderThePointerInPlace() {
        TimeWindow w = new TimeWindow(0, 10);
        TimeWindow z = w.zoom(4, 2.5);
        assertEquals(2.5, z.toTime(w.toX(2.5, 0, 1000), 0, 1000), 1e-12);
        assertEquals(2.5, z.span(), 1e-12);
        assertEquals(new TimeWindow(1, 11), w.pan(1));
    }

    private static List<Double> round(List<Double> v) {
        return v.stream().map(d -> Math.round(d * 1e9) / 1e9).toList();
    }
}

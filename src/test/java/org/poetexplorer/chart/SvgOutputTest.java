package org.poetexplorer.chart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.svg.SVGGraphics2D;
import org.junit.jupiter.api.Test;
import org.poetexplorer.schedule.Schedule;

/** The same painters that draw on screen write SVG with their labels as text (what exports rely on). */
class SvgOutputTest {
    private static String svg(ChartPainter p) {
        SVGGraphics2D g = new SVGGraphics2D(900, 300);
        p.paint(g, 900, 300);
        return g.getSVGDocument();
    }

    @Test
    void chartsBecomeSvgWithLanesLegendAndAxisAsText() throws Exception {
        Schedule s = ChartFixtures.schedule();
        String timeline = svg(new TimelinePainter(new TimelineData(s), null, 0, -1));
        for (String text : List.of(">compute<", ">recompute<", ">page-out<", ">page-in<", ">stage boundary<", ">0 s<")) {
            assertTrue(timeline.contains(text), "timeline SVG lacks " + text);
        }
        String memory = svg(new MemoryPainter(new MemoryData(s), null, 1000, 5000, -1));
        assertTrue(memory.contains(">peak 700 B<") && memory.contains(">budget 1.00 kB<") && memory.contains(">Parameters<"),
                "memory SVG names peak, budget and parameters");
        String energy = svg(new EnergyBarsPainter(List.of(EnergyBar.of("this schedule", s)), 2.0));
        assertTrue(energy.contains(">this schedule<") && energy.contains(">recompute<"), "energy SVG");
        String tradeoff = svg(new TradeoffPainter(TradeoffPainter.Kind.ENERGY,
                List.of(new TradeoffPoint(1000, 2.3, true), new TradeoffPoint(2000, 2.0, false)), 2.0));
        assertTrue(tradeoff.contains(">Energy vs RAM budget<") && tradeoff.contains(">RAM budget<"), "trade-off SVG");
    }
}

package org.poetexplorer.app.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A chart whose large first drawing is put off to the next pulse is still drawn, once, then. */
class ChartCanvasTest {

    @BeforeAll
    static void startTheToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aDrawingPutOffToTheNextPulseIsMadeThenAndOnlyThen() throws Exception {
        AtomicInteger paints = new AtomicInteger();
        ChartCanvas chart = WaitForAsyncUtils.asyncFx(() -> {
            ChartCanvas c = new ChartCanvas(() -> (g, w, h) -> paints.incrementAndGet());
            c.resize(200, 100);
            c.layout();
            return c;
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        int drawn = paints.get();
        int beforeThePulse = WaitForAsyncUtils.asyncFx(() -> {
            chart.repaintInNextPulse();
            chart.repaint();
            chart.repaintNow();
            return paints.get();
        }).get(5, TimeUnit.SECONDS);
        assertEquals(drawn, beforeThePulse, "asked before the pulse, drawn with it");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> paints.get() == drawn + 1);
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(drawn + 1, paints.get(), "the repaints asked while it waited are that one drawing");
    }
}

package org.poetexplorer.app.view;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Tooltip;
import org.poetexplorer.app.viewmodel.ExplorerViewModel;
import org.poetexplorer.chart.ChartLayout;
import org.poetexplorer.chart.MemoryData;
import org.poetexplorer.chart.OverviewPainter;
import org.poetexplorer.chart.TimeWindow;

/**
 * The whole schedule in a strip above the timeline with the visible stretch marked: a press
 * centres the view there, a drag moves it, keeping the zoom.
 */
public final class OverviewStrip extends ChartCanvas {
    private MemoryData data;

    public OverviewStrip(ExplorerViewModel vm, ObjectProperty<TimeWindow> window) {
        this(vm, window, new OverviewStrip[1]);
    }

    private OverviewStrip(ExplorerViewModel vm, ObjectProperty<TimeWindow> window, OverviewStrip[] self) {
        super(() -> new OverviewPainter(self[0].data, window.get()));
        self[0] = this;
        setId("overview");
        setMinHeight(28);
        setPrefHeight(28);
        setMaxHeight(28);
        Tooltip.install(this, new Tooltip("The whole schedule; the box is what the charts show. Press or drag to move it."));
        vm.solving().shownProperty().addListener((o, a, s) -> {
            data = s == null ? null : s.memory();
            repaint();
        });
        window.addListener((o, a, b) -> repaint());
        javafx.event.EventHandler<javafx.scene.input.MouseEvent> move = e -> {
            TimeWindow w = window.get();
            if (data == null || w == null) {
                return; // the whole schedule shows already
            }
            double t = OverviewPainter.whole(data).toTime(e.getX(), ChartLayout.LEFT, ChartLayout.plotWidth(getWidth()));
            window.set(w.pan(t - (w.startS() + w.endS()) / 2));
        };
        setOnMousePressed(move);
        setOnMouseDragged(move);
    }
}

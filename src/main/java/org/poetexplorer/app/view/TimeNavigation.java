package org.poetexplorer.app.view;

import java.util.function.DoubleSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.scene.input.MouseButton;
import org.poetexplorer.chart.ChartLayout;
import org.poetexplorer.chart.TimeWindow;

/**
 * Zoom and pan of a time axis shared by several charts: the mouse wheel zooms around the
 * pointer, dragging pans, and {@link #fit}, {@link #zoomIn} and {@link #zoomOut} serve the
 * menu and the keyboard.
 */
public final class TimeNavigation {
    private static final double WHEEL_STEP = 1.25;

    private final ObjectProperty<TimeWindow> window;
    private final DoubleSupplier totalS;

    public TimeNavigation(ObjectProperty<TimeWindow> window, DoubleSupplier totalS) {
        this.window = window;
        this.totalS = totalS;
    }

    /** Shows the whole schedule, also when later schedules are longer or shorter. */
    public void fit() {
        window.set(null);
    }

    public void zoomIn() {
        TimeWindow w = current();
        window.set(w.zoom(WHEEL_STEP * WHEEL_STEP, (w.startS() + w.endS()) / 2));
    }

    public void zoomOut() {
        TimeWindow w = current();
        double centre = (w.startS() + w.endS()) / 2;
        window.set(limit(w.zoom(1 / (WHEEL_STEP * WHEEL_STEP), centre), centre));
    }

    private TimeWindow current() {
        TimeWindow w = window.get();
        return w != null ? w : TimeWindow.fit(totalS.getAsDouble());
    }

    /** Zooming out stops at one and a half times the whole schedule, still around {@code anchorS}. */
    private TimeWindow limit(TimeWindow w, double anchorS) {
        double max = TimeWindow.fit(totalS.getAsDouble()).span() * 1.5;
        return w.span() > max ? w.zoom(w.span() / max, anchorS) : w;
    }

    void attach(ChartCanvas chart) {
        double[] pressX = new double[1];
        TimeWindow[] pressWindow = new TimeWindow[1];
        chart.setOnScroll(e -> {
            if (e.getDeltaY() == 0) {
                return;
            }
            TimeWindow w = current();
            double pw = ChartLayout.plotWidth(chart.getWidth());
            double anchor = w.toTime(e.getX(), ChartLayout.LEFT, pw);
            // One step per wheel notch (40 units on most systems); at least one step per event,
            // since some platforms report notches as single units.
            double notches = Math.signum(e.getDeltaY()) * Math.max(1, Math.abs(e.getDeltaY()) / 40.0);
            double factor = Math.pow(WHEEL_STEP, notches);
            window.set(limit(w.zoom(factor, anchor), anchor));
            e.consume();
        });
        chart.setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                pressX[0] = e.getX();
                pressWindow[0] = current();
            }
        });
        chart.setOnMouseDragged(e -> {
            if (pressWindow[0] == null || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            double pw = ChartLayout.plotWidth(chart.getWidth());
            double dt = (e.getX() - pressX[0]) / pw * pressWindow[0].span();
            window.set(pressWindow[0].pan(-dt));
        });
        chart.setOnMouseReleased(e -> pressWindow[0] = null);
    }
}

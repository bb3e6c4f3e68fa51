package org.poetexplorer.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import org.poetexplorer.app.viewmodel.ExplorerViewModel;
import org.poetexplorer.app.viewmodel.LatestJob;
import org.poetexplorer.app.viewmodel.ShownSchedule;
import org.poetexplorer.chart.ChartLayout;
import org.poetexplorer.chart.TimeWindow;
import org.poetexplorer.schedule.RangeFigures;
import org.poetexplorer.schedule.Schedule;

/**
 * Zoom, pan and range selection on a time axis shared by several charts. The mouse wheel zooms
 * around the pointer and dragging pans; Shift+drag, or a drag on the time axis, selects a stretch of time and shows what its
 * operations add up to. On a focused chart, as in trace viewers: W and S zoom in and out around
 * the pointer, A and D pan, Esc clears the selection. {@link #fit}, {@link #zoomIn} and
 * {@link #zoomOut} serve the menu. The keys are taken by the charts only, so sliders and text
 * fields keep theirs.
 */
public final class TimeNavigation {
    private static final double WHEEL_STEP = 1.25;
    /** W and S zoom by this much per press, A and D pan by this part of the visible window. */
    static final double KEY_ZOOM = WHEEL_STEP * WHEEL_STEP;
    static final double KEY_PAN = 0.2;

    private final ObjectProperty<TimeWindow> window;
    private final Supplier<Schedule> schedule;
    private final ObjectProperty<TimeWindow> range = new SimpleObjectProperty<>(this, "range");
    private final ReadOnlyObjectWrapper<RangeFigures> rangeFigures = new ReadOnlyObjectWrapper<>(this, "rangeFigures");
    private final LatestJob<RangeAsk, RangeFigures> figures;
    private final List<Runnable> clearers = new ArrayList<>();
    private Label rangeLabel;
    /** The schedule whose end {@link #totalS} last worked out, and that end. */
    private Schedule totalOf;
    private double total;

    public TimeNavigation(ObjectProperty<TimeWindow> window, Supplier<Schedule> schedule, ExplorerViewModel vm) {
        this.window = window;
        this.schedule = schedule;
        this.figures = vm.latestJob("figures of the selected stretch", this::showFigures);
        range.addListener((o, a, r) -> showFigures());
    }

    /** A stretch of a schedule, told apart by the schedule's identity (comparing its operations costs what the sums do). */
    private record RangeAsk(ScheduleRef schedule, TimeWindow range) {
    }

    private record ScheduleRef(Schedule schedule) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ScheduleRef r && r.schedule == schedule;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(schedule);
        }
    }

    /**
     * Shows the figures of the selected stretch: a large schedule's are summed in the background
     * (a drag asks at every move) and the last ones made stay until they are there.
     */
    private void showFigures() {
        TimeWindow r = range.get();
        Schedule s = schedule.get();
        if (r == null || s == null) {
            rangeFigures.set(null);
            return;
        }
        RangeAsk ask = new RangeAsk(new ScheduleRef(s), r);
        if (s.ops().size() < ShownSchedule.BACKGROUND_FROM_OPS) {
            figures.put(ask, RangeFigures.of(s, r.startS(), r.endS()));
        }
        RangeFigures f = figures.get(ask, () -> RangeFigures.of(s, r.startS(), r.endS()));
        if (f != null) {
            rangeFigures.set(f);
        }
    }

    /** The schedule's end (worked out once per schedule: every zoom step asks for it). */
    private double totalS() {
        Schedule s = schedule.get();
        if (s == null || s.ops().isEmpty()) {
            return 1;
        }
        if (s != totalOf) {
            total = s.endS();
            totalOf = s;
        }
        return total;
    }

    /** Shows the whole schedule, also when later schedules are longer or shorter. */
    public void fit() {
        window.set(null);
    }

    public void zoomIn() {
        TimeWindow w = current();
        zoom(KEY_ZOOM, (w.startS() + w.endS()) / 2);
    }

    public void zoomOut() {
        TimeWindow w = current();
        zoom(1 / KEY_ZOOM, (w.startS() + w.endS()) / 2);
    }

    private void zoom(double factor, double anchorS) {
        window.set(limit(current().zoom(factor, anchorS), anchorS));
    }

    /** Moves the visible window by {@code fraction} of its width (negative: earlier). */
    public void pan(double fraction) {
        TimeWindow w = current();
        window.set(w.pan(fraction * w.span()));
    }

    /** Centres the visible window on the stretch from {@code fromS} to {@code toS} unless it shows already. */
    public void reveal(double fromS, double toS) {
        TimeWindow w = current();
        if (fromS >= w.startS() && toS <= w.endS()) {
            return;
        }
        window.set(w.pan((fromS + toS) / 2 - (w.startS() + w.endS()) / 2));
    }

    /** The selected stretch of time, null for none. */
    public ObjectProperty<TimeWindow> rangeProperty() {
        return range;
    }

    /** What the operations in the selected stretch add up to, null without a selection. */
    public ReadOnlyObjectProperty<RangeFigures> rangeFiguresProperty() {
        return rangeFigures.getReadOnlyProperty();
    }

    /** Esc runs {@code clearer} too (the node selection, the search). */
    public void onClear(Runnable clearer) {
        clearers.add(clearer);
    }

    /** Clears the range selection and whatever else Esc clears. */
    public void clear() {
        range.set(null);
        clearers.forEach(Runnable::run);
    }

    private TimeWindow current() {
        TimeWindow w = window.get();
        return w != null ? w : TimeWindow.fit(totalS());
    }

    /** Zooming out stops at one and a half times the whole schedule, still around {@code anchorS}. */
    private TimeWindow limit(TimeWindow w, double anchorS) {
        double max = TimeWindow.fit(totalS()).span() * 1.5;
        return w.span() > max ? w.zoom(w.span() / max, anchorS) : w;
    }

    void attach(ChartCanvas chart) {
        double[] pressX = new double[1];
        double[] pointerX = {Double.NaN};
        TimeWindow[] pressWindow = new TimeWindow[1];
        boolean[] selecting = new boolean[1];
        chart.setFocusTraversable(true);
        Region shade = new Region();
        shade.setStyle("-fx-background-color: rgba(37, 99, 235, 0.14); -fx-border-color: rgba(37, 99, 235, 0.7);"
                + " -fx-border-width: 0 1 0 1;");
        shade.setMouseTransparent(true);
        shade.setVisible(false);
        chart.addOverlay(shade);
        Label label = null;
        if (rangeLabel == null) {
            label = new Label();
            label.getStyleClass().add("hover-card");
            label.setMouseTransparent(true);
            label.setVisible(false);
            chart.addOverlay(label);
            rangeLabel = label;
        }
        Label figures = label;
        Runnable place = () -> placeRange(chart, shade, figures);
        range.addListener((o, a, b) -> place.run());
        rangeFigures.addListener((o, a, b) -> place.run());
        window.addListener((o, a, b) -> place.run());
        chart.widthProperty().addListener((o, a, b) -> place.run());
        chart.heightProperty().addListener((o, a, b) -> place.run());
        chart.setOnScroll(e -> {
            if (e.getDeltaY() == 0) {
                return;
            }
            // One step per wheel notch (40 units on most systems); at least one step per event,
            // since some platforms report notches as single units.
            double notches = Math.signum(e.getDeltaY()) * Math.max(1, Math.abs(e.getDeltaY()) / 40.0);
            zoom(Math.pow(WHEEL_STEP, notches), timeAt(chart, e.getX()));
            e.consume();
        });
        chart.setOnMousePressed(e -> {
            chart.requestFocus();
            if (e.getButton() == MouseButton.PRIMARY) {
                pressX[0] = e.getX();
                pressWindow[0] = current();
                selecting[0] = e.isShiftDown() || e.getY() > chart.getHeight() - ChartLayout.AXIS_HEIGHT;
            }
        });
        chart.setOnMouseDragged(e -> {
            if (pressWindow[0] == null || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            double pw = ChartLayout.plotWidth(chart.getWidth());
            if (selecting[0]) {
                double a = pressWindow[0].toTime(pressX[0], ChartLayout.LEFT, pw);
                double b = pressWindow[0].toTime(e.getX(), ChartLayout.LEFT, pw);
                if (a != b) {
                    range.set(new TimeWindow(Math.min(a, b), Math.max(a, b)));
                }
                return;
            }
            double dt = (e.getX() - pressX[0]) / pw * pressWindow[0].span();
            window.set(pressWindow[0].pan(-dt));
        });
        chart.setOnMouseReleased(e -> pressWindow[0] = null);
        chart.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> pointerX[0] = e.getX());
        chart.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> pointerX[0] = Double.NaN);
        chart.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            KeyCode code = e.getCode();
            if (code == KeyCode.W || code == KeyCode.S) {
                TimeWindow w = current();
                double anchor = Double.isNaN(pointerX[0]) ? (w.startS() + w.endS()) / 2 : timeAt(chart, pointerX[0]);
                zoom(code == KeyCode.W ? KEY_ZOOM : 1 / KEY_ZOOM, anchor);
            } else if (code == KeyCode.A || code == KeyCode.D) {
                pan(code == KeyCode.A ? -KEY_PAN : KEY_PAN);
            } else if (code == KeyCode.ESCAPE) {
                clear();
            } else {
                return;
            }
            e.consume();
        });
    }

    private double timeAt(ChartCanvas chart, double x) {
        return current().toTime(x, ChartLayout.LEFT, ChartLayout.plotWidth(chart.getWidth()));
    }

    private void placeRange(ChartCanvas chart, Region shade, Label figures) {
        TimeWindow r = range.get();
        if (r == null) {
            shade.setVisible(false);
            if (figures != null) {
                figures.setVisible(false);
            }
            return;
        }
        double pw = ChartLayout.plotWidth(chart.getWidth());
        TimeWindow w = current();
        double x0 = Math.max(ChartLayout.LEFT, w.toX(r.startS(), ChartLayout.LEFT, pw));
        double x1 = Math.min(ChartLayout.LEFT + pw, w.toX(r.endS(), ChartLayout.LEFT, pw));
        double bottom = chart.getHeight() - ChartLayout.AXIS_HEIGHT;
        shade.setVisible(x1 > x0);
        shade.resizeRelocate(x0, ChartLayout.TOP, Math.max(1, x1 - x0), Math.max(1, bottom - ChartLayout.TOP));
        if (figures != null) {
            RangeFigures f = rangeFigures.get();
            figures.setText(f == null ? "" : f.text());
            figures.setVisible(f != null);
            figures.applyCss();
            figures.autosize();
            double lx = Math.min(Math.max(ChartLayout.LEFT, x0), chart.getWidth() - figures.getWidth() - 4);
            figures.relocate(Math.max(0, lx), ChartLayout.TOP + 2);
        }
    }
}

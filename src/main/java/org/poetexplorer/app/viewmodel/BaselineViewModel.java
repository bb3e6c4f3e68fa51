package org.poetexplorer.app.viewmodel;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.poetexplorer.app.tasks.BackgroundTasks;
import org.poetexplorer.chart.MemoryData;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleComparison;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.schedule.SummaryText;
import org.poetexplorer.solver.SolveResult;

/**
 * A schedule pinned as the baseline, and the schedule on screen against it: the change in
 * energy, compute time and peak RAM, the nodes treated differently, and the baseline's schedule
 * for the memory chart to draw over the current curve. Only schedules of the same network on
 * the same device are compared.
 */
public final class BaselineViewModel {
    private final IdentityProperty<SolveResult> baseline = new IdentityProperty<>(this, "baseline");
    private final ReadOnlyObjectWrapper<MemoryData> overlay = new ReadOnlyObjectWrapper<>(this, "overlay");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description");
    private final DerivedValue<ScheduleComparison> comparison;
    private final SolvingViewModel solving;
    private final BooleanBinding canPin;
    /** Made once at pin: the baseline's summary line and RAM curve (a replay each) do not change with the results after it. */
    private String pinnedText;
    private MemoryData pinnedMemory;

    BaselineViewModel(BackgroundTasks tasks, Notices notices, SolvingViewModel solving, int backgroundFromOps) {
        this.solving = solving;
        this.comparison = new DerivedValue<>(tasks, notices, "comparison with the baseline", backgroundFromOps);
        canPin = Bindings.createBooleanBinding(() -> {
            SolveResult r = solving.resultProperty().get();
            return r != null && r.hasSchedule();
        }, solving.resultProperty());
        solving.resultProperty().addListener((o, a, b) -> update());
        update();
    }

    // --- commands ---

    /** Pins the schedule on screen as the baseline. */
    public void pin() {
        if (canPin.get()) {
            SolveResult r = solving.resultProperty().get();
            ShownSchedule shown = solving.shownProperty().get();
            boolean ready = shown != null && shown.result() == r && shown.hasSchedule();
            Schedule b = r.schedule();
            pinnedMemory = ready ? shown.memory() : new MemoryData(b);
            pinnedText = "Baseline: " + b.graph().name() + ", " + SummaryText.budget(b.budget()) + ", "
                    + Quantities.energy((ready ? shown.summary() : ScheduleSummary.of(b)).energyJ());
            baseline.set(r);
            update();
        }
    }

    /** Drops the baseline. */
    public void unpin() {
        baseline.set(null);
        pinnedText = null;
        pinnedMemory = null;
        update();
    }

    private void update() {
        SolveResult base = baseline.get();
        SolveResult now = solving.resultProperty().get();
        if (base == null) {
            overlay.set(null);
            comparison.clear();
            description.set("No baseline. Pin the schedule on screen to see the next ones against it.");
            return;
        }
        Schedule b = base.schedule();
        boolean comparable = now != null && now.hasSchedule() && ScheduleComparison.comparable(b, now.schedule());
        overlay.set(comparable ? pinnedMemory : null);
        String what = pinnedText;
        if (!comparable) {
            comparison.clear();
            description.set(what + (now != null && now.hasSchedule()
                    ? ". The schedule on screen is of another network or device: nothing compared."
                    : ". No schedule on screen to compare."));
            return;
        }
        description.set(what + ".");
        Schedule current = now.schedule();
        comparison.update(Math.max(b.ops().size(), current.ops().size()), () -> ScheduleComparison.of(b, current));
    }

    // --- properties ---

    /** The pinned result, or null. */
    public ReadOnlyObjectProperty<SolveResult> baselineProperty() {
        return baseline;
    }

    /** The schedule on screen against the baseline, or null (no baseline, or not comparable). */
    public ReadOnlyObjectProperty<ScheduleComparison> comparisonProperty() {
        return comparison.property();
    }

    /** The baseline's RAM curve when it can be drawn with the current one (same graph), else null. */
    public ReadOnlyObjectProperty<MemoryData> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    /** One line about the baseline: what it is, or why nothing is compared. */
    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** Whether there is a schedule on screen to pin. */
    public BooleanBinding canPinProperty() {
        return canPin;
    }
}

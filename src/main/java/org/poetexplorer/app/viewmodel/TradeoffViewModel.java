package org.poetexplorer.app.viewmodel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.poetexplorer.app.tasks.BackgroundTasks;
import org.poetexplorer.chart.TradeoffPoint;
import org.poetexplorer.model.Allowance;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;
import org.poetexplorer.solver.Sweep;

/**
 * The trade-off charts' points: each finished solve of the current network, device, runtime
 * budget and switches, and the "Trade-off curve" action, a {@link Sweep} of those inputs run in
 * the background from the least RAM any schedule can use up to the plain schedule's peak.
 * Sweep points arrive as each budget is finished (largest first); the final list replaces them.
 */
public final class TradeoffViewModel {
    /** A finished budget as the charts need it, measured on the sweeping thread (energy NaN, peak -1: no schedule). */
    public record CurvePoint(long ramBudgetBytes, SolveStatus status, double energyJ, long peakRamBytes,
            Sweep.Source source) {

        static CurvePoint of(Sweep.Point p) {
            if (!p.hasSchedule()) {
                return new CurvePoint(p.ramBudgetBytes(), p.result().status(), Double.NaN, -1, p.source());
            }
            ScheduleSummary s = ScheduleSummary.of(p.result().schedule());
            return new CurvePoint(p.ramBudgetBytes(), p.result().status(), s.energyJ(), s.peakRamBytes(), p.source());
        }

        public boolean hasSchedule() {
            return peakRamBytes >= 0;
        }
    }

    public static final int POINTS = 12;
    /** Exact-solve time per budget: the app wants the curve in well under a minute. */
    static final double MAX_SECONDS_PER_POINT = 2;

    private record Curve(List<CurvePoint> points, boolean cancelled) {
    }

    private final BackgroundTasks tasks;
    private final InputsViewModel inputs;
    private final SolvingViewModel solving;
    private final ObservableList<CurvePoint> points = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private String curveKey;
    private long sweeps;
    private Task<Curve> task;

    TradeoffViewModel(BackgroundTasks tasks, InputsViewModel inputs, SolvingViewModel solving) {
        this.tasks = tasks;
        this.inputs = inputs;
        this.solving = solving;
        // A curve of a network no longer shown is not worth the CPU, and its points and words go with it.
        inputs.graphProperty().addListener((o, a, b) -> forget());
    }

    /** Starts a sweep of the current inputs, cancelling one still running. */
    public void start() {
        TrainingGraph g = inputs.graphProperty().get();
        if (g == null) {
            return;
        }
        cancel();
        Allowance base = inputs.allowance();
        long from = Math.max(1, Plans.workingSetFloorBytes(g));
        long to = Math.max(from + POINTS, Plans.plainPeakBytes(g));
        List<Long> budgets = new Sweep.Range(from, to, POINTS).budgets();
        double timeLimit = inputs.timeLimitProperty().get();
        double limit = timeLimit > 0 ? Math.min(MAX_SECONDS_PER_POINT, timeLimit) : MAX_SECONDS_PER_POINT;
        SolveOptions options = new SolveOptions(inputs.solverProperty().get(), limit, inputs.threadsProperty().get());
        String key = key(SolveRecord.keyOf(g), base);
        Sweep sweep = new Sweep(g, base, options);
        long gen = ++sweeps;
        Task<Curve> t = tasks.run("trade-off curve", (report, cancel) -> {
            List<Sweep.Point> all = sweep.run(budgets, (done, total, p) -> {
                report.update(done, total, "budget " + done + " of " + total + " ("
                        + Quantities.bytes(p.ramBudgetBytes()) + ")");
                CurvePoint c = CurvePoint.of(p);
                Platform.runLater(() -> {
                    if (gen == sweeps) {
                        points.add(c);
                    }
                });
            }, cancel);
            return new Curve(all.stream().map(CurvePoint::of).toList(), cancel.isCancelled());
        }, BackgroundTasks.Outcome.of(curve -> {
            if (gen == sweeps) {
                points.setAll(curve.points());
                finish(curve.cancelled() ? "Trade-off curve cancelled"
                        : "Trade-off curve: " + curve.points().size() + " budgets");
            }
        }, error -> {
            if (gen == sweeps) {
                finish("Trade-off curve failed: " + Notice.reason(error));
            }
        }));
        if (t == null) {
            return;
        }
        task = t;
        curveKey = key;
        points.clear();
        progress.bind(t.progressProperty());
        message.bind(t.messageProperty());
        running.set(true);
    }

    /** Stops the running sweep; the budgets already finished stay on the charts. */
    public void cancel() {
        if (task != null) {
            tasks.stop(task);
        }
    }

    /** Stops the sweep and drops its points and its message (what it still reports is ignored). */
    private void forget() {
        cancel();
        sweeps++;
        points.clear();
        curveKey = null;
        finish("");
        progress.set(0);
    }

    private void finish(String text) {
        progress.unbind();
        message.unbind();
        progress.set(1);
        message.set(text);
        running.set(false);
        task = null;
    }

    /**
     * The points of the current curve (same graph, runtime budget and switches): energy (or
     * peak RAM when {@code energy} is false) against the RAM budget, from the finished solves
     * and the sweep; a solve at a budget takes the sweep point's place there.
     */
    public List<TradeoffPoint> points(boolean energy) {
        List<TradeoffPoint> out = new ArrayList<>();
        TrainingGraph g = inputs.graphProperty().get();
        if (g == null) {
            return out;
        }
        String key = SolveRecord.keyOf(g);
        SolveResult r = solving.resultProperty().get();
        long currentBudget = r != null && r.budget() != null ? r.budget().ramBytes() : -1;
        Allowance allowance = inputs.allowance();
        Set<Long> solved = new HashSet<>();
        for (SolveRecord h : solving.history()) {
            if (h.sameCurveAs(key, allowance)) {
                out.add(point(h.ramBudgetBytes(), h.hasSchedule(), h.energyJ(), h.peakRamBytes(), energy,
                        currentBudget));
                solved.add(h.ramBudgetBytes());
            }
        }
        if (key(key, allowance).equals(curveKey)) {
            for (CurvePoint p : points) {
                if (!solved.contains(p.ramBudgetBytes()) && (p.hasSchedule() || p.status() == SolveStatus.INFEASIBLE)) {
                    out.add(point(p.ramBudgetBytes(), p.hasSchedule(), p.energyJ(), p.peakRamBytes(), energy,
                            currentBudget));
                }
            }
        }
        return out;
    }

    private static TradeoffPoint point(long budget, boolean scheduled, double energyJ, long peakBytes, boolean energy,
            long currentBudget) {
        double value = !scheduled ? Double.NaN : energy ? energyJ : peakBytes;
        return new TradeoffPoint(budget, value, budget == currentBudget);
    }

    public ObservableList<CurvePoint> sweepPoints() {
        return points;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    private static String key(String graphKey, Allowance a) {
        return graphKey + "|" + a;
    }
}

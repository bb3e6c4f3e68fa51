package org.poetexplorer.app;

import java.util.List;
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
import org.poetexplorer.model.Allowance;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.CancelToken;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.SolveStatus;
import org.poetexplorer.solver.Sweep;

/**
 * The "Trade-off curve" action: runs a {@link Sweep} of the current network, device, runtime
 * budget and switches in the background, from the least RAM any schedule can use up to the
 * plain schedule's peak, and keeps its points for the trade-off charts. Points arrive as each
 * budget is finished (largest first); the final list replaces them. Only FX-thread access.
 */
final class TradeoffSweep {
    /** A finished budget as the charts need it, measured on the sweeping thread (energy NaN, peak -1: no schedule). */
    record CurvePoint(long ramBudgetBytes, SolveStatus status, double energyJ, long peakRamBytes, Sweep.Source source) {

        static CurvePoint of(Sweep.Point p) {
            if (!p.hasSchedule()) {
                return new CurvePoint(p.ramBudgetBytes(), p.result().status(), Double.NaN, -1, p.source());
            }
            ScheduleSummary s = ScheduleSummary.of(p.result().schedule());
            return new CurvePoint(p.ramBudgetBytes(), p.result().status(), s.energyJ(), s.peakRamBytes(), p.source());
        }

        boolean hasSchedule() {
            return peakRamBytes >= 0;
        }
    }

    static final int POINTS = 12;
    /** Exact-solve time per budget: the app wants the curve in well under a minute. */
    static final double MAX_SECONDS_PER_POINT = 2;

    private final ExplorerViewModel vm;
    private final ObservableList<CurvePoint> points = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private String curveKey;
    private Task<List<CurvePoint>> task;
    private CancelToken cancel;

    TradeoffSweep(ExplorerViewModel vm) {
        this.vm = vm;
        // A curve of a network no longer shown is not worth the CPU.
        vm.graphProperty().addListener((o, a, b) -> cancel());
    }

    /** Starts a sweep of the current inputs, cancelling one still running. */
    void start() {
        TrainingGraph g = vm.graphProperty().get();
        if (g == null) {
            return;
        }
        cancel();
        Allowance base = new Allowance(vm.runtimeRatioProperty().get(), vm.pagingProperty().get(), vm.rematProperty().get());
        long from = Math.max(1, Plans.workingSetFloorBytes(g));
        long to = Math.max(from + POINTS, Plans.plainPeakBytes(g));
        List<Long> budgets = new Sweep.Range(from, to, POINTS).budgets();
        double limit = vm.timeLimitProperty().get() > 0 ? Math.min(MAX_SECONDS_PER_POINT, vm.timeLimitProperty().get())
                : MAX_SECONDS_PER_POINT;
        SolveOptions options = new SolveOptions(vm.solverProperty().get(), limit, vm.threadsProperty().get());
        String key = key(ExplorerViewModel.graphKey(g), base.runtimeRatio(), base.paging(), base.remat());
        CancelToken token = new CancelToken();
        Sweep sweep = new Sweep(g, base, options);
        Task<List<CurvePoint>> t = new Task<>() {
            @Override
            protected List<CurvePoint> call() {
                List<Sweep.Point> all = sweep.run(budgets, (done, total, p) -> {
                    updateProgress(done, total);
                    updateMessage("budget " + done + " of " + total + " (" + Quantities.bytes(p.ramBudgetBytes())
                            + ")");
                    CurvePoint c = CurvePoint.of(p);
                    Platform.runLater(() -> {
                        if (task == this) {
                            points.add(c);
                        }
                    });
                }, token);
                return all.stream().map(CurvePoint::of).toList();
            }
        };
        t.setOnSucceeded(e -> {
            if (task == t) {
                points.setAll(t.getValue());
                finish(token.isCancelled() ? "Trade-off curve cancelled" : "Trade-off curve: " + t.getValue().size()
                        + " budgets");
            }
        });
        t.setOnFailed(e -> {
            if (task == t) {
                finish("Trade-off curve failed: " + Notice.reason(t.getException()));
            }
        });
        task = t;
        cancel = token;
        curveKey = key;
        points.clear();
        progress.bind(t.progressProperty());
        message.bind(t.messageProperty());
        running.set(true);
        Thread worker = new Thread(t, "tradeoff-sweep");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops the running sweep; the budgets already finished stay on the charts. */
    void cancel() {
        if (cancel != null) {
            cancel.cancel();
        }
    }

    private void finish(String text) {
        progress.unbind();
        message.unbind();
        progress.set(1);
        message.set(text);
        running.set(false);
    }

    /** The sweep's points when they belong to the given curve, else none. */
    List<CurvePoint> pointsFor(String graphKey, double ratio, boolean paging, boolean remat) {
        return key(graphKey, ratio, paging, remat).equals(curveKey) ? points : List.of();
    }

    ObservableList<CurvePoint> points() {
        return points;
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    private static String key(String graphKey, double ratio, boolean paging, boolean remat) {
        return graphKey + "|" + ratio + "|" + paging + "|" + remat;
    }
}

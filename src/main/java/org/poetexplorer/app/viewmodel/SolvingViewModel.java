package org.poetexplorer.app.viewmodel;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.poetexplorer.app.tasks.BackgroundTasks;
import org.poetexplorer.app.tasks.SolveRequest;
import org.poetexplorer.app.tasks.SolveService;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.solver.MinimalRam;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;
import org.poetexplorer.solver.heuristic.FastScheduler;

/**
 * Solving the inputs and what came of it: the schedule on screen, the phase and status line,
 * the history of finished solves (for the trade-off charts), the selected node, and after an
 * infeasible solve the least RAM that could work. Results are applied on the JavaFX thread
 * only if nothing newer was asked for in the meantime. A result reaches the window with what the
 * views draw from it ({@link ShownSchedule}), made off the JavaFX thread for a large schedule.
 */
public final class SolvingViewModel {
    /** What the solver side is doing. */
    public enum Phase {
        LOADING, SOLVING, DONE, FAILED, IDLE
    }

    private final IdentityProperty<SolveResult> result = new IdentityProperty<>(this, "result");
    private final IdentityProperty<ShownSchedule> shown = new IdentityProperty<>(this, "shown");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.LOADING);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Loading...");
    private final ReadOnlyLongWrapper solveStartedNanos = new ReadOnlyLongWrapper(this, "solveStartedNanos");
    private final ReadOnlyObjectWrapper<Long> minimalRamBytes = new ReadOnlyObjectWrapper<>(this, "minimalRamBytes");
    private final ReadOnlyObjectWrapper<Long> workingRamBytes = new ReadOnlyObjectWrapper<>(this, "workingRamBytes");
    private final ObservableList<SolveRecord> history = FXCollections.observableArrayList();
    private final IntegerProperty selectedNode = new SimpleIntegerProperty(this, "selectedNode", -1);

    private final BackgroundTasks tasks;
    private final Notices notices;
    private final ComparisonsViewModel comparisons;
    private final Supplier<SolveRequest> inputs;
    private final SolveService solves;
    private SolveRequest lastRequest;
    private boolean userCancelled;
    private String solvePhase;
    private Double lowerBound;
    /** Counts the results made ready for the window, and the requests: only the latest one is shown. */
    private long presenting;

    /** @param inputs the current inputs as a request (null when they are not usable) */
    SolvingViewModel(BackgroundTasks tasks, Notices notices, ComparisonsViewModel comparisons,
            Supplier<SolveRequest> inputs, Duration coalesce) {
        this.tasks = tasks;
        this.notices = notices;
        this.comparisons = comparisons;
        this.inputs = inputs;
        this.solves = new SolveService(tasks, new MainListener(), coalesce);
    }

    // --- what the inputs ask for ---

    /** A network or device is being loaded. */
    void loading(String what) {
        phase.set(Phase.LOADING);
        status.set(what);
    }

    /** A load failed and changed nothing ({@code nothingLoaded}: there is still no graph). */
    void loadFailed(boolean nothingLoaded) {
        if (nothingLoaded) {
            phase.set(Phase.IDLE);
            status.set("Nothing loaded");
        } else {
            boolean busy = solves.busyProperty().get();
            phase.set(busy ? Phase.SOLVING : Phase.DONE);
            status.set(describe(shown.get(), busy));
        }
    }

    /** Another graph (or device) is about to be shown: what belonged to the old one goes. */
    void newGraph() {
        history.clear();
        selectedNode.set(-1);
        presenting++;
        setShown(null); // the old schedule belongs to another graph
    }

    /** The inputs changed: solve them. */
    void solve(SolveRequest request) {
        if (request.equals(lastRequest) && solves.busyProperty().get()) {
            return;
        }
        lastRequest = request;
        presenting++;
        forget(null);
        phase.set(Phase.SOLVING);
        solveStartedNanos.set(System.nanoTime());
        status.set("Solving...");
        solves.submit(request);
    }

    /** The inputs were restored with a schedule already known for them: show it instead of solving. */
    void show(SolveRequest request, SolveResult saved) {
        solves.abandon();
        lastRequest = request;
        forget(saved.lowerBoundJ());
        phase.set(Phase.LOADING);
        status.set("Drawing the saved schedule...");
        present(saved, ready -> {
            setShown(ready);
            phase.set(Phase.DONE);
            status.set(describe(ready, false));
            record(request, ready);
            comparisons.mainFinished(request, saved);
        });
    }

    /**
     * Makes {@code r} ready for the window, then hands it to {@code then} on the JavaFX thread
     * unless something newer was asked for meanwhile. A large schedule is made ready in the
     * background, a small one at once.
     */
    private void present(SolveResult r, Consumer<ShownSchedule> then) {
        long mine = ++presenting;
        int ops = r.hasSchedule() ? r.schedule().ops().size() : 0;
        if (ops < ShownSchedule.BACKGROUND_FROM_OPS) {
            then.accept(ShownSchedule.of(r));
            return;
        }
        tasks.run("prepare the charts", () -> ShownSchedule.of(r), BackgroundTasks.Outcome.of(ready -> {
            if (mine == presenting) {
                then.accept(ready);
            }
        }, error -> {
            if (mine == presenting) {
                notices.post(Notice.error("Could not draw the schedule", Notice.reason(error)));
            }
        }));
    }

    /** The window shows {@code s} (null: nothing); the views read the prepared data first, then the result. */
    private void setShown(ShownSchedule s) {
        shown.set(s);
        result.set(s == null ? null : s.result());
    }

    /** Forgets what belonged to the previous request. */
    private void forget(Double bound) {
        userCancelled = false;
        comparisons.clear();
        minimalRamBytes.set(null);
        workingRamBytes.set(null);
        solvePhase = null;
        lowerBound = bound;
    }

    // --- commands ---

    /** Stops the running solve; its best schedule so far stays on screen. */
    public void cancelSolve() {
        userCancelled = true;
        comparisons.endUnfinished("cancelled");
        solves.cancel();
        if (!solves.busyProperty().get() && phase.get() == Phase.SOLVING) {
            phase.set(Phase.DONE);
            status.set(describe(shown.get(), false));
        }
    }

    /** Solves again with the same inputs. */
    public void resolve() {
        lastRequest = null;
        SolveRequest request = inputs.get();
        if (request != null) {
            solve(request);
        }
    }

    void shutdown() {
        solves.shutdown();
    }

    private final class MainListener implements SolveService.Listener {
        @Override
        public void started(SolveRequest request) {
            solveStartedNanos.set(System.nanoTime());
        }

        @Override
        public void incumbent(SolveRequest request, SolveResult r) {
            present(r, ready -> {
                setShown(ready);
                status.set(describe(ready, true));
            });
        }

        @Override
        public void progress(SolveRequest request, String phaseName, Double lowerBoundJ) {
            solvePhase = phaseName;
            if (lowerBoundJ != null) {
                lowerBound = lowerBoundJ;
            }
            ShownSchedule s = shown.get();
            status.set(describe(s != null && s.result().budget().equals(request.budget()) ? s : null, true));
        }

        @Override
        public void finished(SolveRequest request, SolveResult r) {
            present(r, ready -> {
                setShown(ready);
                phase.set(Phase.DONE);
                status.set(describe(ready, false));
                if (userCancelled) {
                    comparisons.endUnfinished("cancelled");
                } else {
                    record(request, ready);
                    comparisons.mainFinished(request, r);
                }
                if (r.status() == SolveStatus.INFEASIBLE) {
                    findMinimalRam(request);
                }
            });
        }

        @Override
        public void failed(SolveRequest request, Throwable error) {
            phase.set(Phase.FAILED);
            String text = Notice.reason(error);
            status.set("Solver failed: " + text);
            notices.post(Notice.error("The solver failed", text));
            comparisons.endUnfinished("not run: the solve failed");
        }
    }

    private void record(SolveRequest request, ShownSchedule shownNow) {
        SolveResult r = shownNow.result();
        Budget b = request.budget();
        long peak = -1;
        double energy = Double.NaN;
        if (shownNow.hasSchedule()) {
            peak = shownNow.summary().peakRamBytes();
            energy = shownNow.summary().energyJ();
        } else if (r.status() != SolveStatus.INFEASIBLE) {
            return;
        }
        SolveRecord rec = new SolveRecord(SolveRecord.keyOf(request.graph()), b.ramBytes(), b.allowance(),
                r.status(), energy, peak, r.solveSeconds());
        history.removeIf(h -> h.sameCurveAs(rec.graphKey(), rec.allowance())
                && h.ramBudgetBytes() == rec.ramBudgetBytes());
        history.add(rec);
    }

    /**
     * After an infeasible solve, finds in the background the least RAM not ruled out by the
     * engine's lower bounds and the least RAM its fast scheduler finds a schedule for. When that
     * search fails, the status line stays as it is and a notice says why.
     */
    private void findMinimalRam(SolveRequest request) {
        TrainingGraph g = request.graph();
        Budget b = request.budget();
        tasks.run("least RAM", () -> new long[] {MinimalRam.provenFloorBytes(g, b.allowance()),
            MinimalRam.achievableBytes(g, b.allowance(), new FastScheduler())}, BackgroundTasks.Outcome.of(v -> {
                if (request != lastRequest || solves.busyProperty().get()) {
                    return;
                }
                minimalRamBytes.set(v[0] > b.ramBytes() ? v[0] : null);
                workingRamBytes.set(v[1] > b.ramBytes() ? v[1] : null);
                status.set(describe(shown.get(), false));
            }, error -> {
                if (request == lastRequest) {
                    notices.post(Notice.error("Could not find the least RAM that would work",
                            Notice.reason(error)));
                }
            }));
    }

    /** One line for the status bar: what the solve found, or what it is doing. */
    String describe(ShownSchedule s, boolean stillSolving) {
        return StatusLine.of(s, new StatusLine.Context(stillSolving, !stillSolving && userCancelled, solvePhase,
                lowerBound, minimalRamBytes.get(), workingRamBytes.get()));
    }

    // --- properties ---

    public ReadOnlyObjectProperty<SolveResult> resultProperty() {
        return result;
    }

    /** The result on screen made ready for the views; set just before {@link #resultProperty} changes. */
    public ReadOnlyObjectProperty<ShownSchedule> shownProperty() {
        return shown;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty solveStartedNanosProperty() {
        return solveStartedNanos.getReadOnlyProperty();
    }

    /** After an infeasible solve: no schedule needs less RAM than this (proven), or null while unknown. */
    public ReadOnlyObjectProperty<Long> minimalRamBytesProperty() {
        return minimalRamBytes.getReadOnlyProperty();
    }

    /** After an infeasible solve: a RAM budget known to work with the other budgets, or null. */
    public ReadOnlyObjectProperty<Long> workingRamBytesProperty() {
        return workingRamBytes.getReadOnlyProperty();
    }

    /** True while a solve is asked for or running. */
    public ReadOnlyBooleanProperty solvingProperty() {
        return solves.busyProperty();
    }

    /** Solver calls still running in the background (a cancelled one counts until it returns). */
    public ReadOnlyIntegerProperty runningSolvesProperty() {
        return solves.runningSolvesProperty();
    }

    public ObservableList<SolveRecord> history() {
        return history;
    }

    /** The node selected in the charts and the node table (-1: none); views write it. */
    public IntegerProperty selectedNodeProperty() {
        return selectedNode;
    }
}

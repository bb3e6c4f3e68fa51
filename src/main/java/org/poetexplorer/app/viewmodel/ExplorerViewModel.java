package org.poetexplorer.app.viewmodel;

import java.util.List;
import javafx.util.Duration;
import org.poetexplorer.app.tasks.BackgroundTasks;

/**
 * The explorer's state, by concern: the inputs, solving and its history, the comparison bars,
 * the trade-off curve, the selected node's details, the pinned baseline, the files (sessions,
 * exports, recent files) and the notices. Views bind to their properties and call their
 * commands; none of them touches a control. All background work runs on one
 * {@link BackgroundTasks}, which {@link #shutdown} cancels as a whole.
 */
public final class ExplorerViewModel {
    private final BackgroundTasks tasks = new BackgroundTasks();
    private final Notices notices = new Notices();
    private final RecentFiles recentFiles = new RecentFiles();
    private final ComparisonsViewModel comparisons;
    private final SolvingViewModel solving;
    private final InputsViewModel inputs;
    private final TradeoffViewModel tradeoff;
    private final Sessions sessions;
    private final Exports exports;
    private final NodeDetailsViewModel details;
    private final BaselineViewModel baseline;

    public ExplorerViewModel(AppSettings settings) {
        this(settings, Duration.millis(200));
    }

    /** @param coalesce how long the inputs must rest before a solve starts */
    public ExplorerViewModel(AppSettings settings, Duration coalesce) {
        comparisons = new ComparisonsViewModel(tasks);
        solving = new SolvingViewModel(tasks, notices, comparisons, () -> inputs().request(), coalesce);
        inputs = new InputsViewModel(tasks, notices, recentFiles, solving);
        tradeoff = new TradeoffViewModel(tasks, inputs, solving);
        sessions = new Sessions(tasks, notices, inputs, solving, settings);
        exports = new Exports(tasks, notices, inputs, solving, comparisons, tradeoff);
        details = new NodeDetailsViewModel(tasks, notices, solving, ShownSchedule.BACKGROUND_FROM_OPS);
        baseline = new BaselineViewModel(tasks, notices, solving, ShownSchedule.BACKGROUND_FROM_OPS);
    }

    public InputsViewModel inputs() {
        return inputs;
    }

    public SolvingViewModel solving() {
        return solving;
    }

    public ComparisonsViewModel comparisons() {
        return comparisons;
    }

    public TradeoffViewModel tradeoff() {
        return tradeoff;
    }

    /** The selected node's details: why the schedule treats it as it does. */
    public NodeDetailsViewModel details() {
        return details;
    }

    /** The pinned baseline and the schedule on screen against it. */
    public BaselineViewModel baseline() {
        return baseline;
    }

    public Sessions sessions() {
        return sessions;
    }

    public Exports exports() {
        return exports;
    }

    public RecentFiles recentFiles() {
        return recentFiles;
    }

    public Notices notices() {
        return notices;
    }

    /**
     * A value a view makes in the background for the latest of its asks (a chart's layout for
     * the view a pan or zoom reaches); {@code ready} repaints, a failure becomes a notice.
     */
    public <K, V> LatestJob<K, V> latestJob(String name, Runnable ready) {
        return new LatestJob<>(tasks, name, ready, error -> notices.post(Notice.error("Could not work out the " + name,
                Notice.reason(error))));
    }

    /** Background jobs not yet finished, by name. */
    public List<String> runningJobs() {
        return tasks.runningJobs();
    }

    /** The window is closing: cancels every solve, comparison, sweep, load, save and export, and starts nothing more. */
    public void shutdown() {
        solving.shutdown();
        comparisons.shutdown();
        tasks.shutdown();
    }
}

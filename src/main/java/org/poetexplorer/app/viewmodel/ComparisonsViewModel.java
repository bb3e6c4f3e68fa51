package org.poetexplorer.app.viewmodel;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.util.Duration;
import org.poetexplorer.app.tasks.BackgroundTasks;
import org.poetexplorer.app.tasks.SolveRequest;
import org.poetexplorer.app.tasks.SolveService;
import org.poetexplorer.chart.EnergyBar;
import org.poetexplorer.model.Budget;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.SolveOptions;
import org.poetexplorer.solver.SolveResult;
import org.poetexplorer.solver.SolveStatus;

/**
 * The energy chart's comparison bars: after a solve with both tricks allowed, the same budgets
 * are solved with rematerialization only, then with paging only. Each bar ends in a final
 * state: a schedule, "infeasible", "no schedule", "failed: why", or why it was not run.
 */
public final class ComparisonsViewModel {
    /**
     * Time limit for the remat-only and paging-only comparison solves: short, since they only
     * put this schedule in context (at the same gap tolerance); each ends FEASIBLE with its gap.
     */
    private static final double COMPARISON_LIMIT_S = 5;

    private final IdentityProperty<Comparison> rematOnly = new IdentityProperty<>(this, "rematOnly");
    private final IdentityProperty<Comparison> pagingOnly = new IdentityProperty<>(this, "pagingOnly");
    private final SolveService solves;
    private SolveRequest main;
    /** Counts what was asked (a main schedule, clearing, stopping): figures of an older ask are dropped. */
    private long asked;

    ComparisonsViewModel(BackgroundTasks tasks) {
        solves = new SolveService(tasks, new SolveService.Listener() {
            @Override
            public void finished(SolveRequest request, SolveResult r) {
                if (!r.hasSchedule() || r.schedule().ops().size() < ShownSchedule.BACKGROUND_FROM_OPS) {
                    ended(request, Comparison.of(r));
                    return;
                }
                long mine = asked;
                tasks.run("comparison figures", () -> Comparison.of(r), BackgroundTasks.Outcome.of(c -> {
                    if (mine == asked) {
                        ended(request, c);
                    }
                }, error -> {
                    if (mine == asked) {
                        ended(request, Comparison.failed(error));
                    }
                }));
            }

            @Override
            public void failed(SolveRequest request, Throwable error) {
                ended(request, Comparison.failed(error));
            }
        }, Duration.ZERO);
    }

    /** Drops the comparisons of an earlier solve (a new one is asked for, or another graph is shown). */
    void clear() {
        asked++;
        solves.abandon();
        main = null;
        rematOnly.set(null);
        pagingOnly.set(null);
    }

    /**
     * The main solve of {@code request} ended with {@code r}: with both tricks allowed, the
     * comparisons start when it has a schedule; without one they cannot do better, and say so.
     */
    void mainFinished(SolveRequest request, SolveResult r) {
        clear();
        if (!bothTricks(request.budget())) {
            return;
        }
        if (r.hasSchedule()) {
            main = request;
            start(true);
        } else {
            Comparison none = Comparison.notRun(r.status() == SolveStatus.INFEASIBLE ? "infeasible" : "no schedule");
            rematOnly.set(none);
            pagingOnly.set(none);
        }
    }

    /** Solving stopped (the user cancelled, or the solve failed): comparisons not finished say {@code why}. */
    void endUnfinished(String why) {
        asked++;
        solves.abandon();
        main = null;
        Comparison cancelled = Comparison.notRun(why);
        if (rematOnly.get() == null) {
            rematOnly.set(cancelled);
        }
        if (pagingOnly.get() == null) {
            pagingOnly.set(cancelled);
        }
    }

    private void start(boolean rematOnlyNext) {
        Budget b = main.budget();
        SolveOptions o = main.options();
        double limit = o.timeLimitSeconds() > 0 ? Math.min(o.timeLimitSeconds(), COMPARISON_LIMIT_S) : COMPARISON_LIMIT_S;
        Budget variant = rematOnlyNext ? b.withPaging(false) : b.withRemat(false);
        solves.submit(new SolveRequest(main.graph(), variant, new SolveOptions(o.solver(), limit, o.threads(),
                o.gapTolerance())));
    }

    private void ended(SolveRequest request, Comparison c) {
        if (!request.budget().paging()) {
            rematOnly.set(c);
            if (main != null) {
                start(false);
            }
        } else {
            pagingOnly.set(c);
        }
    }

    private static boolean bothTricks(Budget b) {
        return b.paging() && b.remat();
    }

    /**
     * The energy chart's bars: this schedule, the plain one and, after a solve with both tricks
     * allowed, the remat-only and paging-only ones ("pending" until they end). {@code plain} is
     * the plain schedule's summary (made with the load, so no replay runs here), or null.
     */
    public List<EnergyBar> bars(ShownSchedule shown, ScheduleSummary plain) {
        SolveResult r = shown == null ? null : shown.result();
        List<EnergyBar> bars = new ArrayList<>();
        bars.add(r != null && shown.hasSchedule() ? EnergyBar.of("this schedule", shown.summary())
                : EnergyBar.missing("this schedule", r == null ? "solving..." : r.status().toString().toLowerCase()));
        if (plain != null) {
            bars.add(EnergyBar.of("plain (no budget)", plain));
        }
        if (r != null && r.budget() != null && bothTricks(r.budget())) {
            bars.add(bar("remat only", rematOnly.get()));
            bars.add(bar("paging only", pagingOnly.get()));
        }
        return bars;
    }

    private static EnergyBar bar(String label, Comparison c) {
        if (c == null) {
            return EnergyBar.missing(label, "pending");
        }
        return c.hasSchedule() ? EnergyBar.of(label, c.summary()) : EnergyBar.missing(label, c.note());
    }

    void shutdown() {
        solves.shutdown();
    }

    public ReadOnlyObjectProperty<Comparison> rematOnlyProperty() {
        return rematOnly;
    }

    public ReadOnlyObjectProperty<Comparison> pagingOnlyProperty() {
        return pagingOnly;
    }
}

package org.poetexplorer.app.viewmodel;

import java.util.List;
import org.poetexplorer.chart.MemoryData;
import org.poetexplorer.chart.TimelineData;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.SolveResult;

/**
 * A solve's result made ready for the window: its schedule's summary (for the status line and
 * the history), the timeline and memory charts' data (the bands per tensor worked out) and the
 * node table's rows. For a large schedule {@link SolvingViewModel} makes it off the JavaFX
 * thread, which then only hands it to the views. Without a schedule, everything but the result
 * is null (the rows: empty).
 */
public record ShownSchedule(SolveResult result, ScheduleSummary summary, TimelineData timeline, MemoryData memory,
        List<NodeRow> rows) {
    /**
     * Schedules with at least this many operations are made ready, and what is worked out from
     * them (node details, comparisons, the memory chart's layout), in the background.
     */
    public static final int BACKGROUND_FROM_OPS = 4000;

    /** Works everything out for {@code r}; any thread. */
    public static ShownSchedule of(SolveResult r) {
        if (!r.hasSchedule()) {
            return new ShownSchedule(r, null, null, null, List.of());
        }
        Schedule s = r.schedule();
        MemoryData memory = new MemoryData(s);
        memory.bands();
        return new ShownSchedule(r, ScheduleSummary.of(s), new TimelineData(s), memory, List.copyOf(NodeRow.of(s)));
    }

    public boolean hasSchedule() {
        return summary != null;
    }
}

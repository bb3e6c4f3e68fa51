package org.poetexplorer.app.viewmodel;

import java.util.BitSet;
import java.util.Locale;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.solver.SolveResult;

/**
 * A search over the node names of the schedule on screen: the nodes whose name contains the
 * query (ignoring case), in the order the schedule first computes them; {@link #next} and
 * {@link #previous} step through them and select the one reached.
 */
public final class NodeSearchViewModel {
    private final SolvingViewModel solving;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyObjectWrapper<BitSet> matches = new ReadOnlyObjectWrapper<>(this, "matches");
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(this, "current", -1);
    private int[] ordered = new int[0];

    public NodeSearchViewModel(SolvingViewModel solving) {
        this.solving = solving;
        query.addListener((o, a, b) -> update());
        solving.resultProperty().addListener((o, a, b) -> update());
    }

    private void update() {
        SolveResult r = solving.resultProperty().get();
        String q = query.get() == null ? "" : query.get().trim().toLowerCase(Locale.ROOT);
        current.set(-1);
        if (q.isEmpty() || r == null || !r.hasSchedule()) {
            ordered = new int[0];
            matches.set(null);
            return;
        }
        Schedule s = r.schedule();
        BitSet found = new BitSet();
        int[] order = new int[s.graph().size()];
        int n = 0;
        for (Operation op : s.ops()) {
            int i = op.node();
            if (!found.get(i) && s.graph().node(i).name().toLowerCase(Locale.ROOT).contains(q)) {
                found.set(i);
                order[n++] = i;
            }
        }
        ordered = java.util.Arrays.copyOf(order, n);
        matches.set(found);
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** The matching nodes, null without a query. */
    public ReadOnlyObjectProperty<BitSet> matchesProperty() {
        return matches.getReadOnlyProperty();
    }

    /** The position of the match reached among {@link #matchCount()}, -1 before the first step. */
    public ReadOnlyIntegerProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public int matchCount() {
        return ordered.length;
    }

    /** Selects the next match (the first after the last), or nothing without matches. */
    public void next() {
        step(1);
    }

    public void previous() {
        step(-1);
    }

    private void step(int by) {
        if (ordered.length == 0) {
            return;
        }
        int c = current.get() < 0 ? (by > 0 ? 0 : ordered.length - 1) : Math.floorMod(current.get() + by, ordered.length);
        current.set(c);
        solving.selectedNodeProperty().set(ordered[c]);
    }

    /** Ends the search. */
    public void clear() {
        query.set("");
    }
}

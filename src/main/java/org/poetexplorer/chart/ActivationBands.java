package org.poetexplorer.chart;

import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.schedule.OpKind;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.Schedule;

/**
 * A schedule's RAM in use told tensor by tensor: each stretch of time an output spends in RAM is a
 * band, in the state it is in then. An output is in RAM from the computation or page-in that
 * brings it there until the FREE that drops it, as the schedule's own RAM figures count it; a
 * page-out starts a new band of the same output in the state {@link State#PAGED_OUT}, because from
 * then on a copy of it is in storage. Bands keep the place in the stack of the arrival they
 * belong to, so a band does not jump when its state changes.
 */
public final class ActivationBands {

    /** What a band's output is doing; each state takes the colour of the operation that starts it. */
    public enum State {
        RESIDENT(OpKind.COMPUTE, "resident"),
        PAGED_OUT(OpKind.PAGE_OUT, "paged out"),
        PAGED_IN(OpKind.PAGE_IN, "paged in"),
        RECOMPUTED(OpKind.RECOMPUTE, "recomputed");

        private final OpKind colourOf;
        private final String label;

        State(OpKind colourOf, String label) {
            this.colourOf = colourOf;
            this.label = label;
        }

        public java.awt.Color colour() {
            return Palette.of(colourOf);
        }

        public String label() {
            return label;
        }
    }

    /**
     * One output in RAM after operations {@code fromOp} to {@code toOp - 1}; {@code stackOrder} is
     * the rank of its arrival in RAM (lower is drawn lower).
     */
    public record Band(int node, long bytes, State state, int fromOp, int toOp, int stackOrder) {
    }

    private final Schedule schedule;
    private final List<Band> bands;

    public ActivationBands(Schedule schedule) {
        this.schedule = schedule;
        List<Operation> ops = schedule.ops();
        int n = schedule.graph().size();
        int[] openFrom = new int[n];
        State[] openState = new State[n];
        int[] openOrder = new int[n];
        boolean[] everInRam = new boolean[n];
        boolean[] pagedOut = new boolean[n];
        List<Band> out = new ArrayList<>();
        int arrivals = 0;
        for (int k = 0; k < ops.size(); k++) {
            Operation op = ops.get(k);
            int i = op.node();
            switch (op.kind()) {
                case COMPUTE, RECOMPUTE, PAGE_IN -> {
                    if (openState[i] == null) {
                        openFrom[i] = k;
                        openOrder[i] = arrivals++;
                        openState[i] = op.kind() == OpKind.PAGE_IN ? State.PAGED_IN
                                : everInRam[i] ? State.RECOMPUTED : State.RESIDENT;
                        everInRam[i] = true;
                        pagedOut[i] = false;
                    }
                }
                case PAGE_OUT -> {
                    if (openState[i] != null && openState[i] != State.PAGED_OUT) {
                        close(out, schedule, i, openState[i], openFrom[i], k, openOrder[i]);
                        openFrom[i] = k;
                        openState[i] = State.PAGED_OUT;
                    }
                    pagedOut[i] = true;
                }
                default -> { // FREE
                    if (openState[i] != null) {
                        close(out, schedule, i, openState[i], openFrom[i], k, openOrder[i]);
                        openState[i] = null;
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (openState[i] != null) {
                close(out, schedule, i, openState[i], openFrom[i], ops.size(), openOrder[i]);
            }
        }
        out.sort(java.util.Comparator.comparingInt(Band::fromOp).thenComparingInt(Band::stackOrder));
        this.bands = List.copyOf(out);
    }

    private static void close(List<Band> out, Schedule s, int node, State state, int from, int to, int order) {
        if (to > from) {
            out.add(new Band(node, s.graph().ram(node), state, from, to, order));
        }
    }

    public Schedule schedule() {
        return schedule;
    }

    /** Every band, by the operation that starts it. */
    public List<Band> bands() {
        return bands;
    }

    /** The bands in RAM right after operation {@code k}, bottom of the stack first. */
    public List<Band> stackAfter(int k) {
        List<Band> stack = new ArrayList<>();
        for (Band b : bands) {
            if (b.fromOp() > k) {
                break;
            }
            if (b.toOp() > k) {
                stack.add(b);
            }
        }
        stack.sort(java.util.Comparator.comparingInt(Band::stackOrder));
        return stack;
    }
}

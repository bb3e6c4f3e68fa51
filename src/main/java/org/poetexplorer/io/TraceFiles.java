package org.poetexplorer.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.poetexplorer.chart.Palette;
import org.poetexplorer.model.GraphNode;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.OpKind;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.SolveStatus;

/**
 * A schedule as a Chrome Trace Event JSON file, for Perfetto (ui.perfetto.dev), chrome://tracing
 * and speedscope. Times are in microseconds, as the format requires, on the schedule's own time
 * axis (docs/schedule-format.md, "Timeline").
 * <ul>
 * <li>One thread per kind of operation (compute, recompute, page-out, page-in), each operation a
 *   complete ("X") event named after its node, with the node, stage, energy and bytes in its
 *   args. Transfers of one stage may still run when the next stage's begin; such an overlapping
 *   transfer goes to a further thread of its kind ("page-in 2"), since the viewers need the
 *   events of one thread to nest.</li>
 * <li>Counters ("C"): the activation bytes in RAM after each operation, at the compute clock
 *   where the RAM budget counts them, and the energy spent so far, at the ends of operations.</li>
 * <li>Flows ("s" to "f"): from each operation of a node's output to the next one (compute,
 *   page-out, page-in, recomputes), so a viewer draws the tensor's path as arrows.</li>
 * </ul>
 * Events are listed by time; the metadata names the process, the threads and their order.
 */
public final class TraceFiles {
    private static final int PID = 1;
    private static final List<OpKind> KINDS = List.of(OpKind.COMPUTE, OpKind.RECOMPUTE, OpKind.PAGE_OUT,
            OpKind.PAGE_IN);
    /** Threads of one kind are numbered from its base: compute 100, 101, ...; recompute 200, ... */
    private static final int TID_STEP = 100;
    public static final String RAM_COUNTER = "RAM in use";
    public static final String ENERGY_COUNTER = "energy so far";
    public static final String FLOW_CATEGORY = "tensor";

    private TraceFiles() {
    }

    /** Writes the trace atomically. */
    public static void write(Path file, Schedule s, String solver, SolveStatus status) throws IOException {
        AtomicFiles.writeString(file, toJson(s, solver, status));
    }

    public static String toJson(Schedule s, String solver, SolveStatus status) {
        TrainingGraph g = s.graph();
        List<Operation> ops = s.ops();
        int[] tids = threads(ops);
        List<Event> events = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            Operation op = ops.get(k);
            if (tids[k] >= 0) {
                events.add(new Event(micros(op.startS()), slice(g, op, k, tids[k])));
            }
        }
        flows(g, ops, tids, events);
        double[] clock = s.computeClockS();
        for (int k = 0; k < ops.size(); k++) {
            ObjectNode c = counter(RAM_COUNTER, clock[k]);
            c.putObject("args").put("bytes", ops.get(k).ramBytesAfter());
            events.add(new Event(micros(clock[k]), c));
        }
        List<Operation> byEnd = new ArrayList<>(ops);
        byEnd.sort(Comparator.comparingDouble(Operation::endS));
        double spent = 0;
        for (Operation op : byEnd) {
            spent += op.energyJ();
            ObjectNode c = counter(ENERGY_COUNTER, op.endS());
            c.putObject("args").put("J", spent);
            events.add(new Event(micros(op.endS()), c));
        }
        events.sort(Comparator.comparingDouble(Event::ts));

        ObjectNode root = Json.object();
        ArrayNode list = root.putArray("traceEvents");
        metadata(list, s, tids);
        for (Event e : events) {
            list.add(e.json());
        }
        double endS = s.endS();
        root.put("displayTimeUnit", endS < 1e-3 ? "ns" : "ms");
        ObjectNode other = root.putObject("otherData");
        ScheduleSummary sum = ScheduleSummary.of(s);
        other.put("network", g.name());
        other.put("device", g.deviceId());
        other.put("solver", solver);
        other.put("status", status.name());
        other.put("ramBudgetBytes", s.budget().ramBytes());
        other.put("runtimeBudgetS", s.budget().runtimeRatio() * g.plainRuntimeS());
        other.put("computeTimeS", sum.runtimeS());
        other.put("energyJ", sum.energyJ());
        other.put("peakRamBytes", sum.peakRamBytes());
        other.put("transfersTakeTime", s.budget().transfersTakeTime());
        other.put("note", "times in microseconds; transfers " + (s.budget().transfersTakeTime()
                ? "take time: in series with compute" : "overlap compute") + " (docs/schedule-format.md, Timeline)");
        return Json.write(root);
    }

    private record Event(double ts, ObjectNode json) {
    }

    private static double micros(double seconds) {
        return seconds * 1e6;
    }

    /**
     * The thread of each drawn operation (-1 for a FREE): its kind's first thread, or a further
     * one of its kind where it would overlap an operation already there.
     */
    private static int[] threads(List<Operation> ops) {
        int[] tids = new int[ops.size()];
        List<List<Double>> rowEnds = new ArrayList<>();
        for (int i = 0; i < KINDS.size(); i++) {
            rowEnds.add(new ArrayList<>());
        }
        for (int k = 0; k < ops.size(); k++) {
            Operation op = ops.get(k);
            int kind = KINDS.indexOf(op.kind());
            if (kind < 0) {
                tids[k] = -1;
                continue;
            }
            List<Double> ends = rowEnds.get(kind);
            int row = 0;
            while (row < ends.size() && ends.get(row) > op.startS()) {
                row++;
            }
            if (row == ends.size()) {
                ends.add(op.endS());
            } else {
                ends.set(row, op.endS());
            }
            tids[k] = tid(kind, row);
        }
        return tids;
    }

    private static int tid(int kind, int row) {
        return (kind + 1) * TID_STEP + row;
    }

    private static ObjectNode slice(TrainingGraph g, Operation op, int index, int tid) {
        GraphNode n = g.node(op.node());
        ObjectNode e = Json.object();
        e.put("name", n.name());
        e.put("cat", op.kind().name().toLowerCase(Locale.ROOT));
        e.put("ph", "X");
        e.put("ts", micros(op.startS()));
        e.put("dur", micros(op.durationS()));
        e.put("pid", PID);
        e.put("tid", tid);
        ObjectNode args = e.putObject("args");
        args.put("kind", op.kind().name());
        args.put("node", op.node());
        args.put("type", n.type());
        args.put("stage", op.stage());
        args.put("operation", index);
        args.put("durationS", op.durationS());
        args.put("energyJ", op.energyJ());
        args.put("outputBytes", g.ram(op.node()));
        args.put("ramBytesAfter", op.ramBytesAfter());
        return e;
    }

    /** One flow from each drawn operation of a node to its next one, bound to both slices. */
    private static void flows(TrainingGraph g, List<Operation> ops, int[] tids, List<Event> events) {
        int[] last = new int[g.size()];
        Arrays.fill(last, -1);
        int id = 0;
        for (int k = 0; k < ops.size(); k++) {
            if (tids[k] < 0) {
                continue;
            }
            Operation op = ops.get(k);
            int before = last[op.node()];
            last[op.node()] = k;
            if (before < 0) {
                continue;
            }
            id++;
            String name = g.node(op.node()).name();
            events.add(new Event(micros(ops.get(before).startS()), flow("s", id, name, ops.get(before).startS(),
                    tids[before])));
            ObjectNode f = flow("f", id, name, op.startS(), tids[k]);
            f.put("bp", "e");
            events.add(new Event(micros(op.startS()), f));
        }
    }

    private static ObjectNode flow(String phase, int id, String name, double timeS, int tid) {
        ObjectNode e = Json.object();
        e.put("name", name);
        e.put("cat", FLOW_CATEGORY);
        e.put("ph", phase);
        e.put("id", id);
        e.put("ts", micros(timeS));
        e.put("pid", PID);
        e.put("tid", tid);
        return e;
    }

    private static ObjectNode counter(String name, double timeS) {
        ObjectNode e = Json.object();
        e.put("name", name);
        e.put("ph", "C");
        e.put("ts", micros(timeS));
        e.put("pid", PID);
        return e;
    }

    /** Names of the process and of every thread used, ordered by kind. */
    private static void metadata(ArrayNode list, Schedule s, int[] tids) {
        TrainingGraph g = s.graph();
        String device = g.deviceId() == null ? "" : " on " + g.deviceId();
        meta(list, "process_name", -1).put("name", g.name() + device + " (POET schedule)");
        TreeSet<Integer> used = new TreeSet<>();
        for (int t : tids) {
            if (t >= 0) {
                used.add(t);
            }
        }
        for (int t : used) {
            int row = t % TID_STEP;
            String label = Palette.label(KINDS.get(t / TID_STEP - 1));
            meta(list, "thread_name", t).put("name", row == 0 ? label : label + " " + (row + 1));
            meta(list, "thread_sort_index", t).put("sort_index", t);
        }
    }

    /** Adds a metadata event and returns its args to fill. */
    private static ObjectNode meta(ArrayNode list, String name, int tid) {
        ObjectNode e = list.addObject();
        e.put("name", name);
        e.put("ph", "M");
        e.put("ts", 0);
        e.put("pid", PID);
        if (tid >= 0) {
            e.put("tid", tid);
        }
        return e.putObject("args");
    }
}

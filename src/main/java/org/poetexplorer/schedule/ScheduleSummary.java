package org.poetexplorer.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.poetexplorer.model.TrainingGraph;

/**
 * The figures users read from a schedule: energy by kind, compute time and total time, the RAM peak (where it occurs and what is in RAM then, largest first) and counts per
 * kind. {@code computeJ} is first computations only; {@code recomputeJ} the recomputations.
 * {@code runtimeS} is the time the runtime budget counts: the computations' runtimes, and the
 * transfers' times too when the budget says transfers take time;
 * {@code totalTimeS} the latest end of any operation: transfers run beside the computations and
 * may end after them (docs/schedule-format.md, "Timeline").
 * Peak figures are -1 for a schedule without operations.
 */
public record ScheduleSummary(
        double energyJ,
        double computeJ,
        double recomputeJ,
        double pageInJ,
        double pageOutJ,
        double runtimeS,
        double totalTimeS,
        long peakRamBytes,
        int peakOpIndex,
        int peakStage,
        List<Integer> inRamAtPeak,
        Counts counts) {

    public ScheduleSummary {
        inRamAtPeak = List.copyOf(inRamAtPeak);
    }

    public record Counts(int compute, int recompute, int pageIn, int pageOut, int free) {
        public int total() {
            return compute + recompute + pageIn + pageOut + free;
        }
    }

    /** The plain schedule's figures, for comparison: every node once, nothing paged. */
    public record Plain(double energyJ, long peakRamBytes, double runtimeS) {
    }

    public static ScheduleSummary of(Schedule s) {
        TrainingGraph g = s.graph();
        boolean transfersTakeTime = s.budget().transfersTakeTime();
        double compute = 0;
        double recompute = 0;
        double pageIn = 0;
        double pageOut = 0;
        double energy = 0;
        double runtime = 0;
        int[] count = new int[OpKind.values().length];
        long peak = -1;
        int peakIndex = -1;
        List<Operation> ops = s.ops();
        for (int x = 0; x < ops.size(); x++) {
            Operation op = ops.get(x);
            energy += op.energyJ();
            count[op.kind().ordinal()]++;
            switch (op.kind()) {
                case COMPUTE:
                    compute += op.energyJ();
                    runtime += g.runtime(op.node());
                    break;
                case RECOMPUTE:
                    recompute += op.energyJ();
                    runtime += g.runtime(op.node());
                    break;
                case PAGE_IN:
                    pageIn += op.energyJ();
                    runtime += transfersTakeTime ? g.pageInS(op.node()) : 0;
                    break;
                case PAGE_OUT:
                    pageOut += op.energyJ();
                    runtime += transfersTakeTime ? g.pageOutS(op.node()) : 0;
                    break;
                default:
                    break;
            }
            if (op.ramBytesAfter() > peak) {
                peak = op.ramBytesAfter();
                peakIndex = x;
            }
        }
        double total = s.endS();
        return new ScheduleSummary(energy, compute, recompute, pageIn, pageOut, runtime, total, peak, peakIndex,
                peakIndex < 0 ? -1 : ops.get(peakIndex).stage(), inRamAfter(g, ops, peakIndex),
                new Counts(count[OpKind.COMPUTE.ordinal()], count[OpKind.RECOMPUTE.ordinal()],
                        count[OpKind.PAGE_IN.ordinal()], count[OpKind.PAGE_OUT.ordinal()],
                        count[OpKind.FREE.ordinal()]));
    }

    /** The figures of the plain plan ({@link Plans#plain}) for this graph. */
    public static Plain plain(TrainingGraph g) {
        return new Plain(g.plainEnergyJ(), Plans.plainPeakBytes(g), g.plainRuntimeS());
    }

    /** Outputs in RAM right after operation {@code opIndex} of {@code s}, largest first (ties by node index). */
    public static List<Integer> inRamAfter(Schedule s, int opIndex) {
        return inRamAfter(s.graph(), s.ops(), Math.min(opIndex, s.ops().size() - 1));
    }

    private static List<Integer> inRamAfter(TrainingGraph g, List<Operation> ops, int upTo) {
        boolean[] in = new boolean[g.size()];
        for (int x = 0; x <= upTo; x++) {
            Operation op = ops.get(x);
            if (op.kind() == OpKind.FREE) {
                in[op.node()] = false;
            } else if (op.kind() != OpKind.PAGE_OUT) {
                in[op.node()] = true;
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                out.add(i);
            }
        }
        out.sort(Comparator.comparingLong((Integer i) -> g.ram(i)).reversed().thenComparing(i -> i));
        return out;
    }
}

package org.poetexplorer.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.poetexplorer.schedule.OpKind;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.Schedule;

/**
 * A schedule indexed for drawing: the operations of each timeline lane sorted by start time
 * (so the visible ones are found by binary search), stage start times, and each node's
 * operations for highlighting.
 */
public final class TimelineData {
    /** The lanes of the timeline, top to bottom. FREE operations take no time and get no lane. */
    public static final List<OpKind> LANES = List.of(OpKind.COMPUTE, OpKind.RECOMPUTE, OpKind.PAGE_OUT, OpKind.PAGE_IN);

    private final Schedule schedule;
    private final int[][] laneOps;
    private final double[][] laneEnds;
    private final double[] stageStarts;
    private final int[] stageNumbers;
    private final double totalS;
    private final int[][] nodeOps;

    public TimelineData(Schedule schedule) {
        this.schedule = schedule;
        List<Operation> ops = schedule.ops();
        List<List<Integer>> lanes = new ArrayList<>();
        for (int i = 0; i < LANES.size(); i++) {
            lanes.add(new ArrayList<>());
        }
        List<Double> starts = new ArrayList<>();
        List<Integer> stages = new ArrayList<>();
        int n = schedule.graph().size();
        List<List<Integer>> byNode = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byNode.add(new ArrayList<>());
        }
        double end = 0;
        int lastStage = Integer.MIN_VALUE;
        for (int k = 0; k < ops.size(); k++) {
            Operation op = ops.get(k);
            int lane = LANES.indexOf(op.kind());
            if (lane >= 0) {
                lanes.get(lane).add(k);
                byNode.get(op.node()).add(k);
            }
            if (op.stage() != lastStage) {
                starts.add(op.startS());
                stages.add(op.stage());
                lastStage = op.stage();
            }
            end = Math.max(end, op.endS());
        }
        laneOps = new int[LANES.size()][];
        laneEnds = new double[LANES.size()][];
        for (int i = 0; i < LANES.size(); i++) {
            List<Integer> l = lanes.get(i);
            l.sort((a, b) -> Double.compare(ops.get(a).startS(), ops.get(b).startS()));
            laneOps[i] = l.stream().mapToInt(Integer::intValue).toArray();
            laneEnds[i] = Arrays.stream(laneOps[i]).mapToDouble(k -> ops.get(k).endS()).toArray();
        }
        stageStarts = starts.stream().mapToDouble(Double::doubleValue).toArray();
        stageNumbers = stages.stream().mapToInt(Integer::intValue).toArray();
        totalS = end;
        nodeOps = new int[n][];
        for (int i = 0; i < n; i++) {
            nodeOps[i] = byNode.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    public Schedule schedule() {
        return schedule;
    }

    public Operation op(int index) {
        return schedule.ops().get(index);
    }

    public double totalS() {
        return totalS;
    }

    public int laneCount() {
        return LANES.size();
    }

    /** Operation indices of a lane, sorted by start time (shared array: do not modify). */
    int[] laneOps(int lane) {
        return laneOps[lane];
    }

    /**
     * Position in {@link #laneOps(int)} of the first operation that ends at or after
     * {@code timeS}. Operations run one after another, so a lane's end times are sorted too.
     */
    int firstEndingFrom(int lane, double timeS) {
        double[] e = laneEnds[lane];
        int lo = 0;
        int hi = e.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (e[mid] < timeS) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    double[] stageStarts() {
        return stageStarts;
    }

    int[] stageNumbers() {
        return stageNumbers;
    }

    /** Indices of the compute, recompute and paging operations of node {@code node}. */
    public int[] opsOfNode(int node) {
        return node >= 0 && node < nodeOps.length ? nodeOps[node] : new int[0];
    }
}

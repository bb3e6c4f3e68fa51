package org.poetexplorer.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.OpKind;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.Schedule;

/**
 * A schedule indexed for drawing: the operations of each timeline lane sorted by start time
 * (so the visible ones are found by binary search), where each stage begins and where its
 * computations end (transfers may run past that), the runtime budget, and each node's
 * operations for highlighting.
 */
public final class TimelineData {
    /** The lanes of the timeline, top to bottom. FREE operations take no time and get no lane. */
    public static final List<OpKind> LANES = List.of(OpKind.COMPUTE, OpKind.RECOMPUTE, OpKind.PAGE_OUT, OpKind.PAGE_IN);

    private final Schedule schedule;
    /** Per lane, the indices of its operations by start time. */
    private final int[][] laneOps;
    /** Per lane, the latest end among the lane's operations up to each position (never decreasing). */
    private final double[][] laneEndsSoFar;
    /** Where each stage with operations begins, and its number. */
    private final double[] stageStarts;
    private final int[] stageNumbers;
    /** Per stage number, where its computations end; NaN for a stage without operations. */
    private final double[] stageComputeEnds;
    private final double computeEndS;
    private final double totalS;
    private final int[][] nodeOps;
    private final int drawnOps;

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
        stageComputeEnds = new double[n];
        Arrays.fill(stageComputeEnds, Double.NaN);
        List<List<Integer>> byNode = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byNode.add(new ArrayList<>());
        }
        double[] clock = schedule.computeClockS();
        int lastStage = Integer.MIN_VALUE;
        int drawn = 0;
        for (int k = 0; k < ops.size(); k++) {
            Operation op = ops.get(k);
            int lane = LANES.indexOf(op.kind());
            if (lane >= 0) {
                lanes.get(lane).add(k);
                byNode.get(op.node()).add(k);
                drawn++;
            }
            if (op.stage() != lastStage) {
                starts.add(k == 0 ? 0 : clock[k - 1]);
                stages.add(op.stage());
                lastStage = op.stage();
            }
            stageComputeEnds[op.stage()] = clock[k];
        }
        laneOps = new int[LANES.size()][];
        laneEndsSoFar = new double[LANES.size()][];
        for (int i = 0; i < LANES.size(); i++) {
            List<Integer> l = lanes.get(i);
            l.sort((a, b) -> Double.compare(ops.get(a).startS(), ops.get(b).startS()));
            laneOps[i] = l.stream().mapToInt(Integer::intValue).toArray();
            double[] e = new double[laneOps[i].length];
            double latest = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < e.length; p++) {
                latest = Math.max(latest, ops.get(laneOps[i][p]).endS());
                e[p] = latest;
            }
            laneEndsSoFar[i] = e;
        }
        stageStarts = starts.stream().mapToDouble(Double::doubleValue).toArray();
        stageNumbers = stages.stream().mapToInt(Integer::intValue).toArray();
        computeEndS = clock.length == 0 ? 0 : clock[clock.length - 1];
        totalS = schedule.endS();
        drawnOps = drawn;
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

    /** The latest end of any operation (a transfer may end after the last computation). */
    public double totalS() {
        return totalS;
    }

    /** Where the computations end: the compute time, which the runtime budget limits. */
    public double computeEndS() {
        return computeEndS;
    }

    /** The runtime budget: its ratio times one plain training step. */
    public double runtimeBudgetS() {
        TrainingGraph g = schedule.graph();
        return schedule.budget().runtimeRatio() * g.plainRuntimeS();
    }

    /** Where the computations of stage {@code stage} end (its transfers may run past this). */
    public double stageComputeEndS(int stage) {
        return stageComputeEnds[stage];
    }

    /** Operations drawn in a lane (FREEs, which take no time, are not). */
    public int drawnOps() {
        return drawnOps;
    }

    public int laneCount() {
        return LANES.size();
    }

    /** Operation indices of a lane, sorted by start time (shared array: do not modify). */
    int[] laneOps(int lane) {
        return laneOps[lane];
    }

    /**
     * Position in {@link #laneOps(int)} from which on operations may reach {@code timeS}: every
     * operation before it ends before {@code timeS}. Found by binary search over the latest end
     * so far, since a stage's transfers may end after the next stage's begin.
     */
    int firstEndingFrom(int lane, double timeS) {
        double[] e = laneEndsSoFar[lane];
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

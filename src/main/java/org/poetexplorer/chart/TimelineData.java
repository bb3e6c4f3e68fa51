package org.poetexplorer.chart;

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
        int n = schedule.graph().size();
        int[] lane = new int[ops.size()];
        int[] perLane = new int[LANES.size()];
        int[] perNode = new int[n];
        int stageCount = 0;
        int lastStage = Integer.MIN_VALUE;
        for (int k = 0; k < ops.size(); k++) {
            Operation op = ops.get(k);
            lane[k] = LANES.indexOf(op.kind());
            if (lane[k] >= 0) {
                perLane[lane[k]]++;
                perNode[op.node()]++;
            }
            if (op.stage() != lastStage) {
                stageCount++;
                lastStage = op.stage();
            }
        }
        laneOps = new int[LANES.size()][];
        for (int i = 0; i < laneOps.length; i++) {
            laneOps[i] = new int[perLane[i]];
        }
        nodeOps = new int[n][];
        for (int i = 0; i < n; i++) {
            nodeOps[i] = new int[perNode[i]];
        }
        stageStarts = new double[stageCount];
        stageNumbers = new int[stageCount];
        stageComputeEnds = new double[n];
        Arrays.fill(stageComputeEnds, Double.NaN);
        Arrays.fill(perLane, 0);
        Arrays.fill(perNode, 0);
        double[] clock = schedule.computeClockS();
        int stage = -1;
        lastStage = Integer.MIN_VALUE;
        for (int k = 0; k < ops.size(); k++) {
            Operation op = ops.get(k);
            if (lane[k] >= 0) {
                laneOps[lane[k]][perLane[lane[k]]++] = k;
                nodeOps[op.node()][perNode[op.node()]++] = k;
            }
            if (op.stage() != lastStage) {
                stage++;
                stageStarts[stage] = k == 0 ? 0 : clock[k - 1];
                stageNumbers[stage] = op.stage();
                lastStage = op.stage();
            }
            stageComputeEnds[op.stage()] = clock[k];
        }
        laneEndsSoFar = new double[LANES.size()][];
        for (int i = 0; i < LANES.size(); i++) {
            sortByStart(laneOps[i], ops);
            double[] e = new double[laneOps[i].length];
            double latest = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < e.length; p++) {
                latest = Math.max(latest, ops.get(laneOps[i][p]).endS());
                e[p] = latest;
            }
            laneEndsSoFar[i] = e;
        }
        computeEndS = clock.length == 0 ? 0 : clock[clock.length - 1];
        totalS = schedule.endS();
        drawnOps = Arrays.stream(perLane).sum();
    }

    /** Sorts operation indices by start time (stable: equal starts keep the schedule's order). */
    private static void sortByStart(int[] idx, List<Operation> ops) {
        Integer[] boxed = Arrays.stream(idx).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> Double.compare(ops.get(a).startS(), ops.get(b).startS()));
        for (int i = 0; i < idx.length; i++) {
            idx[i] = boxed[i];
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

    /** Whether transfers count against the runtime budget and run in series with compute. */
    public boolean transfersTakeTime() {
        return schedule.budget().transfersTakeTime();
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

    /** Position in {@link #stageStarts()} of the first stage that begins at or after {@code timeS}. */
    int firstStageFrom(double timeS) {
        int lo = 0;
        int hi = stageStarts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (stageStarts[mid] < timeS) {
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

package org.poetexplorer.chart;

import java.util.List;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.Schedule;

/** The RAM-in-use curve of a schedule: bytes after each operation, by operation end time. */
public final class MemoryData {
    private final Schedule schedule;
    private final double[] ends;
    private final long[] ram;
    private final int peakOp;

    public MemoryData(Schedule schedule) {
        this.schedule = schedule;
        List<Operation> ops = schedule.ops();
        ends = new double[ops.size()];
        ram = new long[ops.size()];
        int peak = -1;
        for (int k = 0; k < ops.size(); k++) {
            ends[k] = ops.get(k).endS();
            ram[k] = ops.get(k).ramBytesAfter();
            if (peak < 0 || ram[k] > ram[peak]) {
                peak = k;
            }
        }
        peakOp = peak;
    }

    public Schedule schedule() {
        return schedule;
    }

    public int size() {
        return ram.length;
    }

    /** Index of the first operation after which RAM in use is highest, or -1 without operations. */
    public int peakOp() {
        return peakOp;
    }

    public long peakBytes() {
        return peakOp < 0 ? 0 : ram[peakOp];
    }

    public double totalS() {
        return ends.length == 0 ? 0 : ends[ends.length - 1];
    }

    double end(int k) {
        return ends[k];
    }

    long ram(int k) {
        return ram[k];
    }

    /** The last operation that has ended by {@code timeS} (RAM shown there is after it), or -1. */
    public int opAt(double timeS) {
        int lo = 0;
        int hi = ends.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= timeS) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}

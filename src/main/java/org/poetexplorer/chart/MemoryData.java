package org.poetexplorer.chart;

import java.util.List;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.Schedule;

/**
 * The RAM-in-use curve of a schedule: the bytes after each operation, placed at the compute clock
 * after it ({@link Schedule#computeClockS()}), the time axis the timeline draws too.
 */
public final class MemoryData {
    private final Schedule schedule;
    private final double[] times;
    private final long[] ram;
    private final int peakOp;
    private final double totalS;
    private ActivationBands bands;
    /** The whole schedule's column operations for the last plot drawn whole (the overview's, redrawn at every pan). */
    private volatile WholeColumns whole;

    private record WholeColumns(double px, double pw, int[] ops) {
    }

    public MemoryData(Schedule schedule) {
        this.schedule = schedule;
        List<Operation> ops = schedule.ops();
        times = schedule.computeClockS();
        ram = new long[ops.size()];
        int peak = -1;
        for (int k = 0; k < ops.size(); k++) {
            ram[k] = ops.get(k).ramBytesAfter();
            if (peak < 0 || ram[k] > ram[peak]) {
                peak = k;
            }
        }
        peakOp = peak;
        totalS = schedule.endS();
    }

    public Schedule schedule() {
        return schedule;
    }

    /** The same RAM told tensor by tensor, worked out on first use. */
    public ActivationBands bands() {
        if (bands == null) {
            bands = new ActivationBands(schedule);
        }
        return bands;
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

    /** The schedule's end, as the timeline fits it (transfers included). */
    public double totalS() {
        return totalS;
    }

    /** Where the RAM after operation k starts to show. */
    double timeS(int k) {
        return times[k];
    }

    long ram(int k) {
        return ram[k];
    }

    /**
     * Per pixel column of a plot {@code pw} wide at {@code px}, the operation whose RAM the
     * column shows: among the operations whose stretch of time touches the column, the one with
     * the most RAM after it; -1 where none does.
     */
    int[] columnOps(TimeWindow window, double px, double pw) {
        int columns = (int) Math.ceil(pw) + 1;
        int[] shown = new int[columns];
        java.util.Arrays.fill(shown, -1);
        int first = Math.max(0, opAt(window.startS()));
        for (int k = first; k < size(); k++) {
            double from = timeS(k);
            if (from > window.endS()) {
                break;
            }
            double to = k + 1 < size() ? timeS(k + 1) : Math.max(from, window.endS());
            int c0 = clampColumn(window.toX(from, px, pw) - px, columns);
            int c1 = clampColumn(window.toX(to, px, pw) - px, columns);
            for (int c = c0; c <= c1; c++) {
                if (shown[c] < 0 || ram[k] > ram[shown[c]]) {
                    shown[c] = k;
                }
            }
        }
        return shown;
    }

    /**
     * {@link #columnOps} of the whole schedule ({@code TimeWindow.fit(totalS())}), worked out once
     * per plot size; the array is shared, so read it only.
     */
    int[] wholeColumnOps(double px, double pw) {
        WholeColumns w = whole;
        if (w == null || w.px() != px || w.pw() != pw) {
            w = new WholeColumns(px, pw, columnOps(TimeWindow.fit(totalS), px, pw));
            whole = w;
        }
        return w.ops();
    }

    private static int clampColumn(double x, int columns) {
        return (int) Math.max(0, Math.min(columns - 1, Math.floor(x)));
    }

    /** The last operation whose change of RAM has happened by {@code timeS} (RAM shown there is after it), or -1. */
    public int opAt(double timeS) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= timeS) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}

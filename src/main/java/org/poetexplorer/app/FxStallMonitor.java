package org.poetexplorer.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;

/**
 * A developer's view of the JavaFX thread's health, on only when the app is started with
 * {@code -Dpoet.fxStallLog=FILE} ({@code -} for standard error); otherwise it is never created
 * and costs nothing. While on, an {@link AnimationTimer} sees every pulse (it also keeps JavaFX
 * pulsing at the screen's rate, about 60 a second, idle or not) and records the gap since the
 * one before. It writes, as it goes: the JavaFX thread's CPU time in {@code Application.start}
 * before the window is shown and from then to the first pulse (a window on screen, not yet
 * drawn: a stall like any other); every gap over {@value #STALL_MS} ms (or over
 * {@code -Dpoet.fxStallMs=N}, to see the JavaFX thread's CPU in shorter gaps too) with the time it
 * ended and how much of it the JavaFX thread spent on the CPU (little of it: the thread was
 * waiting, for the renderer or for a core other processes held; most of it: work on the
 * JavaFX thread, the stall this is here to find); every {@value #WINDOW_S} s the count, median,
 * 99th percentile and largest gap of that stretch with the JavaFX thread's share of the CPU and
 * the most CPU it spent between two pulses; and when the app closes the same figures over the
 * whole run (every gap is kept for them: 8 bytes each, about 2 MB an hour). The file is a log,
 * replaced at start and written line by line from a thread of its own, so a slow disk never
 * holds up the JavaFX thread.
 */
final class FxStallMonitor extends AnimationTimer {
    /** The system property naming the log file. */
    static final String PROPERTY = "poet.fxStallLog";
    static final long STALL_MS = 50;
    /** The system property setting another threshold for the gaps logged one by one, in ms. */
    static final String THRESHOLD_PROPERTY = "poet.fxStallMs";
    private final long stallMs = Long.getLong(THRESHOLD_PROPERTY, STALL_MS);
    static final long WINDOW_S = 10;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory
            .getThreadMXBean();
    private final PulseGaps window = new PulseGaps();
    private final PulseGaps whole = new PulseGaps();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "poet-fx-stall-log");
        t.setDaemon(true);
        return t;
    });
    private final Appendable out;
    private final Runnable close;
    /** The JavaFX thread's CPU time when the monitor was made, early in {@code Application.start}. */
    private final long madeCpuNanos = fxCpuNanos();
    /** The JavaFX thread's CPU time when the window was shown, or -1 before. */
    private long shownCpuNanos = -1;
    private long startNanos = -1;
    private long lastNanos;
    private long lastCpuNanos;
    private long windowStartNanos;
    private int windowStalls;
    private int stalls;
    /** The JavaFX thread's CPU time between pulses: the most in one gap and the sum, this stretch and the whole run. */
    private long windowBusyMax;
    private long windowBusySum;
    private long busyMax;
    private long busySum;

    private FxStallMonitor(Appendable out, Runnable close) {
        this.out = out;
        this.close = close;
    }

    /**
     * The monitor asked for by {@value #PROPERTY}, started, or null when the property is not set.
     * A file that cannot be opened is said on standard error and the app runs without it.
     */
    static FxStallMonitor startIfAsked() {
        String target = System.getProperty(PROPERTY);
        if (target == null || target.isBlank()) {
            return null;
        }
        FxStallMonitor m;
        if (target.equals("-")) {
            PrintStream err = System.err;
            m = new FxStallMonitor(err, err::flush);
        } else {
            Path file = Path.of(target);
            Writer w;
            try {
                w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                System.err.println("POET Explorer: -D" + PROPERTY + ": cannot write " + file.toAbsolutePath()
                        + " (" + e.getMessage() + "); running without the stall monitor");
                return null;
            }
            m = new FxStallMonitor(w, () -> {
                try {
                    w.close();
                } catch (IOException e) {
                    System.err.println("POET Explorer: -D" + PROPERTY + ": " + e.getMessage());
                }
            });
        }
        m.write("# POET Explorer FX stall monitor, started " + Instant.now() + ": gaps between JavaFX pulses; "
                + "each gap over " + m.stallMs + " ms, then every " + WINDOW_S + " s and at the end the count, "
                + "median, 99th percentile and largest gap (times UTC, +s since the first pulse)");
        m.start();
        return m;
    }

    @Override
    public void handle(long now) {
        if (startNanos < 0) {
            startNanos = now;
            windowStartNanos = now;
            lastNanos = now;
            lastCpuNanos = fxCpuNanos();
            if (lastCpuNanos >= 0 && madeCpuNanos >= 0 && shownCpuNanos >= 0) {
                write(String.format(Locale.ROOT, "start  %s  FX thread on CPU %.1f ms building the window before "
                        + "it was shown, then %.1f ms with the window shown but not yet drawn (until the first pulse)",
                        clock(), (shownCpuNanos - madeCpuNanos) / 1e6, (lastCpuNanos - shownCpuNanos) / 1e6));
            }
            return;
        }
        long gap = now - lastNanos;
        long cpu = fxCpuNanos();
        long busy = cpu - lastCpuNanos;
        lastNanos = now;
        lastCpuNanos = cpu;
        windowBusyMax = Math.max(windowBusyMax, busy);
        windowBusySum += busy;
        busyMax = Math.max(busyMax, busy);
        busySum += busy;
        window.add(gap);
        whole.add(gap);
        if (gap > stallMs * 1_000_000) {
            windowStalls++;
            stalls++;
            write(String.format(Locale.ROOT, "stall  %s %s  gap %.1f ms  FX thread on CPU %s", clock(), since(now),
                    gap / 1e6, cpu < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f ms", busy / 1e6)));
        }
        if (now - windowStartNanos >= WINDOW_S * 1_000_000_000L) {
            write(String.format(Locale.ROOT, "window %s %s  %s  over %d ms: %d  %s", clock(), since(now),
                    window.summary().format(), stallMs, windowStalls, cpu(windowBusySum, windowBusyMax,
                            now - windowStartNanos, cpu)));
            window.clear();
            windowStalls = 0;
            windowBusyMax = 0;
            windowBusySum = 0;
            windowStartNanos = now;
        }
    }

    /** The window has just been shown: from here to the first pulse it is on screen but not drawn. */
    void windowShown() {
        shownCpuNanos = fxCpuNanos();
    }

    /** Stops watching, writes the figures of the whole run and closes the log (waits at most a second). */
    void finish() {
        stop();
        write(String.format(Locale.ROOT, "total  %s %s  %s  over %d ms: %d  %s", clock(), since(lastNanos),
                whole.summary().format(), stallMs, stalls, cpu(busySum, busyMax, lastNanos - startNanos,
                        lastCpuNanos)));
        writer.execute(close);
        writer.shutdown();
        try {
            writer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The JavaFX thread's share of the CPU over {@code spanNanos} and the most it spent between two pulses. */
    private static String cpu(long sum, long max, long spanNanos, long measured) {
        return measured < 0 ? "FX thread CPU unknown" : String.format(Locale.ROOT,
                "FX thread on CPU %.0f %% of the time, at most %.1f ms between two pulses",
                spanNanos <= 0 ? 0 : 100.0 * sum / spanNanos, max / 1e6);
    }

    /** The JavaFX thread's CPU time so far, or -1 where the JVM does not measure it. */
    private static long fxCpuNanos() {
        return CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : -1;
    }

    private String since(long now) {
        return String.format(Locale.ROOT, "+%.3f s", startNanos < 0 ? 0 : (now - startNanos) / 1e9);
    }

    private static String clock() {
        return CLOCK.format(Instant.now());
    }

    private void write(String line) {
        writer.execute(() -> {
            try {
                out.append(line).append(System.lineSeparator());
                if (out instanceof java.io.Flushable f) {
                    f.flush();
                }
            } catch (IOException e) {
                System.err.println("POET Explorer: -D" + PROPERTY + ": " + e.getMessage());
            }
        });
    }
}

package org.poetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.poetexplorer.cli.PoetRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.schedule.Plans;

/**
 * Ctrl-C on a real {@code poet solve} process: the solve ends within a second, the best schedule
 * so far is printed and written, and the exit code is 130. Runs where a POSIX {@code kill} and
 * Linux's {@code /proc} are found (the build machines); elsewhere it is skipped.
 */
class CtrlCTest {
    /**
     * After the signal the process ends within this (a second when idle; the margin is for a
     * loaded build machine, where the exiting JVM alone can take most of a second).
     */
    private static final double EXIT_MARGIN_S = 3.0;

    @Test
    void ctrlCEndsASolveWithinASecondWritingTheBestScheduleSoFar(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")) && Files.isExecutable(Path.of("/bin/kill")),
                "needs /proc and /bin/kill");
        Path network = ReferenceData.copy("vgg16_cifar", "a72", dir);
        long ram = (long) (0.5 * Plans.plainPeakBytes(ReferenceData.graph("vgg16_cifar", "a72")));
        Path schedule = dir.resolve("best.json");
        Path out = dir.resolve("out.txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process solve = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.poetexplorer.Main", "solve", "--network", network.toString(), "--device", "a72",
                "--ram", Long.toString(ram), "--runtime", "1.2", "--time-limit", "120", "--schedule-out",
                schedule.toString())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // the solve is under way once its deadline alarm thread exists; give it a second more
            // to find its first schedule
            long waited = System.nanoTime();
            while (!hasThread(solve.pid(), "poet-deadline")) {
                assertTrue(solve.isAlive(), "the solve ended before it was interrupted");
                assertTrue(System.nanoTime() - waited < 60e9, "the solve did not start within 60 s");
                Thread.sleep(50);
            }
            Thread.sleep(1000);
            long signalled = System.nanoTime();
            new ProcessBuilder("/bin/kill", "-INT", Long.toString(solve.pid())).start().waitFor();
            assertTrue(solve.waitFor(30, TimeUnit.SECONDS), "still running 30 s after Ctrl-C");
            double took = (System.nanoTime() - signalled) / 1e9;
            assertTrue(took <= EXIT_MARGIN_S, String.format(Locale.ROOT, "ended %.2f s after Ctrl-C", took));
            assertEquals(130, solve.exitValue());
        } finally {
            solve.destroyForcibly();
        }
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(printed.contains("FEASIBLE") && printed.contains("cancelled") || printed.contains("OPTIMAL"),
                printed);
        String[] check = run("check", schedule.toString(), "--network", network.toString(), "--device", "a72");
        assertEquals("0", check[0], check[1] + check[2]);
    }

    private static boolean hasThread(long pid, String name) throws IOException {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return false;
        }
        try (Stream<Path> all = Files.list(tasks)) {
            return all.anyMatch(t -> {
                try {
                    return Files.readString(t.resolve("comm")).trim().equals(name);
                } catch (IOException gone) {
                    return false;
                }
            });
        } catch (IOException gone) {
            return false;
        }
    }
}

package org.poetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poetexplorer.cli.PoetRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.catalog.Catalog;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.schedule.Plans;

/** {@code poet sweep} through the command line, on the smallest catalog network. */
class PoetCliSweepTest {
    @TempDir
    Path dir;

    @Test
    void printsARowPerBudgetAndWritesOneCsvRowPerBudget() throws IOException {
        Path csv = dir.resolve("curve.csv");
        String[] r = run("sweep", "--network", "linear", "--device", "m0", "--ram", "2kB:6kB:5", "--runtime", "1.5",
                "--threads", "1", "--time-limit-per-point", "5", "--csv", csv.toString());
        assertEquals("0", r[0], r[2]);
        for (String budget : List.of("2.00 kB", "3.00 kB", "4.00 kB", "5.00 kB", "6.00 kB")) {
            assertTrue(r[1].lines().anyMatch(l -> l.trim().startsWith(budget)
                    && l.matches(".*(OPTIMAL|FEASIBLE|INFEASIBLE).*")), budget + " row in\n" + r[1]);
        }
        assertTrue(r[1].contains("wrote " + csv), r[1]);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("ramBudgetBytes,status,energyJ,peakRamBytes,gap,lowerBoundJ,seconds,source", lines.get(0));
        assertEquals(6, lines.size(), String.join("\n", lines));
        long previousBudget = 0;
        double previousEnergy = Double.POSITIVE_INFINITY;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            long budget = Long.parseLong(f[0]);
            assertTrue(budget > previousBudget, line);
            previousBudget = budget;
            if (!f[2].isEmpty()) {
                double energy = Double.parseDouble(f[2]);
                assertTrue(Long.parseLong(f[3]) <= budget, "peak within budget: " + line);
                assertTrue(energy <= previousEnergy * (1 + 1e-9), "energy does not rise with the budget: " + line);
                previousEnergy = energy;
            }
        }
        assertTrue(lines.get(5).startsWith("6000,OPTIMAL,"), "the plain schedule fits 6 kB: " + lines.get(5));
    }

    @Test
    void badRangesAreRefusedNamingTheOptionAndValue() {
        for (String bad : List.of("6kB:2kB:5", "2kB:6kB", "2kB:6kB:x", "2kB:6kB:1", "-1kB:6kB:3", "2kB:2002:5",
                "90%:60%:4", "0%:100%:3", "60%:101%:3", "60%:lots:3")) {
            String[] r = run("sweep", "--network", "linear", "--device", "m0", "--ram", bad, "--runtime", "1.5");
            assertEquals("2", r[0], bad + ": " + r[2]);
            assertTrue(r[2].contains("--ram") && r[2].contains(bad), r[2]);
            assertEquals(1, r[2].trim().lines().count(), r[2]);
        }
    }

    @Test
    void sharesOfThePlainPeakSpanTheBudgetsAsSolveStatesThem() throws Exception {
        Path csv = dir.resolve("shares.csv");
        String[] r = run("sweep", "--network", "linear", "--device", "m0", "--ram", "60%:100%:3", "--runtime", "1.5",
                "--threads", "1", "--time-limit-per-point", "5", "--csv", csv.toString());
        assertEquals("0", r[0], r[2]);
        long peak = Plans.plainPeakBytes(Catalog.build("linear", DeviceFiles.builtIn("m0")));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).startsWith(Math.round(peak * 0.6) + ","), lines.get(1));
        assertTrue(lines.get(3).startsWith(peak + ",OPTIMAL,"), "the plain peak fits the plain schedule: " + lines.get(3));
    }

    @Test
    void aCsvInAMissingFolderIsRefusedBeforeSolving() {
        Path csv = dir.resolve("missing").resolve("curve.csv");
        String[] r = run("sweep", "--network", "linear", "--device", "m0", "--ram", "2kB:6kB:5", "--runtime", "1.5",
                "--csv", csv.toString());
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("--csv"), r[2]);
        assertFalse(r[1].contains("RAM budget"), "no solving started: " + r[1]);
        assertFalse(Files.exists(csv));
    }
}

package org.poetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poetexplorer.cli.PoetRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.ReferenceData;

/** Real solves through the command line, on the smallest reference case. */
class PoetCliSolveTest {
    private static final double BEST_KNOWN_J = ReferenceData.byId("linear-m0-tight").bestKnownJ();

    private static final List<String> REQUIRED = List.of("network", "device", "nodes", "ramBudgetBytes",
            "runtimeBudgetRatio", "paging", "remat", "solver", "status", "energyJ", "computeJ", "pageInJ", "pageOutJ",
            "runtimeS", "peakRamBytes", "gap", "solveSeconds", "counts");

    @Test
    void solveJsonHasEveryFieldOfIssue2AndTheScheduleIsWithinBudget() throws IOException {
        String[] r = run("solve", "--network", "linear", "--device", "m0", "--ram", "3500", "--runtime", "1.2",
                "--threads", "1", "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode o = new ObjectMapper().readTree(r[1]);
        for (String field : REQUIRED) {
            assertTrue(o.has(field), "field " + field + " in " + r[1]);
        }
        for (String field : List.of("compute", "recompute", "pageIn", "pageOut")) {
            assertTrue(o.get("counts").get(field).isInt(), "counts." + field);
        }
        assertEquals("linear", o.get("network").asText());
        assertEquals("m0", o.get("device").asText());
        assertEquals(27, o.get("nodes").asInt());
        assertEquals(3500, o.get("ramBudgetBytes").asLong());
        assertEquals(1.2, o.get("runtimeBudgetRatio").asDouble());
        assertTrue(o.get("paging").asBoolean() && o.get("remat").asBoolean());
        assertTrue(List.of("OPTIMAL", "FEASIBLE").contains(o.get("status").asText()), o.get("status").asText());
        double energy = o.get("energyJ").asDouble();
        assertTrue(energy <= BEST_KNOWN_J * (1 + 1e-4), "energy " + energy);
        assertTrue(o.get("peakRamBytes").asLong() <= 3500);
        assertTrue(o.get("runtimeS").asDouble() <= 1.2 * o.get("plainRuntimeS").asDouble() * (1 + 1e-9));
        // as in schedule files: computeJ counts every computation, recomputeJ is the part that recomputes
        assertEquals(energy, o.get("computeJ").asDouble() + o.get("pageInJ").asDouble()
                + o.get("pageOutJ").asDouble(), 1e-12);
        assertTrue(o.get("recomputeJ").asDouble() <= o.get("computeJ").asDouble());
        assertTrue(o.get("counts").get("compute").asInt() >= 27);
        double first = o.get("firstScheduleSeconds").asDouble();
        assertTrue(first >= 0 && first <= o.get("solveSeconds").asDouble(), "first schedule within the solve: " + first);
    }

    @Test
    void aRamShareIsOfTheNetworksPlainPeakAsTheSuitesStateIt() throws IOException {
        String[] plain = run("solve", "--network", "linear", "--device", "m0", "--ram", "1GB", "--runtime", "1.2",
                "--threads", "1", "--json");
        assertEquals("0", plain[0], plain[2]);
        long peak = new ObjectMapper().readTree(plain[1]).get("plainPeakRamBytes").asLong();
        String[] r = run("solve", "--network", "linear", "--device", "m0", "--ram", "80%", "--runtime", "1.2",
                "--threads", "1", "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode o = new ObjectMapper().readTree(r[1]);
        assertEquals(Math.round(peak * 0.8), o.get("ramBudgetBytes").asLong());
        assertTrue(o.get("peakRamBytes").asLong() <= o.get("ramBudgetBytes").asLong());
    }

    @Test
    void referenceGraphFileSolvesWithoutADevice(@TempDir Path dir) throws IOException {
        String[] r = run("solve", "--network", ReferenceData.copy("linear", "m0", dir).toString(), "--ram", "2500",
                "--runtime", "2", "--threads", "1", "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode o = new ObjectMapper().readTree(r[1]);
        assertEquals("INFEASIBLE", o.get("status").asText());
        assertTrue(o.get("energyJ").isNull());
        assertTrue(o.get("firstScheduleSeconds").isNull(), "no schedule, no time to it");
        assertEquals("m0", o.get("device").asText());
    }

    @Test
    void textOutputShowsTheFiguresWithUnits() {
        String[] r = run("solve", "--network", "linear", "--device", "m0", "--ram", "3.5kB", "--runtime", "1.2",
                "--threads", "1");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("linear on m0: 27 nodes"), r[1]);
        assertTrue(r[1].matches("(?s).*status\\s+(OPTIMAL|FEASIBLE).*"), r[1]);
        assertTrue(r[1].matches("(?s).*energy\\s+0\\.10\\d+ J.*"), r[1]);
        assertTrue(r[1].contains("budget: RAM 3.50 kB"), r[1]);
    }

    @Test
    void transfersTakeTimeGoesFromTheCommandLineIntoTheScheduleFileAndBackThroughCheckAndShow(@TempDir Path dir)
            throws IOException {
        Path schedule = dir.resolve("strict.json");
        String[] r = run("solve", "--network", "linear", "--device", "a72", "--ram", "3500", "--runtime", "1.5",
                "--transfers-take-time", "--threads", "1", "--json", "--schedule-out", schedule.toString());
        assertEquals("0", r[0], r[2]);
        JsonNode o = new ObjectMapper().readTree(r[1]);
        assertTrue(o.get("transfersTakeTime").asBoolean(), r[1]);
        assertTrue(o.get("counts").get("pageIn").asInt() > 0, "the schedule pages: " + r[1]);
        // the runtime the budget checks includes the transfers, and the timeline ends there
        assertEquals(o.get("totalTimeS").asDouble(), o.get("runtimeS").asDouble(), 1e-15);
        assertTrue(o.get("runtimeS").asDouble() <= 1.5 * o.get("plainRuntimeS").asDouble() * (1 + 1e-9));
        JsonNode file = new ObjectMapper().readTree(schedule.toFile());
        assertTrue(file.get("transfersTakeTime").asBoolean());
        String[] check = run("check", schedule.toString());
        assertEquals("0", check[0], check[2]);
        assertTrue(check[1].contains("transfers take time"), check[1]);
        String[] show = run("show", schedule.toString());
        assertEquals("0", show[0], show[2]);
        assertTrue(show[1].contains("transfers in series with compute"), show[1]);

        String[] reference = run("solve", "--network", "linear", "--device", "a72", "--ram", "3500", "--runtime",
                "1.5", "--threads", "1", "--json");
        JsonNode ref = new ObjectMapper().readTree(reference[1]);
        assertTrue(!ref.get("transfersTakeTime").asBoolean());
        assertEquals(o.get("energyJ").asDouble(), ref.get("energyJ").asDouble(), 1e-12, "the same schedule");
        assertTrue(ref.get("runtimeS").asDouble() < o.get("runtimeS").asDouble(),
                "without the switch the transfers take none of the runtime: " + reference[1]);
    }

    @Test
    void sweepAndExportMpsTakeTheTransfersTakeTimeSwitch(@TempDir Path dir) throws IOException {
        String[] sweep = run("sweep", "--network", "linear", "--device", "m0", "--ram", "4kB:6kB:2", "--runtime",
                "1.001", "--transfers-take-time", "--time-limit-per-point", "10");
        assertEquals("0", sweep[0], sweep[2]);
        assertTrue(sweep[1].contains("transfers take time"), sweep[1]);
        Path strict = dir.resolve("strict.mps");
        Path reference = dir.resolve("reference.mps");
        String[] common = {"--network", "linear", "--device", "m0", "--ram", "3500", "--runtime", "1.2"};
        assertEquals("0", run(concat(new String[] {"export-mps"}, common, new String[] {"--transfers-take-time",
                strict.toString()}))[0]);
        assertEquals("0", run(concat(new String[] {"export-mps"}, common, new String[] {reference.toString()}))[0]);
        assertTrue(runtimeEntries(strict) > 0, "page transfers in the runtime row");
        assertEquals(0, runtimeEntries(reference), "the reference model's runtime row has computations only");
    }

    private static long runtimeEntries(Path mps) throws IOException {
        return java.nio.file.Files.readAllLines(mps).stream()
                .filter(l -> l.matches("\\s+M(In|Out)_\\S+\\s+runtime\\s.*")).count();
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}

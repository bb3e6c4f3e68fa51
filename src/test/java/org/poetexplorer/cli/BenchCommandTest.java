package org.poetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.io.SolveCase;

/** How the bench table judges and summarises a backend's answers, and which cases it solves. */
class BenchCommandTest {
    private static final SolveCase FEASIBLE = new SolveCase("a", "g.json", 3500, 1.2, true, true,
            "FEASIBLE_OR_OPTIMAL", 0.5);
    private static final SolveCase OPTIMAL = new SolveCase("b", "g.json", 3500, 1.2, true, true,
            "OPTIMAL", 0.5);
    private static final SolveCase INFEASIBLE = new SolveCase("c", "g.json", 2500, 2, true, true,
            "INFEASIBLE", null);

    private static String bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = PoetCli.run(new PrintWriter(out), new PrintWriter(err), all);
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    @Test
    void withoutACasesFileItSolvesTheReferenceCasesTheApplicationCarries() {
        String out = bench("--repeat", "1", "--solver", "scip");
        assertTrue(out.startsWith("7 cases from the reference cases bundled with POET Explorer"), out);
        for (ReferenceData.Case c : ReferenceData.cases()) {
            String row = out.lines().filter(l -> l.startsWith(c.id() + " ")).findFirst().orElse("");
            assertTrue(row.endsWith("  ok"), "case " + c.id() + " solved as well as the reference: " + out);
        }
    }

    @Test
    void aCasesFileOnDiskNamesItsGraphsRelativeToItself(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("nets"));
        ReferenceData.copy("linear", "a72", dir.resolve("nets"));
        Path cases = dir.resolve("mine.json");
        Files.writeString(cases, """
                {"cases": [{"id": "roomy-linear", "graph": "nets/linear__a72.json", "ramBudgetBytes": 100000,
                  "runtimeBudgetRatio": 1.0, "status": "OPTIMAL", "bestKnownJ": %s}]}
                """.formatted(ReferenceData.graph("linear", "a72").plainEnergyJ()));
        String out = bench("--cases", cases.toString(), "--repeat", "1", "--solver", "scip");
        assertTrue(out.startsWith("1 cases from " + cases), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("roomy-linear ") && l.contains(" OPTIMAL ")
                && l.endsWith("  ok")), out);
    }

    @Test
    void energyWithinTheToleranceOfTheBestKnownIsOk() {
        assertEquals("ok", BenchCommand.verdict(FEASIBLE, "FEASIBLE", 0.5 * (1 + 0.5e-4)));
        assertEquals("worse than best known", BenchCommand.verdict(FEASIBLE, "OPTIMAL", 0.5 * (1 + 2e-4)));
        assertEquals("no schedule", BenchCommand.verdict(FEASIBLE, "UNKNOWN", null));
    }

    @Test
    void unprovenOptimumAndMissedInfeasibilityAreFlagged() {
        assertEquals("ok, optimality not proven", BenchCommand.verdict(OPTIMAL, "FEASIBLE", 0.5));
        assertEquals("ok", BenchCommand.verdict(INFEASIBLE, "INFEASIBLE", null));
        assertEquals("expected INFEASIBLE", BenchCommand.verdict(INFEASIBLE, "UNKNOWN", null));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, BenchCommand.median(new double[] {3, 1, 2}));
        assertEquals(2.5, BenchCommand.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    void csvHasOneRowPerCaseAndSolverWithEmptyCellsForMissingFigures() {
        String csv = BenchCommand.toCsv(List.of(
                new BenchCommand.Row("a", "highs", "OPTIMAL", 0.5, 0.5, 1.25, "ok"),
                new BenchCommand.Row("c", "scip", "INFEASIBLE", null, null, 0.5, "ok, optimality not proven")));
        assertEquals("case,solver,status,energyJ,bestKnownJ,ratio,medianWallS,verdict\n"
                + "a,highs,OPTIMAL,0.5,0.5,1.0,1.2500,ok\n"
                + "c,scip,INFEASIBLE,,,,0.5000,\"ok, optimality not proven\"\n", csv);
    }

    @Test
    void aSuiteOfGeneratedGraphsPrintsEachCaseAndTheMediansAndWritesCsv(@TempDir Path dir) throws Exception {
        Path suite = dir.resolve("tiny.json");
        Files.writeString(suite, """
                {"format": "poet-suite/1", "device": "a72", "time_unit": "1ms",
                 "graphs": [{"nodes": 30, "width": 0.3, "seed": 2}],
                 "budgets": [{"ram": 0.9}, {"ram": 0.8, "paging": true}]}
                """);
        Path csv = dir.resolve("suite.csv");
        String out = bench("--suite", suite.toString(), "--time-limit", "5", "--threads", "1", "--csv", csv.toString());
        assertTrue(out.startsWith("1 graphs x 2 budgets from " + suite + "; a72, time unit 1 ms"), out);
        assertTrue(out.contains("limit 5 s per case"), out);
        List<String> rows = out.lines().filter(l -> l.startsWith("n30-w0.3-s2 ")).toList();
        assertEquals(2, rows.size(), out);
        assertTrue(rows.get(0).startsWith("n30-w0.3-s2 0.9 remat-only") && rows.get(0).contains(" 30 "), rows.get(0));
        assertTrue(rows.get(1).startsWith("n30-w0.3-s2 0.8 paging"), rows.get(1));
        for (String row : rows) {
            assertTrue(row.contains(" OPTIMAL ") || row.contains(" FEASIBLE "), "a schedule within 5 s: " + row);
        }
        assertTrue(out.contains("medians over 2 cases: time "), out);
        assertTrue(out.contains("first schedule "), out);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("case,nodes,edges,budget,ramBytes,firstScheduleS,status,energyJ,gap,timeS", lines.get(0));
        assertEquals(3, lines.size());
    }

    @Test
    void aSuiteRowSaysAnOptimalCaseIsProvenAndGivesAFeasibleCasesGap() {
        String optimal = SuiteBench.format(new SuiteBench.Row("n30-s2 0.9 remat-only", 30, 40, "0.9 remat-only", 1000,
                0.01, "OPTIMAL", 12.5, 1e-9, 0.02));
        assertTrue(optimal.contains(" proven ") && !optimal.contains("e-"), optimal);
        String feasible = SuiteBench.format(new SuiteBench.Row("n30-s2 0.8 paging", 30, 40, "0.8 paging", 1000, 0.01,
                "FEASIBLE", 12.5, 0.0123, 5.0));
        assertTrue(feasible.contains(" 1.23 % "), feasible);
        String tiny = SuiteBench.format(new SuiteBench.Row("n30-s2 0.8 paging", 30, 40, "0.8 paging", 1000, 0.01,
                "FEASIBLE", 0.0000123456789, 0.0123, 5.0));
        assertTrue(tiny.contains(" 0.000012345679 ") && !tiny.contains("e-"), "energies in plain digits: " + tiny);
    }

    @Test
    void theDefaultSuiteIsBundledAndABadSuiteIsRefusedByField(@TempDir Path dir) throws Exception {
        org.poetexplorer.io.BenchSuite s = org.poetexplorer.io.SuiteFiles.bundled();
        assertEquals(List.of(100, 250, 500, 1000), s.graphs().stream().map(g -> g.nodes()).toList());
        assertEquals(16, s.cases().size());
        assertEquals("n1000-w0.31-s1 0.8 paging", s.cases().get(15).id());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"graphs\": [{\"nodes\": 50, \"width\": 2}], \"budgets\": [{\"ram\": 0.9}]}");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PoetCli.run(new PrintWriter(out), new PrintWriter(err), "bench", "--suite", bad.toString());
        assertEquals(2, code);
        assertEquals("poet bench: " + bad + ": graphs[0].width: must be between 0 and 1, both excluded (was 2.0)",
                err.toString().trim());
    }
}

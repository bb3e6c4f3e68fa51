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
}

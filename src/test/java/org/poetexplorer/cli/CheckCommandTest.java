package org.poetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.io.ScheduleFiles;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleFixtures;
import org.poetexplorer.solver.SolveStatus;
import picocli.CommandLine;

class CheckCommandTest {
    @TempDir
    Path dir;

    private final TrainingGraph g = ReferenceData.graph("linear", "m0");
    private final Budget budget = new Budget(6000, 1.2, true, true);

    /** Exit code, standard output and error output of one run. */
    record Run(int code, String out, String err) {
    }

    static Run run(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path validFile() throws Exception {
        Path file = dir.resolve("good.json");
        Schedule s = PlanReplay.schedule(g, budget, ScheduleFixtures.linearPagingAndRecompute(g));
        ScheduleFiles.write(file, s, "highs", SolveStatus.OPTIMAL, 0.0);
        return file;
    }

    @Test
    void aValidScheduleExitsZeroWithItsSummary() throws Exception {
        Run r = run(new CheckCommand(), validFile().toString());
        assertEquals(CheckCommand.VALID, r.code(), r.err());
        assertTrue(r.out().startsWith("valid"), r.out());
        assertTrue(r.out().contains("peak RAM") && r.out().contains("recompute"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void aScheduleOverItsBudgetExitsThreeNamingTheOperationAndRule() throws Exception {
        Path file = dir.resolve("over.json");
        Schedule s = PlanReplay.schedule(g, budget.withRam(3500), Plans.plain(g));
        ScheduleFiles.write(file, s, "by hand", SolveStatus.FEASIBLE, null);
        Run r = run(new CheckCommand(), file.toString());
        assertEquals(CheckCommand.INVALID, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("invalid: op ") && r.out().contains("ram-budget"), r.out());
    }

    @Test
    void aTamperedOperationIsFoundByTheReplay() throws Exception {
        Budget roomy = budget.withRam(8000);
        Schedule s = PlanReplay.schedule(g, roomy, Plans.plain(g));
        List<Operation> ops = new ArrayList<>(s.ops());
        ops.remove(ScheduleFixtures.indexOf(s, 13, org.poetexplorer.schedule.OpKind.COMPUTE, 13));
        Path file = dir.resolve("tampered.json");
        ScheduleFiles.write(file, new Schedule(g, roomy, ops), "highs", SolveStatus.OPTIMAL, 0.0);
        Run r = run(new CheckCommand(), file.toString());
        assertEquals(CheckCommand.INVALID, r.code());
        assertTrue(r.out().contains("layer13_CrossEntropyLoss"), r.out());
    }

    @Test
    void unreadableFilesExitTwoWithOneLineNamingTheFile() throws Exception {
        Path good = validFile();
        String json = Files.readString(good);
        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, json.substring(0, json.length() - 200));
        Run r = run(new CheckCommand(), truncated.toString());
        assertEquals(CheckCommand.UNREADABLE, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(truncated.toString()) && r.err().contains("truncated"), r.err());

        Path kind = dir.resolve("kind.json");
        Files.writeString(kind, json.replaceFirst("\"kind\":\"FREE\"", "\"kind\":\"DELETE\""));
        r = run(new CheckCommand(), kind.toString());
        assertEquals(CheckCommand.UNREADABLE, r.code());
        assertTrue(r.err().contains(".kind") && r.err().contains("DELETE"), r.err());

        r = run(new CheckCommand(), dir.resolve("missing.json").toString());
        assertEquals(CheckCommand.UNREADABLE, r.code());
        assertTrue(r.err().contains("missing.json: no such file"), r.err());
    }

    @Test
    void checkingAgainstANetworkFileUsesThatNetworksCosts() throws Exception {
        Path file = validFile();
        Run same = run(new CheckCommand(), file.toString(), "--network", ReferenceData.copy("linear", "m0", dir)
                .toString());
        assertEquals(CheckCommand.VALID, same.code(), same.out() + same.err());

        // the same operations on the M4's costs: the energies on the operations no longer match
        Run other = run(new CheckCommand(), file.toString(), "--network", ReferenceData.copy("linear", "m4", dir)
                .toString());
        assertEquals(CheckCommand.INVALID, other.code(), other.out() + other.err());
        assertTrue(other.out().contains("op-figures"), other.out());

        Run wrong = run(new CheckCommand(), file.toString(), "--network", ReferenceData.copy(
                "transformer", "m0", dir).toString());
        assertEquals(CheckCommand.UNREADABLE, wrong.code());
        assertTrue(wrong.err().contains("nodes"), wrong.err());
    }

    @Test
    void aCatalogNetworkIsCostedOnTheDeviceNamed() throws Exception {
        Run r = run(new CheckCommand(), validFile().toString(), "--network", "linear", "--device", "m0");
        assertEquals(CheckCommand.VALID, r.code(), r.out() + r.err());
        Run noDevice = run(new CheckCommand(), validFile().toString(), "--network", "linear");
        assertEquals(CheckCommand.UNREADABLE, noDevice.code());
        assertTrue(noDevice.err().contains("--device") && noDevice.err().contains("linear"), noDevice.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run(new CheckCommand()).code());
    }
}

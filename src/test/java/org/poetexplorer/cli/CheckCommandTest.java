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

    /** {@code poet check ARGS} or {@code poet show ARGS}, as the command line runs them. */
    static Run run(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = command.getClass().getAnnotation(CommandLine.Command.class).name();
        System.arraycopy(args, 0, all, 1, args.length);
        int code = PoetCli.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
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
        assertTrue(r.err().startsWith("poet check: "), "the error line says which command: " + r.err());
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

    @Test
    void everyFigureTheFileClaimsIsComparedWithTheReplay() throws Exception {
        String json = Files.readString(validFile());
        String[][] lies = {
            {"\"peakRamBytes\": [0-9]+", "\"peakRamBytes\": -1", "peakRamBytes -1"},
            {"\"peakRamBytes\": [0-9]+", "\"peakRamBytes\": 10000000000000000000", "peakRamBytes 10000000000000000000"},
            {"\"computeJ\": [0-9.eE-]+,\n", "\"computeJ\": 1.5,\n", "computeJ 1.5"},
            {"\"totalTimeS\": [0-9.eE-]+", "\"totalTimeS\": 0", "totalTimeS 0"},
            {"\"free\":[0-9]+", "\"free\":2", "counts.free 2"},
            {"\"inRamAtPeak\": \\[[0-9]+", "\"inRamAtPeak\": [0", "inRamAtPeak [0"},
        };
        for (String[] lie : lies) {
            Path f = dir.resolve("claims.json");
            String told = json.replaceFirst(lie[0], lie[1]);
            assertTrue(!told.equals(json), lie[0]);
            Files.writeString(f, told);
            Run r = run(new CheckCommand(), f.toString());
            assertEquals(CheckCommand.INVALID, r.code(), lie[2] + ": " + r.out() + r.err());
            assertTrue(r.out().startsWith("invalid: claimed-figures: the file says " + lie[2]), r.out());
        }
    }

    @Test
    void controlCharactersInNamesReachTheTerminalEscaped() throws Exception {
        Path f = dir.resolve("names.json");
        String json = Files.readString(validFile()).replace("layer13_CrossEntropyLoss", "\\u001b[2Jloss\\u0007");
        Files.writeString(f, json.replaceFirst("\"kind\":\"FREE\"", "\"kind\":\"DELETE\""));
        Run r = run(new CheckCommand(), f.toString());
        Files.writeString(f, json.replace("layer12_ReLULayer", "\\u001b[2Jloss\\u0007"));
        Run duplicate = run(new CheckCommand(), f.toString());
        assertEquals(CheckCommand.UNREADABLE, duplicate.code(), duplicate.err());
        assertTrue(duplicate.err().contains("duplicate node name \"\\u001b[2Jloss\\u0007\""), duplicate.err());
        Files.writeString(f, json);
        Run shown = run(new ShowCommand(), f.toString());
        assertEquals(0, shown.code(), shown.err());
        for (String text : new String[] {r.err(), duplicate.err(), shown.out()}) {
            assertTrue(text.chars().noneMatch(c -> c == 0x1b || c == 7), "no raw control character: " + text);
        }
    }
}

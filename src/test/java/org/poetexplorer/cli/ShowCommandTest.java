package org.poetexplorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.io.ScheduleFiles;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleFixtures;
import org.poetexplorer.solver.SolveStatus;

class ShowCommandTest {
    @TempDir
    Path dir;

    /** A schedule file of linear on m0 with paging and a recomputation, said to be FEASIBLE by HiGHS. */
    private Path scheduleFile() throws Exception {
        TrainingGraph g = ReferenceData.graph("linear", "m0", ScheduleFixtures.m0());
        Schedule s = PlanReplay.schedule(g, new Budget(6000, 1.2, true, true),
                ScheduleFixtures.linearPagingAndRecompute(g));
        Path file = dir.resolve("s.json");
        ScheduleFiles.write(file, s, "highs", SolveStatus.FEASIBLE, 0.02);
        return file;
    }

    @Test
    void showsEnergyByKindTheTimesAndThePeak() throws Exception {
        Path file = scheduleFile();
        CheckCommandTest.Run r = CheckCommandTest.run(new ShowCommand(), file.toString());
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        for (String expected : new String[] {"linear on m0", "highs, FEASIBLE, gap 2 %", "compute", "recompute",
                "page-in", "page-out", "compute time", "total time", "peak RAM", "in RAM at the peak",
                "layer19_GradientLayer (node 19)", "replay: valid"}) {
            assertTrue(out.contains(expected), expected + " in\n" + out);
        }
    }

    @Test
    void writesTheScheduleAsATraceOnRequest() throws Exception {
        Path trace = dir.resolve("t.json");
        CheckCommandTest.Run r = CheckCommandTest.run(new ShowCommand(), scheduleFile().toString(), "--trace-out",
                trace.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("trace: " + trace), r.out());
        assertTrue(Files.readString(trace).contains("\"traceEvents\""));
    }

    @Test
    void anUnreadableFileExitsTwo() throws Exception {
        Path file = dir.resolve("junk.json");
        Files.writeString(file, "{\"format\": \"poet-schedule/1\", \"nodes\": 3}");
        CheckCommandTest.Run r = CheckCommandTest.run(new ShowCommand(), file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("junk.json") && r.err().contains("nodes"), r.err());
    }
}

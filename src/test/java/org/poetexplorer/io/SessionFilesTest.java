package org.poetexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleFixtures;
import org.poetexplorer.solver.SolveStatus;

class SessionFilesTest {
    @TempDir
    Path dir;

    private final TrainingGraph g = ReferenceData.graph("linear", "m0", ScheduleFixtures.m0());
    private final Budget budget = new Budget(5000, 1.25, true, false);
    private final Schedule schedule = PlanReplay.schedule(g, budget, ScheduleFixtures.linearPagingAndRecompute(g));

    @Test
    void saveThenOpenGivesBackTheSameInputsAndSchedule() throws Exception {
        Path net = dir.resolve("net.json");
        NetworkFiles.write(g, net);
        Device edited = DeviceFiles.builtIn("m0");
        edited = new Device(edited.id(), edited.name(), 4e9, edited.flopsPerJoule(), edited.pageInLatency(),
                edited.pageInThroughput(), edited.pageOutLatency(), edited.pageOutThroughput(), edited.memoryPower(),
                edited.bytesPerElement(), edited.power(), edited.source());
        Session s = new Session(new NetworkSource.NetworkFile(net), new DeviceSource.BuiltInDevice("m0"), edited, budget,
                "scip", 12.5, 3,
                new ScheduleFile(g, budget, "scip", SolveStatus.FEASIBLE, 0.02, 0, schedule), 2.75);
        Path f = dir.resolve("work.poet-session.json");
        SessionFiles.write(f, s);
        Session back = SessionFiles.read(f);
        assertEquals(new NetworkSource.NetworkFile(net.toAbsolutePath()), back.network());
        assertEquals(new DeviceSource.BuiltInDevice("m0"), back.device());
        assertEquals(edited, back.editedDevice());
        assertEquals(budget, back.budget());
        assertEquals("scip", back.solver());
        assertEquals(12.5, back.timeLimitS());
        assertEquals(3, back.threads());
        assertEquals(2.75, back.solveSeconds());
        assertEquals(schedule.ops(), back.schedule().schedule().ops(), "same operations, same doubles");
        assertEquals(budget, back.schedule().budget());
        assertEquals(SolveStatus.FEASIBLE, back.schedule().status());
        assertEquals(0.02, back.schedule().gap());
        assertEquals(g.size(), back.schedule().graph().size());
        assertTrue(back.missingFiles().isEmpty());
        assertTrue(Files.readString(f).contains("\"format\" : \"" + SessionFiles.FORMAT + "\""));
    }

    @Test
    void aSessionWithoutScheduleAndWithCatalogNamesRoundTrips() throws Exception {
        Session s = new Session(new NetworkSource.CatalogNetwork("linear"),
                new DeviceSource.DeviceFile(dir.resolve("dev.json")), null, budget, "scip", 30, 1, null, 0);
        Path f = dir.resolve("s.json");
        SessionFiles.write(f, s);
        Session back = SessionFiles.read(f);
        assertEquals(s, back);
        assertEquals(List.of(dir.resolve("dev.json").toAbsolutePath()), back.missingFiles(),
                "names the device file that is not there");
    }

    @Test
    void badSessionFilesNameTheField() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"format\": \"poet-session/1\", \"network\": {\"catalog\": \"linear\"}, "
                + "\"device\": {\"builtIn\": \"m0\"}, \"budget\": {\"ramBytes\": -3, \"runtimeRatio\": 1.2, "
                + "\"paging\": true, \"remat\": true}, \"solver\": {\"name\": \"scip\", \"timeLimitS\": 1, \"threads\": 1}}");
        InputException e = assertThrows(InputException.class, () -> SessionFiles.read(f));
        assertTrue(e.getMessage().startsWith(f + ": budget.ramBytes"), e.getMessage());
        Files.writeString(f, "{\"format\": \"poet-session/1\", \"network\": {\"catalog\": \"alexnet\"}}");
        e = assertThrows(InputException.class, () -> SessionFiles.read(f));
        assertTrue(e.getMessage().startsWith(f + ": network.catalog") && e.getMessage().contains("\"alexnet\""),
                e.getMessage());
        Files.writeString(f, "{\"format\": \"poet-session/1\", \"network\": {\"catalog\": \"linear\"}, "
                + "\"device\": {\"builtIn\": \"m0\"}, \"budget\": {\"ramBytes\": 3500, \"runtimeRatio\": 0.5, "
                + "\"paging\": true, \"remat\": true}}");
        e = assertThrows(InputException.class, () -> SessionFiles.read(f));
        assertTrue(e.getMessage().startsWith(f + ": budget.runtimeRatio") && e.getMessage().contains("(was 0.5)"),
                e.getMessage());
        Files.writeString(f, "{\"format\": \"poet-schedule/1\"}");
        e = assertThrows(InputException.class, () -> SessionFiles.read(f));
        assertTrue(e.getMessage().contains("format") && e.getMessage().contains("poet-session/1"), e.getMessage());
    }

    @Test
    void solverSettingsAreReadAsTheCommandLineReadsThem() throws Exception {
        Path f = dir.resolve("solver.json");
        String session = "{\"format\": \"poet-session/1\", \"network\": {\"catalog\": \"linear\"}, "
                + "\"device\": {\"builtIn\": \"m0\"}, \"budget\": {\"ramBytes\": 3500, \"runtimeRatio\": 1.2, "
                + "\"paging\": true, \"remat\": true}, \"solver\": {\"name\": \"scip\", \"timeLimitS\": LIMIT, "
                + "\"threads\": THREADS}}";
        for (String limit : new String[] {"0", "-5"}) {
            Files.writeString(f, session.replace("LIMIT", limit).replace("THREADS", "1"));
            InputException e = assertThrows(InputException.class, () -> SessionFiles.read(f));
            assertTrue(e.getMessage().startsWith(f + ": solver.timeLimitS: must be a positive finite number"),
                    e.getMessage());
        }
        for (String threads : new String[] {"0", "1e10", "2.5"}) {
            Files.writeString(f, session.replace("LIMIT", "10").replace("THREADS", threads));
            InputException e = assertThrows(InputException.class, () -> SessionFiles.read(f));
            assertTrue(e.getMessage().startsWith(f + ": solver.threads: must be a whole number from 1 to 1024"),
                    e.getMessage());
        }
        Files.writeString(f, session.replace("LIMIT", "10").replace("THREADS", "1e10"));
        assertEquals(f + ": solver.threads: must be a whole number from 1 to 1024 (was 10000000000)",
                assertThrows(InputException.class, () -> SessionFiles.read(f)).getMessage());
    }
}

package org.poetexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.solver.SolveStatus;

/** A JSON file holds one object: anything after it is refused, in every kind of file. */
class JsonTest {
    @TempDir
    Path dir;

    private interface Reader {
        void read(Path file) throws InputException;
    }

    private void refusesWhatFollows(Path file, Reader reader) throws Exception {
        String text = Files.readString(file).strip();
        Files.writeString(file, text + "\n{\"more\": 1}\n");
        InputException e = assertThrows(InputException.class, () -> reader.read(file));
        int line = (int) text.lines().count() + 1;
        assertEquals(file + ": more after the JSON object at line " + line + ", column 1 (a file holds one object)",
                e.getMessage());
    }

    @Test
    void contentAfterTheObjectIsRefusedInNetworkDeviceScheduleAndSessionFiles() throws Exception {
        TrainingGraph g = ReferenceData.graph("linear", "m0");
        Path network = dir.resolve("net.json");
        NetworkFiles.write(g, network);
        refusesWhatFollows(network, f -> NetworkFiles.read(f, null));

        Path device = dir.resolve("dev.json");
        DeviceFiles.write(DeviceFiles.builtIn("m0"), device);
        refusesWhatFollows(device, DeviceFiles::read);

        Budget budget = new Budget(8000, 1.2, true, true);
        Path schedule = dir.resolve("schedule.json");
        ScheduleFiles.write(schedule, PlanReplay.schedule(g, budget, Plans.plain(g)), "scip", SolveStatus.OPTIMAL, 0.0);
        refusesWhatFollows(schedule, ScheduleFiles::read);

        Path session = dir.resolve("session.json");
        SessionFiles.write(session, new Session(new NetworkSource.CatalogNetwork("linear"),
                new DeviceSource.BuiltInDevice("m0"), null, budget, "scip", 10, 1, null, 0));
        refusesWhatFollows(session, SessionFiles::read);
    }
}

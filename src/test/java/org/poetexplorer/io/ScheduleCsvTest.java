package org.poetexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.PlanReplay;
import org.poetexplorer.schedule.Schedule;
import org.poetexplorer.schedule.ScheduleFixtures;

class ScheduleCsvTest {
    @TempDir
    Path dir;

    @Test
    void oneRowPerOperationWithTheFixedColumns() throws Exception {
        TrainingGraph g = ReferenceData.graph("linear", "m0", ScheduleFixtures.m0());
        Schedule s = PlanReplay.schedule(g, ScheduleFixtures.roomy(), ScheduleFixtures.linearPagingAndRecompute(g));
        Path file = dir.resolve("ops.csv");
        ScheduleCsv.write(file, s);
        List<String> lines = Files.readAllLines(file);
        assertEquals("stage,kind,node,name,startS,endS,energyJ,ramBytesAfter", lines.get(0));
        assertEquals(s.ops().size() + 1, lines.size());
        for (int x = 0; x < s.ops().size(); x++) {
            Operation op = s.ops().get(x);
            String[] c = lines.get(x + 1).split(",");
            assertEquals(8, c.length, lines.get(x + 1));
            assertEquals(op.stage(), Integer.parseInt(c[0]));
            assertEquals(op.kind().name(), c[1]);
            assertEquals(op.node(), Integer.parseInt(c[2]));
            assertEquals(g.node(op.node()).name(), c[3]);
            assertEquals(op.startS(), Double.parseDouble(c[4]));
            assertEquals(op.endS(), Double.parseDouble(c[5]));
            assertEquals(op.energyJ(), Double.parseDouble(c[6]));
            assertEquals(op.ramBytesAfter(), Long.parseLong(c[7]));
        }
    }
}

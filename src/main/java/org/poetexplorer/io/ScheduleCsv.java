package org.poetexplorer.io;

import java.io.IOException;
import java.nio.file.Path;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.Schedule;

/** The operations as CSV, one row per operation (docs/schedule-format.md), for spreadsheets. */
public final class ScheduleCsv {
    public static final String HEADER = "stage,kind,node,name,startS,endS,energyJ,ramBytesAfter";

    private ScheduleCsv() {
    }

    public static void write(Path file, Schedule s) throws IOException {
        AtomicFiles.writeString(file, format(s));
    }

    public static String format(Schedule s) {
        TrainingGraph g = s.graph();
        Csv csv = new Csv(HEADER.split(","));
        for (Operation op : s.ops()) {
            csv.row(op.stage(), op.kind().name(), op.node(), g.node(op.node()).name(), op.startS(), op.endS(),
                    op.energyJ(), op.ramBytesAfter());
        }
        return csv.text();
    }
}

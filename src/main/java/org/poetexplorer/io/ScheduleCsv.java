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
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Operation op : s.ops()) {
            sb.append(op.stage()).append(',')
                    .append(op.kind().name()).append(',')
                    .append(op.node()).append(',')
                    .append(field(g.node(op.node()).name())).append(',')
                    .append(op.startS()).append(',')
                    .append(op.endS()).append(',')
                    .append(op.energyJ()).append(',')
                    .append(op.ramBytesAfter()).append('\n');
        }
        return sb.toString();
    }

    /** RFC 4180 quoting for names with commas, quotes or line breaks. */
    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}

package org.poetexplorer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.ScheduleFile;
import org.poetexplorer.io.ScheduleFiles;
import org.poetexplorer.io.TraceFiles;
import org.poetexplorer.schedule.ReplayChecker;
import org.poetexplorer.schedule.ReplayReport;
import org.poetexplorer.schedule.SummaryText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code poet show FILE.json}: the readable summary of a schedule file. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Print the summary of a schedule file: energy by kind, times, peak RAM and what is in RAM then.",
            "Exit codes: 0 shown, 2 unreadable (or the trace could not be written), 3 a trace asked of a schedule "
                + "that does not replay."})
final class ShowCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.json", description = "a poet-schedule/1 file")
    private Path file;

    /** Null unless a trace is asked for. */
    @Option(names = "--trace-out", paramLabel = "FILE", converter = Converters.FileToWrite.class,
            description = "also write the schedule as Chrome Trace Event JSON (only a schedule that replays valid)")
    private Path traceOut;

    @Override
    public Integer call() throws InputException {
        PrintWriter out = spec.commandLine().getOut();
        ScheduleFile f = ScheduleFiles.read(file);
        out.println(file);
        out.println(ScheduleFileReport.solveLine(f));
        out.print(SummaryText.format(f.schedule()));
        ReplayReport r = ReplayChecker.check(f.schedule(), f.energyJ(), f.claims());
        out.println("replay: " + (r.valid() ? "valid" : "INVALID, " + r.describe() + " (run poet check for details)"));
        if (traceOut != null) {
            if (!r.valid()) {
                spec.commandLine().getErr().println("poet show: --trace-out not written: the schedule does not replay");
                return CheckCommand.INVALID;
            }
            try {
                TraceFiles.write(traceOut, f.schedule(), f.solver(), f.status());
            } catch (IOException e) {
                spec.commandLine().getErr().println("--trace-out: " + e.getMessage());
                return CheckCommand.UNREADABLE;
            }
            out.println("trace: " + traceOut);
        }
        return 0;
    }
}

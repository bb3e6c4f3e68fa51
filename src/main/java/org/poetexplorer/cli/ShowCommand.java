package org.poetexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.ScheduleFile;
import org.poetexplorer.io.ScheduleFiles;
import org.poetexplorer.schedule.ReplayChecker;
import org.poetexplorer.schedule.ReplayReport;
import org.poetexplorer.schedule.SummaryText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code poet show FILE.json}: the readable summary of a schedule file. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Print the summary of a schedule file: energy by kind, times, peak RAM and what is in RAM then.",
            "Exit codes: 0 shown, 2 unreadable."})
final class ShowCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.json", description = "a poet-schedule/1 file")
    private Path file;

    @Override
    public Integer call() throws InputException {
        PrintWriter out = spec.commandLine().getOut();
        ScheduleFile f = ScheduleFiles.read(file);
        out.println(file);
        out.println(ScheduleFileReport.solveLine(f));
        out.print(SummaryText.format(f.schedule()));
        ReplayReport r = ReplayChecker.check(f.schedule(), f.energyJ(), f.claims());
        out.println("replay: " + (r.valid() ? "valid" : "INVALID, " + r.describe() + " (run poet check for details)"));
        return 0;
    }
}

package org.poetexplorer.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.InputLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine;

/**
 * The {@code poet} command line. Exit codes: 0 when a command ends normally (a solve with any
 * status), 2 for bad input (one line on stderr naming the argument or file, the field and the
 * value), 1 for an internal error or when memory runs out (one line, never a stack trace), 130
 * after Ctrl-C (see {@link CtrlC}).
 */
@Command(name = "poet", mixinStandardHelpOptions = true, version = "poet 0.1.0",
        description = "Energy-optimal training schedules (rematerialization and paging) for small devices.",
        subcommands = {SolveCommand.class, CheckCommand.class, ShowCommand.class, SweepCommand.class,
            BenchCommand.class, GenerateCommand.class, ExportMpsCommand.class, CommandLine.HelpCommand.class})
public final class PoetCli implements Callable<Integer> {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;

    @Spec
    private CommandSpec spec;

    /** When the work of this command line began: the process start when it is the process. */
    private final Instant started;

    private PoetCli(Instant started) {
        this.started = started;
    }

    /** When the command line that {@code spec} belongs to began (time limits count from then). */
    static Instant started(CommandSpec spec) {
        return spec.root().userObject() instanceof PoetCli cli ? cli.started : Instant.now();
    }

    /** Without a subcommand: the usage. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return OK;
    }

    /** The command line as the process: its time limits count from the start of the process. */
    public static int run(String... args) {
        PrintWriter err = new PrintWriter(System.err, true);
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            err.println("poet: " + (e instanceof OutOfMemoryError ? InputLimits.outOfMemory()
                    : "internal error in " + thread.getName() + ": " + oneLine(String.valueOf(e))));
            err.flush();
        });
        // the JVM's own record of its start (ProcessHandle's start instant is off by up to a second)
        Instant processStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        return run(processStart, new PrintWriter(System.out, true), err, args);
    }

    /** The command line within a running program: its time limits count from now. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(Instant.now(), out, err, args);
    }

    private static int run(Instant started, PrintWriter out, PrintWriter err, String... args) {
        PrintWriter shownOut = new PrintWriter(new PrintableWriter(out), true);
        PrintWriter shownErr = new PrintWriter(new PrintableWriter(err), true);
        int code = commandLine(started, shownOut, shownErr).execute(args);
        shownOut.flush();
        shownErr.flush();
        return code;
    }

    private static CommandLine commandLine(Instant started, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new PoetCli(started));
        cl.setOut(out);
        cl.setErr(err);
        // no colours in the help: nothing the command line prints carries escape sequences
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        CommandLine.IExecutionStrategy commands = new CommandLine.RunLast();
        cl.setExecutionStrategy(parsed -> {
            try {
                return commands.execute(parsed);
            } catch (OutOfMemoryError e) {
                // one line: the memory the failed work held is free again once it has unwound to here
                List<CommandLine> chain = parsed.asCommandLineList();
                err.println(prefix(chain.get(chain.size() - 1)) + InputLimits.outOfMemory());
                return INTERNAL_ERROR;
            }
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            err.println(prefix(ex.getCommandLine()) + describe(ex));
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof InputException) {
                err.println(prefix(cmd) + oneLine(ex.getMessage()));
                return BAD_INPUT;
            }
            err.println(prefix(cmd) + "internal error: " + oneLine(String.valueOf(ex)));
            if (System.getenv("POET_DEBUG") != null) {
                ex.printStackTrace(err);
            } else {
                err.println("(set POET_DEBUG=1 to see where)");
            }
            return INTERNAL_ERROR;
        });
        return cl;
    }

    /**
     * A value a converter refused reads "--ram: "0" must be a positive size", like a bad file
     * reads "net.json: nodes[1].flop: ..."; any other mistake is picocli's message and where to
     * look for the right use.
     */
    private static String describe(ParameterException ex) {
        ArgSpec arg = ex.getArgSpec();
        if (ex.getCause() instanceof TypeConversionException refused && arg != null) {
            String name = arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
            return name + ": " + oneLine(refused.getMessage());
        }
        return oneLine(ex.getMessage()) + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                + " --help')";
    }

    private static String prefix(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName() + ": ";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}

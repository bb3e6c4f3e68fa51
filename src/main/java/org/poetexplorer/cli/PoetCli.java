package org.poetexplorer.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.poetexplorer.io.InputException;
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
 * value), 1 for an internal error.
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

    /** Without a subcommand: the usage. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return OK;
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        int code;
        try {
            code = commandLine(out, err).execute(args);
        } catch (OutOfMemoryError e) {
            err.println("poet: out of memory: the problem is too large for this Java heap"
                    + " (give Java more with -Xmx, or solve a smaller network)");
            code = INTERNAL_ERROR;
        }
        out.flush();
        err.flush();
        return code;
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new PoetCli());
        cl.setOut(out);
        cl.setErr(err);
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

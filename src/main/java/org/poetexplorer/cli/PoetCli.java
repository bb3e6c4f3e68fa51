package org.poetexplorer.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.poetexplorer.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code poet} command line. Exit codes: 0 when a command ends normally (a solve with any
 * status), 2 for bad input (one line on stderr naming the argument or file, the field and the
 * value), 1 for an internal error.
 */
@Command(name = "poet", mixinStandardHelpOptions = true, version = "poet 0.1.0",
        description = "Energy-optimal training schedules (rematerialization and paging) for small devices.",
        subcommands = {SolveCommand.class, BenchCommand.class, SweepCommand.class})
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
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The configured command tree, for callers that add subcommands or run it themselves. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new PoetCli());
        cl.addSubcommand("check", new CheckCommand(Inputs::graph));
        cl.addSubcommand("show", new ShowCommand());
        cl.addSubcommand("export-mps", new ExportMpsCommand());
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            err.println(prefix(cmd) + oneLine(ex.getMessage()) + " (see '" + cmd.getCommandSpec().qualifiedName()
                    + " --help')");
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

    private static String prefix(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName() + ": ";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}

package org.poetexplorer.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The command line run as {@code poet} runs it, with what it printed. */
final class PoetRun {
    private PoetRun() {
    }

    /** Exit code, standard output and error output, in that order. */
    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PoetCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }
}

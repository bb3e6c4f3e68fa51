package org.poetexplorer;

import org.poetexplorer.cli.PoetCli;

/**
 * Starts POET Explorer: with no arguments the desktop app, with arguments the command line.
 * Not a JavaFX Application itself, so the runnable jar starts with JavaFX on the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(PoetCli.run(args));
    }
}

package org.poetexplorer;

import javafx.application.Application;
import org.poetexplorer.app.PoetExplorerApp;
import org.poetexplorer.cli.PoetCli;

/**
 * Starts POET Explorer: with no arguments the desktop app, with arguments the command line.
 * Not a JavaFX Application itself, so the runnable jar starts with JavaFX on the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(PoetExplorerApp.class, args);
        } else {
            System.exit(PoetCli.run(args));
        }
    }
}

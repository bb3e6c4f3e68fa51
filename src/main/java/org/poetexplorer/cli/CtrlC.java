package org.poetexplorer.cli;

import java.util.function.Function;
import org.poetexplorer.solver.CancelToken;

/** Long work that Ctrl-C cancels rather than kills, so that the best answer so far is still printed. */
final class CtrlC {
    private CtrlC() {
    }

    static <T> T cancels(Function<CancelToken, T> work) {
        CancelToken cancel = new CancelToken();
        Thread hook = new Thread(cancel::cancel, "poet-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.apply(cancel);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting (Ctrl-C): the hook has cancelled the work
            }
        }
    }
}

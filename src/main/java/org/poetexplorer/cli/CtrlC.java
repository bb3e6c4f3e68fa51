package org.poetexplorer.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.poetexplorer.solver.CancelToken;

/**
 * Long work that Ctrl-C (or a plain kill) cancels rather than kills, so that the best answer so
 * far is still printed and written. Opened around the whole of a command's work, solving,
 * printing and writing: the signal cancels the token, and the exiting JVM waits (up to
 * {@link #FINISH_MILLIS}) until the command has closed this, that is until its output is
 * complete, before it ends with exit code 130 (128 + SIGINT, as for any program Ctrl-C ends).
 */
final class CtrlC implements AutoCloseable {
    /** How long the exiting JVM waits for the cancelled command to print and write its answer. */
    static final long FINISH_MILLIS = 5_000;

    private final CancelToken cancel = new CancelToken();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::cancelAndWait, "poet-cancel");

    private CtrlC() {
    }

    /** Cancels {@link #token()} on Ctrl-C from now until {@link #close}. */
    static CtrlC install() {
        CtrlC c = new CtrlC();
        Runtime.getRuntime().addShutdownHook(c.hook);
        return c;
    }

    CancelToken token() {
        return cancel;
    }

    private void cancelAndWait() {
        cancel.cancel();
        try {
            finished.await(FINISH_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command's work, output included, is done: an exit may go on. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting (Ctrl-C): the hook has cancelled the work and now lets it end
        }
    }
}

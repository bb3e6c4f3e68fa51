package org.poetexplorer.solver.backends;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a native search on a thread of its own, so that the caller returns promptly whatever the
 * search does. Once the cancel fires or the deadline passes, the search has
 * {@link #GRACE_MILLIS} to return (an interrupted SCIP returns its incumbent then); a search
 * still busy after that, typically a solver still taking in a large model, which no interrupt
 * reaches, is abandoned: it ends on its own thread, frees its own memory, and its answer is
 * dropped. The search must not call back into the caller's code.
 */
final class NativeSearch {
    /** How long a cancelled search may take to return its answer before it is abandoned. */
    static final long GRACE_MILLIS = 250;

    private static final Executor DAEMONS = runnable -> {
        Thread t = new Thread(runnable, "poet-native-search");
        t.setDaemon(true);
        t.start();
    };

    private NativeSearch() {
    }

    static BackendOutcome run(String solver, Deadline deadline, Cancellation cancel, Supplier<BackendOutcome> search) {
        if (cancel.isCancelled()) {
            return BackendOutcome.none(BackendOutcome.Kind.NO_SOLUTION, Double.NEGATIVE_INFINITY, "cancelled");
        }
        CompletableFuture<BackendOutcome> answer = CompletableFuture.supplyAsync(search, DAEMONS);
        String why = deadline.isNone() ? "the stop" : "the stop or its deadline";
        BackendOutcome abandoned = BackendOutcome.none(BackendOutcome.Kind.NO_SOLUTION, Double.NEGATIVE_INFINITY,
                "stopped (" + solver + " did not return within " + GRACE_MILLIS + " ms of " + why + "; its search was"
                        + " left to end on its own)");
        if (!deadline.isNone()) {
            long nanos = deadline.atNanos() - System.nanoTime() + GRACE_MILLIS * 1_000_000;
            answer.completeOnTimeout(abandoned, Math.max(0, nanos), TimeUnit.NANOSECONDS);
        }
        try (AutoCloseable hook = cancel.onCancel(
                () -> answer.completeOnTimeout(abandoned, GRACE_MILLIS, TimeUnit.MILLISECONDS))) {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

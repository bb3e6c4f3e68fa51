package org.poetexplorer.solver.backends;

/** A wall-clock deadline ({@link #NONE}: no limit), read at the last moment before a search. */
public record Deadline(long atNanos) {
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    /** Beyond this many seconds (about 30 years) a deadline is none: nanoseconds would overflow. */
    private static final double FOREVER_SECONDS = 1e9;

    public static Deadline in(double seconds) {
        return seconds <= 0 || seconds >= FOREVER_SECONDS ? NONE
                : new Deadline(System.nanoTime() + (long) (seconds * 1e9));
    }

    public boolean isNone() {
        return atNanos == Long.MAX_VALUE;
    }

    /** Whether the deadline has come (never for NONE). */
    public boolean passed() {
        return !isNone() && System.nanoTime() - atNanos >= 0;
    }

    /** The earlier of this deadline and {@code other}. */
    public Deadline orEarlier(Deadline other) {
        if (isNone()) {
            return other;
        }
        return other.isNone() || atNanos - other.atNanos <= 0 ? this : other;
    }

    /** This deadline moved {@code seconds} earlier (NONE stays NONE). */
    public Deadline earlierBy(double seconds) {
        return isNone() ? NONE : new Deadline(atNanos - (long) (seconds * 1e9));
    }

    /** Seconds left, at least 0.01 (solvers treat 0 as "no limit"); infinite for NONE. */
    public double secondsLeft() {
        if (isNone()) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(0.01, (atNanos - System.nanoTime()) / 1e9);
    }
}

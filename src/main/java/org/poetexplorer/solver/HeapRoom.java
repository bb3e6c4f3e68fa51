package org.poetexplorer.solver;

/**
 * How much Java heap a solve may still take, so that a model too large for it is skipped with a
 * note rather than run out of memory. A model is built only when its estimate is at most half of
 * the free heap: the other half is for the solver's copy, the schedules and the app.
 */
final class HeapRoom {
    private HeapRoom() {
    }

    /** Bytes the heap can still give: its ceiling (-Xmx) less what is in use. */
    static long freeBytes() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * Whether a structure of about {@code bytes} fits in half of the free heap; when it seems not
     * to, the garbage of earlier phases is collected first and the question asked again.
     */
    static boolean allows(long bytes) {
        if (bytes <= freeBytes() / 2) {
            return true;
        }
        System.gc();
        return bytes <= freeBytes() / 2;
    }
}

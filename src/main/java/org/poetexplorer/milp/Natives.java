package org.poetexplorer.milp;

import com.google.ortools.Loader;

/** Loads OR-Tools' native libraries once per process. */
final class Natives {
    private static boolean loaded;

    private Natives() {
    }

    static synchronized void load() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }
}

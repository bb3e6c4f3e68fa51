package org.poetexplorer.solver.backends;

import com.google.ortools.Loader;
import com.sun.jna.Platform;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads OR-Tools' native libraries once per process. */
public final class Natives {
    private static boolean loaded;

    private Natives() {
    }

    public static synchronized void load() {
        if (loaded) {
            return;
        }
        try {
            Loader.loadNativeLibraries();
        } catch (RuntimeException | UnsatisfiedLinkError fromJar) {
            // OR-Tools' loader reads its libraries only out of a jar. Under `mvn javafx:run` they
            // are a plain folder on the class path (the build unpacks them there); load them
            // from that folder, where the JNI library finds its companions through $ORIGIN.
            Path folder = unpackedFolder();
            if (folder == null) {
                throw fromJar;
            }
            System.load(folder.resolve(System.mapLibraryName("jniortools")).toString());
        }
        loaded = true;
    }

    private static Path unpackedFolder() {
        URL url = Natives.class.getClassLoader().getResource("ortools-" + Platform.RESOURCE_PREFIX + "/");
        if (url == null || !"file".equals(url.getProtocol())) {
            return null;
        }
        try {
            Path folder = Path.of(url.toURI());
            return Files.isDirectory(folder) ? folder : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}

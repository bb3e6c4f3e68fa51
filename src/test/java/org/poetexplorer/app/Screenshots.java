package org.poetexplorer.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Saves a snapshot of a scene as PNG under the folder named by the system property
 * {@code poet.screenshots} ({@code mvn verify -Dpoet.screenshots=target/screenshots}), to look
 * at the states the UI tests reach. Without the property nothing is taken: the tests assert on
 * the app's state, and encoding full-window PNGs is a good part of their time.
 */
final class Screenshots {
    private static final String FOLDER = "poet.screenshots";

    private Screenshots() {
    }

    /** The file written, or null when screenshots are not asked for. */
    static Path save(Scene scene, String name) throws IOException {
        String folder = System.getProperty(FOLDER);
        if (folder == null || folder.isBlank()) {
            return null;
        }
        Path dir = Path.of(folder);
        Files.createDirectories(dir);
        AtomicReference<WritableImage> image = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> image.set(scene.snapshot(null)));
        WaitForAsyncUtils.waitForFxEvents();
        Path file = dir.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", file.toFile());
        return file;
    }
}

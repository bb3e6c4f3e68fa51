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

/** Saves a snapshot of a scene as PNG under the folder named by {@code poet.screenshots}. */
final class Screenshots {
    private Screenshots() {
    }

    static Path save(Scene scene, String name) throws IOException {
        Path dir = Path.of(System.getProperty("poet.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        AtomicReference<WritableImage> image = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> image.set(scene.snapshot(null)));
        WaitForAsyncUtils.waitForFxEvents();
        Path file = dir.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", file.toFile());
        return file;
    }
}

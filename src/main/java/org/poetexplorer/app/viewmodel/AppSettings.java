package org.poetexplorer.app.viewmodel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.io.AtomicFiles;

/**
 * What the window remembers between runs: size and position, split positions and recent
 * files. Kept as JSON in {@code settings.json} under the folder named by the system property
 * {@code poet.settings.dir}, or {@code ~/.poet-explorer}. An unreadable file gives defaults.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class AppSettings {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public double windowX = Double.NaN;
    public double windowY = Double.NaN;
    public double windowWidth = 1400;
    public double windowHeight = 880;
    public boolean maximized;
    public double leftSplit = 0.24;
    public List<Double> centerSplits = new ArrayList<>(List.of(0.42, 0.70));
    public List<String> recentFiles = new ArrayList<>();
    /** The session last saved or opened, reopened on start (null: start with the defaults). */
    public String lastSession;

    public static Path folder() {
        String dir = System.getProperty("poet.settings.dir");
        return dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".poet-explorer");
    }

    public static Path file() {
        return folder().resolve("settings.json");
    }

    /** The saved settings, or defaults when there are none or they cannot be read. */
    public static AppSettings load() {
        Path f = file();
        if (!Files.isRegularFile(f)) {
            return new AppSettings();
        }
        try {
            AppSettings s = MAPPER.readValue(f.toFile(), AppSettings.class);
            if (s.centerSplits == null || s.centerSplits.size() != 2) {
                s.centerSplits = new ArrayList<>(List.of(0.42, 0.70));
            }
            if (s.recentFiles == null) {
                s.recentFiles = new ArrayList<>();
            }
            return s;
        } catch (IOException e) {
            System.err.println("POET Explorer: ignoring unreadable settings " + f + ": " + e.getMessage());
            return new AppSettings();
        }
    }

    /** Writes the settings atomically (temporary file, then move): a failed save leaves the old file. */
    public void save() throws IOException {
        Path f = file();
        Files.createDirectories(f.getParent());
        AtomicFiles.writeString(f, json());
    }

    /**
     * The settings as the file holds them. The first call makes Jackson's writer for this class
     * (tens of milliseconds: reflection, classes loaded); the app makes that call before the
     * JavaFX thread runs, so a save there (opening a session remembers it) costs only the write.
     */
    public String json() throws IOException {
        return MAPPER.writeValueAsString(this);
    }
}

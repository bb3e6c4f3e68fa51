package org.poetexplorer.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSettingsTest {
    @TempDir
    Path dir;
    private String saved;

    @BeforeEach
    void pointSettingsAtATempFolder() {
        saved = System.getProperty("poet.settings.dir");
        System.setProperty("poet.settings.dir", dir.toString());
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty("poet.settings.dir");
        } else {
            System.setProperty("poet.settings.dir", saved);
        }
    }

    @Test
    void windowSplitsAndRecentFilesSurviveARestart() throws Exception {
        AppSettings s = new AppSettings();
        s.windowWidth = 1234;
        s.windowHeight = 777;
        s.windowX = 10;
        s.leftSplit = 0.3;
        s.centerSplits = List.of(0.5, 0.8);
        s.recentFiles = List.of("/tmp/a.json", "/tmp/b.json");
        s.save();
        AppSettings back = AppSettings.load();
        assertEquals(1234, back.windowWidth);
        assertEquals(777, back.windowHeight);
        assertEquals(10, back.windowX);
        assertEquals(0.3, back.leftSplit);
        assertEquals(List.of(0.5, 0.8), back.centerSplits);
        assertEquals(List.of("/tmp/a.json", "/tmp/b.json"), back.recentFiles);
    }

    @Test
    void anUnreadableSettingsFileGivesTheDefaults() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{ not json");
        AppSettings s = AppSettings.load();
        assertEquals(new AppSettings().windowWidth, s.windowWidth);
        assertEquals(List.of(), s.recentFiles);
    }
}

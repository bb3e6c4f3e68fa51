package org.poetexplorer.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.poetexplorer.app.viewmodel.AppSettings;
import org.poetexplorer.app.viewmodel.ExplorerViewModel;

/**
 * POET Explorer, the desktop app: opens with resnet18_cifar on the a72 at 60 % of the plain
 * peak RAM and 1.5x runtime, solved. Remembers window geometry, split positions and recent
 * files between runs ({@link AppSettings}); the window opens on a screen there is now, never
 * larger than it ({@link WindowPlacement}). {@code -Dpoet.fxStallLog=FILE} logs the JavaFX
 * thread's stalls ({@link FxStallMonitor}).
 */
public class PoetExplorerApp extends Application {
    public static final String TITLE = "POET Explorer";

    private AppSettings settings;
    private ExplorerViewModel viewModel;
    private MainView view;
    private Stage stage;
    private FxStallMonitor stallMonitor;

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void init() {
        settings = AppSettings.load();
        try {
            settings.json(); // makes the settings' writer here, off the JavaFX thread, which saves them
        } catch (IOException e) {
            System.err.println("POET Explorer: the settings cannot be written as JSON: " + e.getMessage());
        }
    }

    @Override
    public void start(Stage primary) {
        if (settings == null) {
            settings = AppSettings.load();
        }
        stage = primary;
        stallMonitor = FxStallMonitor.startIfAsked();
        viewModel = new ExplorerViewModel(settings);
        for (String f : settings.recentFiles) {
            viewModel.recentFiles().files().add(Path.of(f));
        }
        view = new MainView(viewModel, uri -> getHostServices().showDocument(uri));
        List<Rectangle2D> screens = new ArrayList<>();
        screens.add(Screen.getPrimary().getVisualBounds());
        Screen.getScreens().stream().filter(sc -> sc != Screen.getPrimary()).forEach(sc -> screens.add(sc.getVisualBounds()));
        WindowPlacement place = WindowPlacement.of(settings.windowX, settings.windowY, settings.windowWidth,
                settings.windowHeight, screens);
        Scene scene = new Scene(view, place.width(), place.height());
        scene.getStylesheets().add(PoetExplorerApp.class.getResource("explorer.css").toExternalForm());
        primary.setScene(scene);
        primary.setMinWidth(Math.min(900, place.width()));
        primary.setMinHeight(Math.min(600, place.height()));
        primary.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            var g = viewModel.inputs().graphProperty().get();
            var d = viewModel.inputs().deviceProperty().get();
            return g == null || d == null ? TITLE : TITLE + " \u2014 " + g.name() + " on " + d.id()
                    + (viewModel.inputs().deviceEditedProperty().get() ? " (edited)" : "");
        }, viewModel.inputs().graphProperty(), viewModel.inputs().deviceProperty(),
                viewModel.inputs().deviceEditedProperty()));
        var icon = PoetExplorerApp.class.getResourceAsStream("icon.png");
        if (icon != null) {
            primary.getIcons().add(new Image(icon));
        }
        primary.setX(place.x());
        primary.setY(place.y());
        primary.setWidth(place.width());
        primary.setHeight(place.height());
        primary.setMaximized(settings.maximized);
        view.mainSplit().setDividerPositions(settings.leftSplit);
        view.centerSplit().setDividerPositions(settings.centerSplits.get(0), settings.centerSplits.get(1));
        primary.setOnHidden(e -> saveSettings());
        // Styled, laid out and warmed up before it is shown: the first time costs a second or more
        // (classes loaded, skins made), which would otherwise stall a window already on screen.
        view.applyCss();
        view.layout();
        WarmUp.run(view.nodeTable(), view.inputs().deviceSheet());
        List<Runnable> putBack = view.takeOutParts();
        primary.show();
        if (stallMonitor != null) {
            stallMonitor.windowShown();
        }
        PulseSteps.run(putBack);
        viewModel.inputs().addSampleProfiles(Path.of("sample-profiles"));
        viewModel.sessions().openLastOrDefaults();
    }

    ExplorerViewModel viewModel() {
        return viewModel;
    }

    MainView view() {
        return view;
    }

    private void saveSettings() {
        if (stage == null || view == null) {
            return;
        }
        settings.maximized = stage.isMaximized();
        if (!stage.isMaximized()) {
            settings.windowX = stage.getX();
            settings.windowY = stage.getY();
            settings.windowWidth = stage.getWidth();
            settings.windowHeight = stage.getHeight();
        }
        double[] main = view.mainSplit().getDividerPositions();
        double[] center = view.centerSplit().getDividerPositions();
        settings.leftSplit = main.length > 0 ? main[0] : settings.leftSplit;
        if (center.length == 2) {
            settings.centerSplits = new ArrayList<>(List.of(center[0], center[1]));
        }
        List<String> recent = new ArrayList<>();
        for (Path p : viewModel.recentFiles().files()) {
            if (Files.exists(p)) {
                recent.add(p.toString());
            }
        }
        settings.recentFiles = recent;
        try {
            settings.save();
        } catch (IOException e) {
            System.err.println("POET Explorer: could not save settings to " + AppSettings.file() + ": " + e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (viewModel != null) {
            viewModel.shutdown();
        }
        if (stallMonitor != null) {
            stallMonitor.finish();
        }
    }
}

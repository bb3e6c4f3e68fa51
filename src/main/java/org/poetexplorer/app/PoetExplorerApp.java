package org.poetexplorer.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.poetexplorer.app.viewmodel.AppSettings;
import org.poetexplorer.app.viewmodel.ExplorerViewModel;

/**
 * POET Explorer, the desktop app: opens with resnet18_cifar on the a72 at 60 % of the plain
 * peak RAM and 1.5x runtime, solved. Remembers window geometry, split positions and recent
 * files between runs ({@link AppSettings}).
 */
public class PoetExplorerApp extends Application {
    public static final String TITLE = "POET Explorer";

    private AppSettings settings;
    private ExplorerViewModel viewModel;
    private MainView view;
    private Stage stage;

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void init() {
        settings = AppSettings.load();
    }

    @Override
    public void start(Stage primary) {
        if (settings == null) {
            settings = AppSettings.load();
        }
        stage = primary;
        viewModel = new ExplorerViewModel(settings);
        for (String f : settings.recentFiles) {
            viewModel.recentFiles().files().add(Path.of(f));
        }
        view = new MainView(viewModel);
        Scene scene = new Scene(view, settings.windowWidth, settings.windowHeight);
        scene.getStylesheets().add(PoetExplorerApp.class.getResource("explorer.css").toExternalForm());
        primary.setScene(scene);
        primary.setMinWidth(900);
        primary.setMinHeight(600);
        primary.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            var g = viewModel.inputs().graphProperty().get();
            var d = viewModel.inputs().deviceProperty().get();
            return g == null || d == null ? TITLE : TITLE + " \u2014 " + g.name() + " on " + d.id();
        }, viewModel.inputs().graphProperty(), viewModel.inputs().deviceProperty()));
        var icon = PoetExplorerApp.class.getResourceAsStream("icon.png");
        if (icon != null) {
            primary.getIcons().add(new Image(icon));
        }
        if (!Double.isNaN(settings.windowX) && !Double.isNaN(settings.windowY)) {
            primary.setX(settings.windowX);
            primary.setY(settings.windowY);
        }
        primary.setMaximized(settings.maximized);
        view.mainSplit().setDividerPositions(settings.leftSplit);
        view.centerSplit().setDividerPositions(settings.centerSplits.get(0), settings.centerSplits.get(1));
        primary.setOnHidden(e -> saveSettings());
        primary.show();
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
    }
}

package org.poetexplorer.app;

import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.solver.SolveResult;

/** The status bar: what the solver is doing or found, the elapsed time while solving, and a cancel button. */
final class StatusView extends StatusBar {
    private final Label badge = new Label();
    private final Label text = new Label();
    private final Label elapsed = new Label();
    private final Button cancel = new Button("Cancel");
    private final Button useMinimalRam = new Button();
    private final Timeline ticker;

    StatusView(ExplorerViewModel vm) {
        setId("statusBar");
        setText("");
        badge.setId("statusBadge");
        badge.getStyleClass().add("badge");
        text.setId("statusText");
        text.textProperty().bind(vm.statusProperty());
        text.setTooltip(new Tooltip("Status of the current solve"));
        elapsed.setId("elapsed");
        elapsed.setTooltip(new Tooltip("Time since this solve started"));
        cancel.setId("cancelButton");
        cancel.setTooltip(new Tooltip("Stop solving and keep the best schedule found so far (Esc)"));
        cancel.setOnAction(e -> vm.cancelSolve());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(vm.solvingProperty());
        spinner.managedProperty().bind(vm.solvingProperty());
        cancel.visibleProperty().bind(vm.solvingProperty());
        cancel.managedProperty().bind(vm.solvingProperty());
        useMinimalRam.setId("useMinimalRam");
        useMinimalRam.setTooltip(new Tooltip("Set the RAM budget to the smallest value known to work"));
        useMinimalRam.setVisible(false);
        useMinimalRam.managedProperty().bind(useMinimalRam.visibleProperty());
        useMinimalRam.setOnAction(e -> {
            Long v = vm.workingRamBytesProperty().get();
            if (v != null) {
                vm.ramBudgetProperty().set(v);
            }
        });
        vm.workingRamBytesProperty().addListener((o, a, v) -> {
            useMinimalRam.setVisible(v != null);
            useMinimalRam.setText(v == null ? "" : "Use " + Quantities.bytes(v));
        });
        getLeftItems().addAll(badge, text, useMinimalRam);
        getRightItems().addAll(spinner, elapsed, cancel);
        ticker = new Timeline(new KeyFrame(Duration.millis(100), e -> showElapsed(vm)));
        ticker.setCycleCount(Timeline.INDEFINITE);
        vm.solvingProperty().addListener((o, a, solving) -> {
            if (solving) {
                ticker.play();
            } else {
                ticker.stop();
                elapsed.setText("");
            }
            showBadge(vm);
        });
        vm.resultProperty().addListener((o, a, b) -> showBadge(vm));
        vm.phaseProperty().addListener((o, a, b) -> showBadge(vm));
    }

    private void showElapsed(ExplorerViewModel vm) {
        double s = (System.nanoTime() - vm.solveStartedNanosProperty().get()) / 1e9;
        elapsed.setText(String.format(Locale.ROOT, "%.1f s", s));
    }

    private void showBadge(ExplorerViewModel vm) {
        badge.getStyleClass().removeIf(c -> c.startsWith("badge-"));
        String label;
        ExplorerViewModel.Phase phase = vm.phaseProperty().get();
        SolveResult r = vm.resultProperty().get();
        if (phase == ExplorerViewModel.Phase.LOADING) {
            label = "LOADING";
        } else if (phase == ExplorerViewModel.Phase.FAILED) {
            label = "ERROR";
        } else if (vm.solvingProperty().get()) {
            label = "SOLVING";
        } else if (r == null) {
            label = "IDLE";
        } else {
            label = r.status().toString();
        }
        badge.setText(label);
        badge.getStyleClass().add("badge-" + label.toLowerCase(Locale.ROOT));
    }
}

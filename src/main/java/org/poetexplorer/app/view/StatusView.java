package org.poetexplorer.app.view;

import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.poetexplorer.app.viewmodel.ExplorerViewModel;
import org.poetexplorer.app.viewmodel.SolvingViewModel;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.solver.SolveResult;

/** The status bar: what the solver is doing or found, the elapsed time while solving, and a cancel button. */
public final class StatusView extends StatusBar {
    private final Label badge = new Label();
    private final Label text = new Label();
    private final Label elapsed = new Label();
    private final Button cancel = new Button("Cancel");
    private final Button useMinimalRam = new Button();
    private final Timeline ticker;

    public StatusView(ExplorerViewModel vm) {
        setId("statusBar");
        setText("");
        badge.setId("statusBadge");
        badge.getStyleClass().add("badge");
        text.setId("statusText");
        // the badge names the status; the line beside it says the rest
        text.textProperty().bind(Bindings.createStringBinding(
                () -> withoutBadgeWord(vm.solving().statusProperty().get(), badge.getText()),
                vm.solving().statusProperty(), badge.textProperty()));
        Tooltip fullLine = new Tooltip();
        fullLine.setWrapText(true);
        fullLine.setMaxWidth(600);
        fullLine.textProperty().bind(vm.solving().statusProperty());
        text.setTooltip(fullLine);
        elapsed.setId("elapsed");
        elapsed.setTooltip(new Tooltip("Time since this solve started"));
        cancel.setId("cancelButton");
        cancel.setTooltip(new Tooltip("Stop solving and keep the best schedule found so far (Esc)"));
        cancel.setOnAction(e -> vm.solving().cancelSolve());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(vm.solving().solvingProperty());
        spinner.managedProperty().bind(vm.solving().solvingProperty());
        cancel.visibleProperty().bind(vm.solving().solvingProperty());
        cancel.managedProperty().bind(vm.solving().solvingProperty());
        useMinimalRam.setId("useMinimalRam");
        useMinimalRam.setTooltip(new Tooltip("Set the RAM budget to the smallest value known to work"));
        useMinimalRam.setVisible(false);
        useMinimalRam.managedProperty().bind(useMinimalRam.visibleProperty());
        useMinimalRam.setOnAction(e -> {
            Long v = vm.solving().workingRamBytesProperty().get();
            if (v != null) {
                vm.inputs().ramBudgetProperty().set(v);
            }
        });
        vm.solving().workingRamBytesProperty().addListener((o, a, v) -> {
            useMinimalRam.setVisible(v != null);
            useMinimalRam.setText(v == null ? "" : "Use " + Quantities.bytes(v));
        });
        getLeftItems().addAll(badge, text, useMinimalRam);
        getRightItems().addAll(spinner, elapsed, cancel);
        ticker = new Timeline(new KeyFrame(Duration.millis(100), e -> showElapsed(vm)));
        ticker.setCycleCount(Timeline.INDEFINITE);
        vm.solving().solvingProperty().addListener((o, a, solving) -> {
            if (solving) {
                ticker.play();
            } else {
                ticker.stop();
                elapsed.setText("");
            }
            showBadge(vm);
        });
        vm.solving().resultProperty().addListener((o, a, b) -> showBadge(vm));
        vm.solving().phaseProperty().addListener((o, a, b) -> showBadge(vm));
    }

    /** {@code line} without its leading status word when the badge already shows it. */
    static String withoutBadgeWord(String line, String badgeWord) {
        if (line == null || badgeWord == null || badgeWord.isEmpty()) {
            return line;
        }
        for (String lead : new String[] {"", "Stopped: "}) {
            String prefix = lead + badgeWord;
            if (line.startsWith(prefix)) {
                String rest = line.substring(prefix.length()).replaceFirst("^(: |, | \\| )", "");
                return lead.isEmpty() ? rest : "Stopped" + (rest.isEmpty() ? "" : ", " + rest);
            }
        }
        return line;
    }

    private void showElapsed(ExplorerViewModel vm) {
        double s = (System.nanoTime() - vm.solving().solveStartedNanosProperty().get()) / 1e9;
        elapsed.setText(String.format(Locale.ROOT, "%.1f s", s));
    }

    private void showBadge(ExplorerViewModel vm) {
        badge.getStyleClass().removeIf(c -> c.startsWith("badge-"));
        String label;
        SolvingViewModel.Phase phase = vm.solving().phaseProperty().get();
        SolveResult r = vm.solving().resultProperty().get();
        if (phase == SolvingViewModel.Phase.LOADING) {
            label = "LOADING";
        } else if (phase == SolvingViewModel.Phase.FAILED) {
            label = "ERROR";
        } else if (vm.solving().solvingProperty().get()) {
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

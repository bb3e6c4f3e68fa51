package org.poetexplorer.app.view;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polygon;
import org.controlsfx.control.ToggleSwitch;
import org.poetexplorer.app.viewmodel.ExplorerViewModel;
import org.poetexplorer.app.viewmodel.InputsViewModel;
import org.poetexplorer.model.Allowance;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;

/**
 * The budgets: RAM on a log-scale slider from the largest single activation to above the
 * plain schedule's peak (which is marked), with an exact text field; runtime as a multiple of
 * the plain step; paging and rematerialization switches.
 */
public final class BudgetPane extends VBox {
    private final ExplorerViewModel vm;
    /** An arrow key moves the RAM budget by 5 %, Page Up or Down by 25 % (the slider is log10 of bytes). */
    static final double RAM_KEY_STEP = Math.log10(1.05);
    static final double RAM_PAGE_STEP = Math.log10(1.25);
    /** An arrow key moves the runtime budget by 0.05x of a plain step, Page Up or Down by 0.5x. */
    static final double RUNTIME_KEY_STEP = 0.05;
    static final double RUNTIME_PAGE_STEP = 0.5;

    private final Slider ramSlider = new Slider();
    private final TextField ramField = new TextField();
    private final Label ramValue = new Label();
    private final Tooltip ramValueTip = new Tooltip();
    private final Pane peakMarker = new Pane();
    private final Label peakLabel = new Label();
    private final Polygon peakArrow = new Polygon(0, 0, 5, 7, -5, 7);
    private final Slider runtimeSlider = new Slider(InputsViewModel.MIN_RUNTIME_RATIO,
            InputsViewModel.MAX_RUNTIME_RATIO, InputsViewModel.DEFAULT_RUNTIME_RATIO);
    private final TextField runtimeField = new TextField();
    private boolean syncing;

    public BudgetPane(ExplorerViewModel vm) {
        super(6);
        this.vm = vm;
        setPadding(new Insets(4));
        ramSlider.setId("ramSlider");
        ramField.setId("ramField");
        runtimeSlider.setId("runtimeSlider");
        runtimeField.setId("runtimeField");

        Label ramTitle = new Label("RAM budget");
        ramTitle.getStyleClass().add("field-title");
        ramTitle.setMinWidth(Region.USE_PREF_SIZE);
        ramValue.getStyleClass().add("value");
        ramValue.setId("ramValue");
        ramValue.setTooltip(ramValueTip);
        // a narrow panel (1280x720, with its scroll bar) wraps the share of the peak under the bytes
        ramValue.setWrapText(true);
        HBox ramHeader = new HBox(8, ramTitle, spacer(), ramValue);
        ramSlider.setTooltip(new Tooltip("RAM for activations, on a log scale from the largest single activation to "
                + "above the plain schedule's peak (marked below). Dragging re-solves. Arrow keys: 5 %; Page Up/Down: 25 %."));
        ramField.setTooltip(new Tooltip("Exact RAM budget: bytes, or with a unit (1.5MB, 512KiB). Enter applies."));
        ramField.setPrefColumnCount(10);
        peakArrow.getStyleClass().add("peak-arrow");
        peakLabel.getStyleClass().add("peak-label");
        peakMarker.getChildren().addAll(peakArrow, peakLabel);
        peakMarker.setPrefHeight(24);
        peakMarker.setMinHeight(24);
        Tooltip.install(peakMarker, new Tooltip("Peak RAM of the plain schedule: from here up no trick is needed."));
        peakMarker.widthProperty().addListener((o, a, b) -> placePeakMarker());
        ramSlider.minProperty().addListener((o, a, b) -> placePeakMarker());
        ramSlider.maxProperty().addListener((o, a, b) -> placePeakMarker());

        steps(ramSlider, RAM_KEY_STEP, RAM_PAGE_STEP);
        steps(runtimeSlider, RUNTIME_KEY_STEP, RUNTIME_PAGE_STEP);

        Label rtTitle = new Label("Runtime budget");
        rtTitle.getStyleClass().add("field-title");
        runtimeSlider.setMajorTickUnit(1);
        runtimeSlider.setMinorTickCount(1);
        runtimeSlider.setShowTickMarks(true);
        runtimeSlider.setShowTickLabels(true);
        runtimeSlider.setTooltip(new Tooltip("Compute time allowed, as a multiple of one plain training step "
                + "(1.0x: no recomputation). Arrow keys: 0.05x; Page Up/Down: 0.5x."));
        runtimeField.setTooltip(new Tooltip("Exact runtime budget in plain steps, at least 1 (1.5 or 1.5x). "
                + "Enter applies."));
        runtimeField.setPrefColumnCount(5);

        ToggleSwitch paging = new ToggleSwitch("Paging");
        paging.setId("pagingSwitch");
        paging.selectedProperty().bindBidirectional(vm.inputs().pagingProperty());
        paging.setTooltip(new Tooltip("Allow writing activations to storage and reading them back."));
        ToggleSwitch remat = new ToggleSwitch("Rematerialization");
        remat.setId("rematSwitch");
        remat.selectedProperty().bindBidirectional(vm.inputs().rematProperty());
        remat.setTooltip(new Tooltip("Allow dropping activations and computing them again when needed."));
        CheckBox transfersTakeTime = new CheckBox("Transfers take time");
        transfersTakeTime.setId("transfersTakeTimeCheck");
        transfersTakeTime.selectedProperty().bindBidirectional(vm.inputs().transfersTakeTimeProperty());
        transfersTakeTime.setTooltip(new Tooltip("A stricter device model: page-out and page-in times count against "
                + "the runtime budget, in series with compute. Off: transfers overlap compute and take none of it."));

        GridPane exact = new GridPane();
        exact.setHgap(6);
        exact.setVgap(4);
        exact.addRow(0, new Label("exact"), ramField);
        HBox rtRow = new HBox(6, new Label("x plain step"), runtimeField);
        getChildren().addAll(ramHeader, ramSlider, peakMarker, exact, rtTitle, runtimeSlider, rtRow,
                new HBox(16, paging, remat), transfersTakeTime);

        vm.inputs().graphProperty().addListener((o, a, g) -> updateRange(g));
        vm.inputs().ramBudgetProperty().addListener((o, a, b) -> showRam(b.longValue()));
        ramSlider.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                vm.inputs().ramBudgetProperty().set(LogScale.fromSlider(b.doubleValue()));
            }
        });
        ramField.setOnAction(e -> applyRamField());
        ramField.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                showRam(vm.inputs().ramBudgetProperty().get());
            }
        });
        ramField.textProperty().addListener((o, a, b) -> markValid(ramField, ramProblem(b) == null));

        runtimeSlider.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                vm.inputs().runtimeRatioProperty().set(Math.round(b.doubleValue() * 100) / 100.0);
            }
        });
        vm.inputs().runtimeRatioProperty().addListener((o, a, b) -> showRuntime(b.doubleValue()));
        runtimeField.setOnAction(e -> applyRuntimeField());
        runtimeField.textProperty().addListener((o, a, b) -> markValid(runtimeField, runtimeProblem(b) == null));
        runtimeField.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                showRuntime(vm.inputs().runtimeRatioProperty().get());
            }
        });
        showRuntime(vm.inputs().runtimeRatioProperty().get());
    }

    /** Arrow keys move {@code slider} by {@code key}, Page Up and Page Down by {@code page}. */
    private static void steps(Slider slider, double key, double page) {
        slider.setBlockIncrement(key);
        slider.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.PAGE_UP || e.getCode() == KeyCode.PAGE_DOWN) {
                double by = e.getCode() == KeyCode.PAGE_UP ? page : -page;
                slider.setValue(Math.max(slider.getMin(), Math.min(slider.getMax(), slider.getValue() + by)));
                e.consume();
            }
        });
    }

    private static Pane spacer() {
        Pane p = new Pane();
        HBox.setHgrow(p, Priority.ALWAYS);
        return p;
    }

    public Slider ramSlider() {
        return ramSlider;
    }

    public TextField ramField() {
        return ramField;
    }

    private void updateRange(TrainingGraph g) {
        if (g == null) {
            return;
        }
        long peak = Math.max(vm.inputs().plainPeakBytesProperty().get(), 2);
        long low = Math.max(1, Math.min(g.largestActivationBytes(), peak - 1));
        syncing = true;
        try {
            ramSlider.setMin(LogScale.toSlider(low));
            ramSlider.setMax(LogScale.toSlider((long) (peak * 1.25)));
            ramSlider.setValue(LogScale.toSlider(vm.inputs().ramBudgetProperty().get()));
        } finally {
            syncing = false;
        }
        placePeakMarker();
    }

    private void placePeakMarker() {
        long peak = vm.inputs().plainPeakBytesProperty().get();
        double range = ramSlider.getMax() - ramSlider.getMin();
        if (peak <= 0 || range <= 0) {
            return;
        }
        double thumb = 8;
        double usable = peakMarker.getWidth() - 2 * thumb;
        double x = thumb + (LogScale.toSlider(peak) - ramSlider.getMin()) / range * usable;
        peakArrow.setLayoutX(x);
        peakArrow.setLayoutY(1);
        peakLabel.setText("plain peak " + Quantities.bytes(peak));
        peakLabel.applyCss();
        double w = peakLabel.prefWidth(-1);
        peakLabel.resize(w, peakLabel.prefHeight(-1));
        peakLabel.relocate(Math.max(0, Math.min(x - w / 2, peakMarker.getWidth() - w)), 8);
    }

    private void showRam(long bytes) {
        syncing = true;
        try {
            ramSlider.setValue(LogScale.toSlider(bytes));
        } finally {
            syncing = false;
        }
        long peak = vm.inputs().plainPeakBytesProperty().get();
        ramValue.setText(Quantities.bytes(bytes) + (peak > 0
                ? String.format(Locale.ROOT, "  (%.0f %% of peak)", 100.0 * bytes / peak) : ""));
        ramValueTip.setText(String.format(Locale.ROOT, "RAM budget %,d B", bytes) + (peak > 0
                ? String.format(Locale.ROOT, ": %.1f %% of the plain schedule's peak RAM (%s)", 100.0 * bytes / peak,
                        Quantities.bytes(peak)) : ""));
        if (!ramField.isFocused() || ramProblem(ramField.getText()) == null) {
            ramField.setText(Long.toString(bytes));
        }
    }

    /** Why {@code parse} refuses {@code text}, or null when it takes it. */
    private static String problem(Consumer<String> parse, String text) {
        try {
            parse.accept(text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String ramProblem(String text) {
        return problem(Quantities::parseBytes, text);
    }

    private void applyRamField() {
        if (applies("RAM budget", ramField, Quantities::parseBytes)) {
            vm.inputs().ramBudgetProperty().set(Quantities.parseBytes(ramField.getText()));
            ramField.setText(Long.toString(vm.inputs().ramBudgetProperty().get()));
        }
    }

    /** True when {@code parse} takes the field's text; otherwise the notice says why and nothing changes. */
    private boolean applies(String field, TextField f, Consumer<String> parse) {
        String p = problem(parse, f.getText());
        if (p != null) {
            vm.notices().inputError(field, p);
        }
        return p == null;
    }

    private static String runtimeProblem(String text) {
        return problem(Allowance::parseRuntimeRatio, text);
    }

    private void applyRuntimeField() {
        if (applies("runtime budget", runtimeField, Allowance::parseRuntimeRatio)) {
            vm.inputs().runtimeRatioProperty().set(Allowance.parseRuntimeRatio(runtimeField.getText()));
        }
    }

    private void showRuntime(double ratio) {
        syncing = true;
        try {
            runtimeSlider.setValue(ratio);
        } finally {
            syncing = false;
        }
        if (!runtimeField.isFocused() || runtimeProblem(runtimeField.getText()) == null) {
            runtimeField.setText(String.format(Locale.ROOT, "%.2f", ratio));
        }
    }

    private static void markValid(TextField f, boolean valid) {
        f.getStyleClass().remove("invalid");
        if (!valid) {
            f.getStyleClass().add("invalid");
        }
    }
}

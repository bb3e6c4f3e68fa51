package org.poetexplorer.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.poetexplorer.app.viewmodel.ExplorerViewModel;
import org.poetexplorer.app.viewmodel.InputsViewModel;
import org.poetexplorer.io.DeviceSource;
import org.poetexplorer.io.NetworkSource;
import org.poetexplorer.io.onnx.ImportOptions;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;

/** The left side: network and device pickers, the device sheet, the network summary, budgets and solver settings. */
public final class InputsView extends VBox {
    private final ComboBox<NetworkSource> networkPicker = new ComboBox<>();
    private final ComboBox<DeviceSource> devicePicker = new ComboBox<>();
    private final BudgetPane budgets;
    private final DeviceSheet sheet;
    private final GridPane summary = new GridPane();
    private final List<Label> summaryValues = new ArrayList<>();
    private boolean syncing;

    public InputsView(ExplorerViewModel vm, Runnable openNetwork, Runnable openDevice) {
        this(vm, openNetwork, openDevice, () -> { });
    }

    /** @param saveDevice asks for a file and saves the edited device profile there */
    public InputsView(ExplorerViewModel vm, Runnable openNetwork, Runnable openDevice, Runnable saveDevice) {
        setId("inputs");
        setPadding(new Insets(0));
        budgets = new BudgetPane(vm);

        HBox networkRow = pickerRow(networkPicker, "networkPicker", vm.inputs().networks(),
                "Network to train: the built-in catalog, or a network file you opened.",
                "Open a network file (JSON or ONNX) (Ctrl+O)", openNetwork, vm.inputs()::selectNetwork,
                vm.inputs().networkProperty());

        summary.setId("networkSummary");
        summary.setHgap(10);
        summary.setVgap(2);
        vm.inputs().graphProperty().addListener((o, a, g) -> showSummary(g, vm));
        VBox networkBox = new VBox(6, networkRow, summary);
        networkBox.setPadding(new Insets(4));

        HBox deviceRow = pickerRow(devicePicker, "devicePicker", vm.inputs().devices(),
                "Device profile: built-in, sample profiles, or a profile file you opened.",
                "Open a device profile file (JSON) (Ctrl+D)", openDevice, vm.inputs()::selectDevice,
                vm.inputs().deviceChoiceProperty());
        vm.inputs().loadFailuresProperty().addListener((o, a, b) -> sync(() -> {
            networkPicker.setValue(vm.inputs().networkProperty().get());
            devicePicker.setValue(vm.inputs().deviceChoiceProperty().get());
        }));
        sheet = new DeviceSheet(vm);
        sheet.setPrefHeight(230);
        Label deviceName = new Label();
        deviceName.getStyleClass().add("muted");
        deviceName.setWrapText(true);
        Tooltip deviceSource = new Tooltip();
        deviceSource.setWrapText(true);
        deviceSource.setMaxWidth(420);
        deviceName.setTooltip(deviceSource);
        vm.inputs().deviceProperty().addListener((o, a, d) -> {
            deviceName.setText(d == null ? "" : d.name() + (vm.inputs().deviceEditedProperty().get()
                    ? " \u2014 edited" : ""));
            deviceSource.setText(d == null || d.source().isEmpty() ? "Device profile" : "Source: " + d.source());
        });
        Label problem = new Label();
        problem.setId("deviceProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.textProperty().bind(sheet.problemProperty());
        problem.visibleProperty().bind(sheet.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        Button reset = new Button("Reset");
        reset.setId("resetDevice");
        reset.setTooltip(new Tooltip("Drop the edits: the profile as it was loaded"));
        reset.setOnAction(e -> vm.inputs().resetDevice());
        Button saveAs = new Button("Save as Profile...");
        saveAs.setId("saveDeviceProfile");
        saveAs.setTooltip(new Tooltip("Save the edited figures as a device profile file and use it"));
        saveAs.setOnAction(e -> saveDevice.run());
        HBox editedRow = new HBox(6, reset, saveAs);
        editedRow.visibleProperty().bind(vm.inputs().deviceEditedProperty());
        editedRow.managedProperty().bind(editedRow.visibleProperty());
        VBox deviceBox = new VBox(6, deviceRow, deviceName, editedRow, problem, sheet);
        deviceBox.setPadding(new Insets(4));

        TitledPane net = new TitledPane("Network", networkBox);
        TitledPane dev = new TitledPane("Device", deviceBox);
        TitledPane bud = new TitledPane("Budgets", budgets);
        TitledPane adv = new TitledPane("Advanced", advanced(vm));
        adv.setExpanded(false);
        getChildren().addAll(net, bud, dev, adv);
    }

    /**
     * A picker with its "Open..." button: picking a choice calls {@code select}, and the picker
     * follows {@code loaded}, the choice actually loaded.
     */
    private <T> HBox pickerRow(ComboBox<T> picker, String id, ObservableList<T> choices, String tip, String openTip,
            Runnable open, Consumer<T> select, ObservableValue<T> loaded) {
        picker.setId(id);
        picker.setItems(choices);
        // the box names the choice loaded, also one (an opened file) added to the list as it loads
        picker.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                T shown = picker.getValue();
                setText(shown == null ? null : shown.toString());
            }
        });
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setTooltip(new Tooltip(tip));
        Button openButton = new Button("Open...");
        openButton.setTooltip(new Tooltip(openTip));
        openButton.setOnAction(e -> open.run());
        // a long name (a file) shortens in the picker, never the button ("Ope..." at 1280x720)
        openButton.setMinWidth(Region.USE_PREF_SIZE);
        picker.setMinWidth(0);
        HBox.setHgrow(picker, Priority.ALWAYS);
        picker.valueProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                select.accept(b);
            }
        });
        loaded.addListener((o, a, b) -> sync(() -> picker.setValue(b)));
        return new HBox(6, picker, openButton);
    }

    private void sync(Runnable r) {
        syncing = true;
        try {
            r.run();
        } finally {
            syncing = false;
        }
    }

    public DeviceSource devicePickerValue() {
        return devicePicker.getValue();
    }

    public DeviceSheet deviceSheet() {
        return sheet;
    }

    public BudgetPane budgets() {
        return budgets;
    }

    /** Shows {@code g}'s figures in the summary's labels (made once: a load only changes their text). */
    private void showSummary(TrainingGraph g, ExplorerViewModel vm) {
        summary.setVisible(g != null);
        if (g == null) {
            return;
        }
        if (summary.getChildren().isEmpty()) {
            row(0, "nodes", "Nodes of the training graph: forward layers, loss and gradients");
            row(1, "parameters", "Parameter memory; not part of the RAM budget");
            row(2, "plain-step energy", "Energy of one training step computing every node once: no schedule needs "
                    + "less");
            row(3, "plain-step runtime", "Compute time of one plain step: the runtime budget is a multiple of it");
            row(4, "plain peak RAM", "Peak RAM of the plain schedule: from this budget up no trick is needed");
            row(5, "largest activation", "The largest single output: the RAM slider starts here");
        }
        summaryValues.get(0).setText(g.size() + " (" + g.edgeCount() + " edges)");
        summaryValues.get(1).setText(Quantities.bytes(g.paramBytes()));
        summaryValues.get(2).setText(Quantities.energy(g.plainEnergyJ()));
        summaryValues.get(3).setText(Quantities.duration(g.plainRuntimeS()));
        summaryValues.get(4).setText(Quantities.bytes(vm.inputs().plainPeakBytesProperty().get()));
        summaryValues.get(5).setText(Quantities.bytes(g.largestActivationBytes()));
    }

    private void row(int r, String name, String tip) {
        Label n = new Label(name);
        n.setTooltip(new Tooltip(tip));
        n.getStyleClass().add("muted");
        Label v = new Label();
        v.getStyleClass().add("value");
        v.setId("summary-" + name.replace(' ', '-'));
        v.setTooltip(new Tooltip(tip));
        summary.addRow(r, n, v);
        summaryValues.add(v);
    }

    private static GridPane advanced(ExplorerViewModel vm) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(4));
        ComboBox<String> solver = new ComboBox<>();
        solver.setId("solverPicker");
        solver.getItems().setAll(vm.inputs().solverNames());
        solver.valueProperty().bindBidirectional(vm.inputs().solverProperty());
        solver.setTooltip(new Tooltip("MILP backend for the exact solve (a fast heuristic schedule is shown first)."));
        Spinner<Integer> threads = new Spinner<>(1, Math.max(1, Runtime.getRuntime().availableProcessors() * 2),
                vm.inputs().threadsProperty().get());
        threads.setId("threadsSpinner");
        threads.setEditable(true);
        threads.valueProperty().addListener((o, a, b) -> vm.inputs().threadsProperty().set(b));
        vm.inputs().threadsProperty().addListener((o, a, b) -> threads.getValueFactory().setValue(b.intValue()));
        threads.setTooltip(new Tooltip("Solver threads."));
        Spinner<Double> limit = new Spinner<>();
        limit.setId("timeLimitSpinner");
        limit.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(1, 3600, vm.inputs().timeLimitProperty().get(), 5));
        limit.setEditable(true);
        limit.valueProperty().addListener((o, a, b) -> vm.inputs().timeLimitProperty().set(b));
        vm.inputs().timeLimitProperty().addListener((o, x, y) -> limit.getValueFactory().setValue(y.doubleValue()));
        limit.setTooltip(new Tooltip("Wall-clock limit of a solve in seconds. The best schedule found so "
                + "far is kept, with its gap."));
        Spinner<Double> gap = new Spinner<>();
        gap.setId("gapToleranceSpinner");
        gap.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 10,
                vm.inputs().gapToleranceProperty().get() * 100, 0.05));
        gap.setEditable(true);
        gap.valueProperty().addListener((o, a, b) -> vm.inputs().gapToleranceProperty().set(b / 100));
        vm.inputs().gapToleranceProperty().addListener((o, a, b) -> gap.getValueFactory().setValue(b.doubleValue() * 100));
        gap.setTooltip(new Tooltip(String.format(Locale.ROOT, "Stop the exact search once the schedule is within this "
                + "many per cent of the proven lower bound (FEASIBLE with its gap); 0: search until OPTIMAL is proven. "
                + "Default %s %%.", InputsViewModel.DEFAULT_GAP_TOLERANCE * 100)));
        grid.addRow(0, new Label("solver"), solver);
        grid.addRow(1, new Label("threads"), threads);
        grid.addRow(2, new Label("time limit (s)"), limit);
        grid.addRow(3, new Label("gap tolerance (%)"), gap);
        Label note = new Label(String.format(Locale.ROOT, "%d cores here", Runtime.getRuntime().availableProcessors()));
        note.getStyleClass().add("muted");
        grid.add(note, 1, 4);
        Spinner<Integer> batch = new Spinner<>(0, 1 << 20, (int) vm.inputs().onnxImportProperty().get().batch());
        batch.setId("onnxBatchSpinner");
        batch.setEditable(true);
        batch.setTooltip(new Tooltip("Batch size an ONNX model is costed for (0: the model's own, else 1). "
                + "An open ONNX model is imported again."));
        CheckBox estimate = new CheckBox("estimate unsupported operators");
        estimate.setId("onnxEstimateBox");
        estimate.setSelected(vm.inputs().onnxImportProperty().get().unsupported() == ImportOptions.Unsupported.ESTIMATE);
        estimate.setTooltip(new Tooltip("ONNX operators without a cost rule: cost them by the conservative estimate "
                + "of docs/file-formats.md instead of refusing the model."));
        Runnable apply = () -> vm.inputs().setOnnxImport(vm.inputs().onnxImportProperty().get().withBatch(batch.getValue())
                .withUnsupported(estimate.isSelected() ? ImportOptions.Unsupported.ESTIMATE
                        : ImportOptions.Unsupported.FAIL));
        batch.valueProperty().addListener((o, a, b) -> apply.run());
        estimate.selectedProperty().addListener((o, a, b) -> apply.run());
        grid.addRow(5, new Label("ONNX batch"), batch);
        grid.add(estimate, 0, 6, 2, 1);
        grid.addRow(7, new Label("time unit"), timeUnitField(vm));
        // the names keep their width in a narrow panel; the fields give way (they need fewer columns than they ask for)
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.SOMETIMES);
        grid.getColumnConstraints().setAll(names, fields);
        for (Spinner<?> s : List.of(threads, limit, gap, batch)) {
            s.getEditor().setPrefColumnCount(6);
        }
        return grid;
    }

    /** How long one runtime unit of a node-link graph lasts; an open file is read again with it. */
    private static TextField timeUnitField(ExplorerViewModel vm) {
        TextField field = new TextField(Quantities.duration(vm.inputs().onnxImportProperty().get().timeUnitS()));
        field.setId("timeUnitField");
        field.setPrefColumnCount(6);
        field.setTooltip(new Tooltip("Node-link graphs (Checkmate, Moccasin, poet generate): how long one runtime "
                + "unit (cost_cpu, duration) lasts, e.g. 1 ms or 10 us. An open network file is read again."));
        Runnable commit = () -> {
            try {
                double seconds = Quantities.parseSeconds(field.getText());
                vm.inputs().setOnnxImport(vm.inputs().onnxImportProperty().get().withTimeUnit(seconds));
            } catch (IllegalArgumentException e) {
                vm.notices().inputError("time unit", e.getMessage());
            }
            field.setText(Quantities.duration(vm.inputs().onnxImportProperty().get().timeUnitS()));
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commit.run();
            }
        });
        return field;
    }
}

package org.poetexplorer.app;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.poetexplorer.io.DeviceSource;
import org.poetexplorer.io.NetworkSource;
import org.poetexplorer.io.onnx.ImportOptions;
import org.poetexplorer.model.Quantities;
import org.poetexplorer.model.TrainingGraph;

/** The left side: network and device pickers, the device sheet, the network summary, budgets and solver settings. */
final class InputsView extends VBox {
    private final ComboBox<NetworkSource> networkPicker = new ComboBox<>();
    private final ComboBox<DeviceSource> devicePicker = new ComboBox<>();
    private final BudgetPane budgets;
    private final GridPane summary = new GridPane();
    private boolean syncing;

    InputsView(ExplorerViewModel vm, Runnable openNetwork, Runnable openDevice) {
        setId("inputs");
        setPadding(new Insets(0));
        budgets = new BudgetPane(vm);

        networkPicker.setId("networkPicker");
        networkPicker.setItems(vm.networks());
        networkPicker.setMaxWidth(Double.MAX_VALUE);
        networkPicker.setTooltip(new Tooltip("Network to train: the built-in catalog, or a network file you opened."));
        Button openNet = new Button("Open...");
        openNet.setTooltip(new Tooltip("Open a network file (JSON or ONNX) (Ctrl+O)"));
        openNet.setOnAction(e -> openNetwork.run());
        HBox.setHgrow(networkPicker, Priority.ALWAYS);
        networkPicker.valueProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                vm.selectNetwork(b);
            }
        });
        vm.networkProperty().addListener((o, a, b) -> sync(() -> networkPicker.setValue(b)));

        summary.setId("networkSummary");
        summary.setHgap(10);
        summary.setVgap(2);
        vm.graphProperty().addListener((o, a, g) -> showSummary(g, vm));
        vm.plainPeakBytesProperty().addListener((o, a, b) -> showSummary(vm.graphProperty().get(), vm));
        VBox networkBox = new VBox(6, new HBox(6, networkPicker, openNet), summary);
        networkBox.setPadding(new Insets(4));

        devicePicker.setId("devicePicker");
        devicePicker.setItems(vm.devices());
        devicePicker.setMaxWidth(Double.MAX_VALUE);
        devicePicker.setTooltip(new Tooltip("Device profile: built-in, sample profiles, or a profile file you opened."));
        Button openDev = new Button("Open...");
        openDev.setTooltip(new Tooltip("Open a device profile file (JSON) (Ctrl+D)"));
        openDev.setOnAction(e -> openDevice.run());
        HBox.setHgrow(devicePicker, Priority.ALWAYS);
        devicePicker.valueProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) {
                vm.selectDevice(b);
            }
        });
        vm.deviceChoiceProperty().addListener((o, a, b) -> sync(() -> devicePicker.setValue(b)));
        vm.loadFailuresProperty().addListener((o, a, b) -> sync(() -> {
            networkPicker.setValue(vm.networkProperty().get());
            devicePicker.setValue(vm.deviceChoiceProperty().get());
        }));
        DeviceSheet sheet = new DeviceSheet(vm);
        sheet.setPrefHeight(230);
        Label deviceName = new Label();
        deviceName.getStyleClass().add("muted");
        deviceName.setWrapText(true);
        Tooltip deviceSource = new Tooltip();
        deviceSource.setWrapText(true);
        deviceSource.setMaxWidth(420);
        deviceName.setTooltip(deviceSource);
        vm.deviceProperty().addListener((o, a, d) -> {
            deviceName.setText(d == null ? "" : d.name());
            deviceSource.setText(d == null || d.source().isEmpty() ? "Device profile" : "Source: " + d.source());
        });
        VBox deviceBox = new VBox(6, new HBox(6, devicePicker, openDev), deviceName, sheet);
        deviceBox.setPadding(new Insets(4));

        TitledPane net = new TitledPane("Network", networkBox);
        TitledPane dev = new TitledPane("Device", deviceBox);
        TitledPane bud = new TitledPane("Budgets", budgets);
        TitledPane adv = new TitledPane("Advanced", advanced(vm));
        adv.setExpanded(false);
        getChildren().addAll(net, bud, dev, adv);
    }

    private void sync(Runnable r) {
        syncing = true;
        try {
            r.run();
        } finally {
            syncing = false;
        }
    }

    DeviceSource devicePickerValue() {
        return devicePicker.getValue();
    }

    BudgetPane budgets() {
        return budgets;
    }

    private void showSummary(TrainingGraph g, ExplorerViewModel vm) {
        summary.getChildren().clear();
        if (g == null) {
            return;
        }
        row(0, "nodes", g.size() + " (" + g.edgeCount() + " edges)", "Nodes of the training graph: forward layers, "
                + "loss and gradients");
        row(1, "parameters", Quantities.bytes(g.paramBytes()), "Parameter memory; not part of the RAM budget");
        row(2, "plain-step energy", Quantities.energy(g.plainEnergyJ()), "Energy of one training step computing every "
                + "node once: no schedule needs less");
        row(3, "plain-step runtime", Quantities.duration(g.plainRuntimeS()), "Compute time of one plain step: the "
                + "runtime "
                + "budget is a multiple of it");
        row(4, "plain peak RAM", Quantities.bytes(vm.plainPeakBytesProperty().get()), "Peak RAM of the plain schedule: "
                + "from this budget up no trick is needed");
        row(5, "largest activation", Quantities.bytes(g.largestActivationBytes()), "The largest single output: the RAM "
                + "slider starts here");
    }

    private void row(int r, String name, String value, String tip) {
        Label n = new Label(name);
        n.setTooltip(new Tooltip(tip));
        n.getStyleClass().add("muted");
        Label v = new Label(value);
        v.getStyleClass().add("value");
        v.setId("summary-" + name.replace(' ', '-'));
        v.setTooltip(new Tooltip(tip));
        summary.addRow(r, n, v);
    }

    private static GridPane advanced(ExplorerViewModel vm) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(4));
        ComboBox<String> solver = new ComboBox<>();
        solver.setId("solverPicker");
        solver.getItems().setAll(vm.solverNames());
        solver.valueProperty().bindBidirectional(vm.solverProperty());
        solver.setTooltip(new Tooltip("MILP backend for the exact solve (a fast heuristic schedule is shown first)."));
        Spinner<Integer> threads = new Spinner<>(1, Math.max(1, Runtime.getRuntime().availableProcessors() * 2),
                vm.threadsProperty().get());
        threads.setId("threadsSpinner");
        threads.setEditable(true);
        threads.valueProperty().addListener((o, a, b) -> vm.threadsProperty().set(b));
        threads.setTooltip(new Tooltip("Solver threads."));
        Spinner<Double> limit = new Spinner<>();
        limit.setId("timeLimitSpinner");
        limit.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 3600, vm.timeLimitProperty().get(), 5));
        limit.setEditable(true);
        limit.valueProperty().addListener((o, a, b) -> vm.timeLimitProperty().set(b));
        limit.setTooltip(new Tooltip("Wall-clock limit of a solve in seconds (0: none). The best schedule found so "
                + "far is kept, with its gap."));
        grid.addRow(0, new Label("solver"), solver);
        grid.addRow(1, new Label("threads"), threads);
        grid.addRow(2, new Label("time limit (s)"), limit);
        Label note = new Label(String.format(Locale.ROOT, "%d cores here", Runtime.getRuntime().availableProcessors()));
        note.getStyleClass().add("muted");
        grid.add(note, 1, 3);
        Spinner<Integer> batch = new Spinner<>(0, 1 << 20, (int) vm.onnxImportProperty().get().batch());
        batch.setId("onnxBatchSpinner");
        batch.setEditable(true);
        batch.setTooltip(new Tooltip("Batch size an ONNX model is costed for (0: the model's own, else 1). "
                + "An open ONNX model is imported again."));
        CheckBox estimate = new CheckBox("estimate unsupported operators");
        estimate.setId("onnxEstimateBox");
        estimate.setSelected(vm.onnxImportProperty().get().unsupported() == ImportOptions.Unsupported.ESTIMATE);
        estimate.setTooltip(new Tooltip("ONNX operators without a cost rule: cost them by the conservative estimate "
                + "of docs/file-formats.md instead of refusing the model."));
        Runnable apply = () -> vm.setOnnxImport(vm.onnxImportProperty().get().withBatch(batch.getValue())
                .withUnsupported(estimate.isSelected() ? ImportOptions.Unsupported.ESTIMATE
                        : ImportOptions.Unsupported.FAIL));
        batch.valueProperty().addListener((o, a, b) -> apply.run());
        estimate.selectedProperty().addListener((o, a, b) -> apply.run());
        grid.addRow(4, new Label("ONNX batch"), batch);
        grid.add(estimate, 1, 5);
        grid.addRow(6, new Label("time unit"), timeUnitField(vm));
        return grid;
    }

    /** How long one runtime unit of a node-link graph lasts; an open file is read again with it. */
    private static TextField timeUnitField(ExplorerViewModel vm) {
        TextField field = new TextField(Quantities.duration(vm.onnxImportProperty().get().timeUnitS()));
        field.setId("timeUnitField");
        field.setPrefColumnCount(6);
        field.setTooltip(new Tooltip("Node-link graphs (Checkmate, Moccasin, poet generate): how long one runtime "
                + "unit (cost_cpu, duration) lasts, e.g. 1 ms or 10 us. An open network file is read again."));
        Runnable commit = () -> {
            try {
                double seconds = Quantities.parseSeconds(field.getText());
                vm.setOnnxImport(vm.onnxImportProperty().get().withTimeUnit(seconds));
            } catch (IllegalArgumentException e) {
                vm.reportInputError("time unit", e.getMessage());
            }
            field.setText(Quantities.duration(vm.onnxImportProperty().get().timeUnitS()));
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

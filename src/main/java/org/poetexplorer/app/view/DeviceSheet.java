package org.poetexplorer.app.view;

import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;
import org.poetexplorer.app.viewmodel.ExplorerViewModel;
import org.poetexplorer.model.Device;

/**
 * The device profile as an editable ControlsFX property sheet, each field named as in the
 * profile file, its value shown with an SI prefix and its unit. Every field is checked against {@link Device#problems} as it is
 * typed (the problem is a line above the sheet, {@link #problemProperty}); a valid edit becomes
 * a new device for the solve. The fields and their editors are made once, for the first device
 * shown: another device only changes the figures in them (making a text field with its skin and
 * styles per field, at every device, took the JavaFX thread tens of milliseconds in one frame).
 * Hidden until there is a device.
 */
public final class DeviceSheet extends PropertySheet {
    private final ExplorerViewModel vm;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final List<Field> fields = List.of(
            new Field("flops", "FLOP/s", "compute speed, FLOP/s", Device::flops),
            new Field("flopsPerJoule", "FLOP/J", "compute efficiency, FLOP per joule", Device::flopsPerJoule),
            new Field("pageInLatency", "s", "seconds per page-in transfer", Device::pageInLatency),
            new Field("pageInThroughput", "B/s", "page-in bytes per second", Device::pageInThroughput),
            new Field("pageOutLatency", "s", "seconds per page-out transfer", Device::pageOutLatency),
            new Field("pageOutThroughput", "B/s", "page-out bytes per second", Device::pageOutThroughput),
            new Field("memoryPower", "W", "watts drawn while paging", Device::memoryPower),
            new Field("bytesPerElement", "B", "bytes per tensor element (4 for float32)", Device::bytesPerElement));
    /** The device whose figures the fields hold (the warm-up's while hidden); null before any. */
    private Device shown;

    public DeviceSheet(ExplorerViewModel vm) {
        this.vm = vm;
        setId("deviceSheet");
        setModeSwitcherVisible(false);
        setSearchBoxVisible(false);
        setMode(PropertySheet.Mode.NAME);
        setPropertyEditorFactory(item -> ((Field) item).editor());
        setVisible(false);
        // a frame after the device: a load's other changes to the window are drawn in a frame of their own
        NextFrame update = new NextFrame(() -> show(vm.inputs().deviceProperty().get()));
        vm.inputs().deviceProperty().addListener((o, a, d) -> update.ask());
    }

    /** What is wrong with the value being typed, as one line to show under the sheet; null when nothing is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * Makes the fields with {@code d}'s figures and lays the sheet out, hidden, before a frame
     * is drawn: their editors, skins and styles are then made before the first loaded device
     * needs them, which only puts its figures in. Does nothing once a device is shown.
     */
    public void rehearse(Device d) {
        if (shown != null) {
            return;
        }
        show(d);
        applyCss();
        layout();
        setVisible(false);
    }

    private void show(Device d) {
        problem.set(null);
        shown = d;
        setVisible(d != null);
        if (d == null) {
            return;
        }
        if (getItems().isEmpty()) {
            getItems().setAll(fields);
        } else {
            fields.forEach(Field::showValue);
        }
    }

    /** A device with one field changed. */
    static Device with(Device d, String field, double v) {
        return new Device(d.id(), d.name(), field.equals("flops") ? v : d.flops(),
                field.equals("flopsPerJoule") ? v : d.flopsPerJoule(),
                field.equals("pageInLatency") ? v : d.pageInLatency(),
                field.equals("pageInThroughput") ? v : d.pageInThroughput(),
                field.equals("pageOutLatency") ? v : d.pageOutLatency(),
                field.equals("pageOutThroughput") ? v : d.pageOutThroughput(),
                field.equals("memoryPower") ? v : d.memoryPower(),
                field.equals("bytesPerElement") ? (int) v : d.bytesPerElement(), d.power(),
                d.source().isEmpty() ? "edited" : d.source() + " (edited)");
    }

    /** The problem with setting {@code field} of {@code d} to {@code v}, or null. */
    static String problem(Device d, String field, double v) {
        if (field.equals("bytesPerElement") && (v != Math.rint(v) || v > Integer.MAX_VALUE)) {
            return "must be a positive whole number (was " + v + ")";
        }
        int bpe = field.equals("bytesPerElement") ? (int) v : d.bytesPerElement();
        List<String> problems = Device.problems(field.equals("flops") ? v : d.flops(),
                field.equals("flopsPerJoule") ? v : d.flopsPerJoule(),
                field.equals("pageInLatency") ? v : d.pageInLatency(),
                field.equals("pageInThroughput") ? v : d.pageInThroughput(),
                field.equals("pageOutLatency") ? v : d.pageOutLatency(),
                field.equals("pageOutThroughput") ? v : d.pageOutThroughput(),
                field.equals("memoryPower") ? v : d.memoryPower(), bpe);
        for (String p : problems) {
            if (p.startsWith(field + ":")) {
                return p.substring(field.length() + 1).trim();
            }
        }
        return null;
    }

    /** One figure of the device shown, with its editor (made when the sheet first lists the field, then kept). */
    private final class Field implements Item {
        private final String name;
        private final String unit;
        private final String description;
        private final ToDoubleFunction<Device> figure;
        private NumberEditor editor;

        Field(String name, String unit, String description, ToDoubleFunction<Device> figure) {
            this.name = name;
            this.unit = unit;
            this.description = description;
            this.figure = figure;
        }

        PropertyEditor<?> editor() {
            if (editor == null) {
                editor = new NumberEditor(this, v -> problem(shown, name, v), whole(), unit, problem::set);
            }
            return editor;
        }

        /** Puts the shown device's figure in the editor, replacing whatever was typed there. */
        void showValue() {
            if (editor != null) {
                editor.setValue(getValue());
            }
        }

        private boolean whole() {
            return name.equals("bytesPerElement");
        }

        @Override
        public Class<?> getType() {
            return whole() ? Integer.class : Double.class;
        }

        @Override
        public String getCategory() {
            return "Device " + shown.id() + (vm.inputs().deviceEditedProperty().get() ? " (edited)" : "");
        }

        /** The field's name in the profile file (its unit is shown with its value). */
        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public Object getValue() {
            double v = figure.applyAsDouble(shown);
            return whole() ? (Object) (int) v : (Object) v;
        }

        @Override
        public void setValue(Object v) {
            double d = ((Number) v).doubleValue();
            if (d == figure.applyAsDouble(shown) || problem(shown, name, d) != null) {
                return;
            }
            vm.inputs().applyDevice(with(shown, name, d));
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }
    }
}

package org.poetexplorer.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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
 * a new device for the solve.
 */
public final class DeviceSheet extends PropertySheet {
    private final ExplorerViewModel vm;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

    public DeviceSheet(ExplorerViewModel vm) {
        this.vm = vm;
        setId("deviceSheet");
        setModeSwitcherVisible(false);
        setSearchBoxVisible(false);
        setMode(PropertySheet.Mode.NAME);
        setPropertyEditorFactory(item -> ((Field) item).editor());
        // a frame after the device: a load's other changes to the window are drawn in a frame of their own
        NextFrame rebuild = new NextFrame(() -> rebuild(vm.inputs().deviceProperty().get()));
        vm.inputs().deviceProperty().addListener((o, a, d) -> rebuild.ask());
    }

    /** What is wrong with the value being typed, as one line to show under the sheet; null when nothing is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * Shows {@code d}'s fields, lays the sheet out and empties it again, all before a frame is
     * drawn (so never seen): the code that makes and styles its editors has then run once before
     * the first loaded device needs it. Does nothing once a device is shown.
     */
    public void rehearse(Device d) {
        if (!getItems().isEmpty()) {
            return;
        }
        rebuild(d);
        applyCss();
        layout();
        getItems().clear();
    }

    private void rebuild(Device d) {
        problem.set(null);
        List<Item> items = new ArrayList<>();
        if (d != null) {
            items.add(new Field(d, "flops", "FLOP/s", "compute speed, FLOP/s", Device::flops));
            items.add(new Field(d, "flopsPerJoule", "FLOP/J", "compute efficiency, FLOP per joule",
                    Device::flopsPerJoule));
            items.add(new Field(d, "pageInLatency", "s", "seconds per page-in transfer", Device::pageInLatency));
            items.add(new Field(d, "pageInThroughput", "B/s", "page-in bytes per second", Device::pageInThroughput));
            items.add(new Field(d, "pageOutLatency", "s", "seconds per page-out transfer", Device::pageOutLatency));
            items.add(new Field(d, "pageOutThroughput", "B/s", "page-out bytes per second",
                    Device::pageOutThroughput));
            items.add(new Field(d, "memoryPower", "W", "watts drawn while paging", Device::memoryPower));
            items.add(new Field(d, "bytesPerElement", "B", "bytes per tensor element (4 for float32)",
                    x -> (double) x.bytesPerElement()));
        }
        getItems().setAll(items);
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

    private final class Field implements Item {
        private final Device device;
        private final String name;
        private final String unit;
        private final String description;
        private final double value;

        Field(Device device, String name, String unit, String description, Function<Device, Double> getter) {
            this.device = device;
            this.name = name;
            this.unit = unit;
            this.description = description;
            this.value = getter.apply(device);
        }

        PropertyEditor<?> editor() {
            return new NumberEditor(this, v -> problem(device, name, v), name.equals("bytesPerElement"), unit,
                    problem::set);
        }

        @Override
        public Class<?> getType() {
            return name.equals("bytesPerElement") ? Integer.class : Double.class;
        }

        @Override
        public String getCategory() {
            return "Device " + device.id() + (vm.inputs().deviceEditedProperty().get() ? " (edited)" : "");
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
            return name.equals("bytesPerElement") ? (Object) (int) value : (Object) value;
        }

        @Override
        public void setValue(Object v) {
            double d = ((Number) v).doubleValue();
            if (d == value || problem(device, name, d) != null) {
                return;
            }
            vm.inputs().applyDevice(with(device, name, d));
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }
    }
}

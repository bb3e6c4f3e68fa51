package org.poetexplorer.app.view;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;

/**
 * A number field for the property sheet that validates as the user types (red with the reason
 * as tooltip) and commits only a valid value, on Enter or when focus leaves.
 */
public final class NumberEditor extends AbstractPropertyEditor<Object, TextField> {
    /** Not initialised in a field initialiser: the super constructor asks for it first. */
    private ObjectProperty<Object> committed;
    private final Function<Double, String> validator;
    private final boolean whole;

    /**
     * @param validator the reason a value is refused, or null when it is fine
     * @param whole true for whole numbers (committed as Integer)
     */
    public NumberEditor(PropertySheet.Item item, Function<Double, String> validator, boolean whole) {
        super(item, new TextField());
        this.validator = validator;
        this.whole = whole;
        TextField f = getEditor();
        f.textProperty().addListener((o, a, b) -> showProblem(problem(b)));
        f.setOnAction(e -> commit());
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit();
            }
        });
    }

    private String problem(String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return "\"" + text + "\" is not a number";
        }
        if (whole && v != Math.rint(v)) {
            return "must be a whole number (was " + text.trim() + ")";
        }
        return validator.apply(v);
    }

    private void showProblem(String p) {
        TextField f = getEditor();
        f.getStyleClass().remove("invalid");
        if (p != null) {
            f.getStyleClass().add("invalid");
            f.setTooltip(new Tooltip(getProperty().getName() + ": " + p));
        } else {
            f.setTooltip(new Tooltip(getProperty().getDescription()));
        }
    }

    private void commit() {
        String text = getEditor().getText();
        if (problem(text) != null) {
            return;
        }
        double v = Double.parseDouble(text.trim());
        Object value = whole ? (Object) (int) v : (Object) v;
        if (!value.equals(committed.get())) {
            committed.set(value);
        }
    }

    @Override
    protected ObservableValue<Object> getObservableValue() {
        if (committed == null) {
            committed = new SimpleObjectProperty<>();
        }
        return committed;
    }

    @Override
    public void setValue(Object value) {
        getObservableValue();
        committed.set(value);
        getEditor().setText(value == null ? "" : format(value));
    }

    static String format(Object value) {
        if (value instanceof Integer) {
            return value.toString();
        }
        double d = ((Number) value).doubleValue();
        String s = String.format(Locale.ROOT, "%.6g", d);
        if (!s.contains("e")) {
            s = s.replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
        }
        return s;
    }
}

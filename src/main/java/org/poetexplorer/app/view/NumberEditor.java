package org.poetexplorer.app.view;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;

/**
 * A number field for the property sheet that validates as the user types (red, with the reason
 * in its tooltip and on the line under the sheet) and commits only a valid value, on Enter or
 * when focus leaves. Values read and show with SI prefixes (2 G, 15 u) rather than e-notation.
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
        this(item, validator, whole, p -> { });
    }

    /** @param problemShown told the line to show under the sheet (null: none) as the user types */
    public NumberEditor(PropertySheet.Item item, Function<Double, String> validator, boolean whole,
            Consumer<String> problemShown) {
        super(item, new TextField());
        this.validator = validator;
        this.whole = whole;
        TextField f = getEditor();
        f.textProperty().addListener((o, a, b) -> {
            String p = problem(b);
            showProblem(p);
            problemShown.accept(p == null ? null : getProperty().getName() + ": " + p);
        });
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
            v = parse(text);
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
        double v = parse(text);
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

    private static final String PREFIXES = "num kMGT";

    /**
     * A value as people write it: up to six significant digits with an SI prefix and no
     * e-notation (2e9 is "2 G", 1.5e-5 is "15 u"); whole numbers below 10,000 as they are.
     */
    static String format(Object value) {
        if (value instanceof Integer) {
            return value.toString();
        }
        double d = ((Number) value).doubleValue();
        if (d == 0 || !Double.isFinite(d)) {
            return d == 0 ? "0" : Double.toString(d);
        }
        int exp = (int) Math.floor(Math.log10(Math.abs(d)) / 3);
        exp = Math.max(-3, Math.min(4, exp));
        if (exp == 1 && Math.abs(d) < 1e4 && d == Math.rint(d)) {
            exp = 0;
        }
        double scaled = d / Math.pow(1000, exp);
        String s = String.format(Locale.ROOT, "%.6g", scaled);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return exp == 0 ? s : s + " " + PREFIXES.charAt(exp + 3);
    }

    /** A number, optionally with an SI prefix (n, u or µ, m, k, M, G, T) after it; e-notation also reads. */
    static double parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        char last = t.charAt(t.length() - 1);
        int exp = PREFIXES.indexOf(last == '\u00b5' ? 'u' : last);
        if (exp >= 0 && last != ' ' && !Character.isDigit(last)) {
            return Double.parseDouble(t.substring(0, t.length() - 1).trim()) * Math.pow(1000, exp - 3);
        }
        return Double.parseDouble(t);
    }
}

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
    /** Not final: the super constructor may show a value before it is set. */
    private String unit = "";

    /**
     * @param validator the reason a value is refused, or null when it is fine
     * @param whole true for whole numbers (committed as Integer)
     */
    public NumberEditor(PropertySheet.Item item, Function<Double, String> validator, boolean whole) {
        this(item, validator, whole, "", p -> { });
    }

    /**
     * @param unit shown after the value (with its SI prefix); typing it is optional
     * @param problemShown told the line to show beside the sheet (null: none) as the user types
     */
    public NumberEditor(PropertySheet.Item item, Function<Double, String> validator, boolean whole, String unit,
            Consumer<String> problemShown) {
        super(item, new TextField());
        this.validator = validator;
        this.whole = whole;
        this.unit = unit;
        TextField f = getEditor();
        // it grows with the sheet; asking for less than the default leaves the field names their width at 1280x720
        f.setPrefColumnCount(8);
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
            v = parse(text, unit);
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
        }
        // one tooltip whose text changes: making one (a popup window) at every keystroke or new value costs
        if (f.getTooltip() == null) {
            f.setTooltip(new Tooltip());
        }
        f.getTooltip().setText(p != null ? getProperty().getName() + ": " + p : getProperty().getDescription());
    }

    private void commit() {
        String text = getEditor().getText();
        if (problem(text) != null) {
            return;
        }
        double v = parse(text, unit);
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
        getEditor().setText(value == null ? "" : format(value, unit == null ? "" : unit));
    }

    private static final String PREFIXES = "num kMGT";

    /**
     * A value as people write it: up to six significant digits with an SI prefix and the unit,
     * no e-notation (2e9 FLOP/s is "2 GFLOP/s", 1.5e-5 s is "15 us"); whole numbers below 10,000
     * as they are.
     */
    static String format(Object value, String unit) {
        String u = unit.isEmpty() ? "" : " " + unit;
        if (value instanceof Integer) {
            return value + u;
        }
        double d = ((Number) value).doubleValue();
        if (d == 0 || !Double.isFinite(d)) {
            return (d == 0 ? "0" : Double.toString(d)) + u;
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
        return exp == 0 ? s + u : s + " " + PREFIXES.charAt(exp + 3) + unit;
    }

    /**
     * A number, optionally with an SI prefix (n, u or µ, m, k, M, G, T) and the unit after it
     * ("3 GFLOP/s", "3G", "3e9"); e-notation also reads.
     */
    static double parse(String text, String unit) {
        String t = text.trim();
        if (!unit.isEmpty() && t.endsWith(unit)) {
            t = t.substring(0, t.length() - unit.length()).trim();
        }
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

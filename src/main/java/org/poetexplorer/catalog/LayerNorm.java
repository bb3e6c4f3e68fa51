package org.poetexplorer.catalog;

import java.util.List;

/**
 * Layer normalisation (a transformer's LayerNorm): each row is normalised over the dimensions
 * from {@code axis} on, then scaled, and shifted when {@code bias}, by learned values per
 * normalised element. Not in the reference. Params: d (scale) + d (shift), d = the normalised
 * elements. FLOPs: what its decomposition (ReduceMean, Sub, Pow 2, ReduceMean, Add epsilon,
 * Sqrt, Div, Mul by the scale, Add the shift) costs under the element-wise and ReduceMean
 * rules: 2 + 1 + 1 + 2 + 1 + 1 + 1 per element and 2 per row, 9 prod(x) + 2 rows (8 prod(x) +
 * 2 rows without the shift), rows = prod(x) / d.
 */
public record LayerNorm(int axis, boolean bias) implements Layer {

    public LayerNorm {
        Shapes.nonNegative("axis", axis);
    }

    @Override
    public String type() {
        return "LayerNormLayer";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        List<Long> x = Shapes.single(inputShapes, 0, "one input");
        if (axis >= x.size()) {
            throw new IllegalArgumentException("axis " + axis + " is outside input shape " + x);
        }
        long d = Shapes.prod(x.subList(axis, x.size()));
        long rows = Shapes.prod(x) / d;
        long params = bias ? Shapes.mul(2, d) : d;
        long flop = Math.addExact(Shapes.mul(bias ? 9 : 8, Shapes.prod(x)), Shapes.mul(2, rows));
        return new LayerOutput(x, params, flop);
    }
}

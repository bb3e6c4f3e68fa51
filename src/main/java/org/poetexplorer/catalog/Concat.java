package org.poetexplorer.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins {@code inputs} tensors along {@code axis}; they agree on every other dimension. Not in
 * the reference; counted as one copy per output element, as {@link Flatten} is. A constant may
 * be joined too (a vision transformer's class token before its patches): it adds
 * {@code constantLength} along the axis, and {@code params} when it is learned.
 */
public record Concat(int inputs, int axis, long constantLength, long params) implements Layer {

    public Concat {
        Shapes.positive("inputs", inputs);
        Shapes.nonNegative("axis", axis);
        Shapes.nonNegative("constant length", constantLength);
        Shapes.nonNegative("params", params);
    }

    /** Activations only. */
    public Concat(int inputs, int axis) {
        this(inputs, axis, 0, 0);
    }

    @Override
    public String type() {
        return "ConcatLayer";
    }

    @Override
    public int arity() {
        return inputs;
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        Shapes.inputs(inputShapes, inputs);
        List<Long> first = inputShapes.get(0);
        if (axis >= first.size()) {
            throw new IllegalArgumentException("axis " + axis + " is outside input shape " + first);
        }
        List<Long> shape = new ArrayList<>(first);
        long joined = constantLength;
        for (List<Long> s : inputShapes) {
            if (s.size() != first.size()) {
                throw new IllegalArgumentException("inputs differ in rank (" + first + " and " + s + ")");
            }
            for (int d = 0; d < s.size(); d++) {
                if (d != axis && !s.get(d).equals(first.get(d))) {
                    throw new IllegalArgumentException("inputs differ outside axis " + axis + " (" + first
                            + " and " + s + ")");
                }
            }
            joined = Math.addExact(joined, s.get(axis));
        }
        shape.set(axis, joined);
        return new LayerOutput(shape, params, Shapes.prod(shape));
    }
}

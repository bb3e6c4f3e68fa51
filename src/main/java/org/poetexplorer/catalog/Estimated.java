package org.poetexplorer.catalog;

import java.util.List;

/**
 * An operation without a cost rule of its own (an imported operator we cannot cost), costed by
 * a conservative estimate. Its output shape and parameter count are given; its FLOPs are
 * 2 params rows + 2 prod(each input) + prod(out), where rows = prod(out) / last dimension of out:
 * every parameter takes part in one multiply-add for each output row (as a dense layer applied
 * at every position does), every input element in one more, and every output element is written.
 */
public record Estimated(String operator, int inputs, List<Long> shape, long params) implements Layer {

    public Estimated {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("operator must be named");
        }
        Shapes.nonNegative("inputs", inputs);
        Shapes.nonNegative("params", params);
        shape = List.copyOf(shape);
        if (shape.isEmpty()) {
            throw new IllegalArgumentException("output shape must have at least one dimension");
        }
        for (long d : shape) {
            Shapes.positive("output dimension", d);
        }
    }

    @Override
    public String type() {
        return "Estimated:" + operator;
    }

    @Override
    public int arity() {
        return inputs;
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        Shapes.inputs(inputShapes, inputs);
        long out = Shapes.prod(shape);
        long rows = out / shape.get(shape.size() - 1);
        long flop = Math.addExact(Shapes.mul(2, params, rows), out);
        for (List<Long> in : inputShapes) {
            flop = Math.addExact(flop, Shapes.mul(2, Shapes.prod(in)));
        }
        return new LayerOutput(shape, params, flop);
    }
}

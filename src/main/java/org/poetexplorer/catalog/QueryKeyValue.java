package org.poetexplorer.catalog;

import java.util.List;

/**
 * The query, key and value projections of multi-head attention on a (seq, hidden) input, with
 * {@code headDim} features per head: output (3 seq, headDim, heads).
 */
public record QueryKeyValue(long seq, long hidden, long headDim, long heads) implements Layer {

    public QueryKeyValue {
        Shapes.positive("sequence length", seq);
        Shapes.positive("hidden size", hidden);
        Shapes.positive("head size", headDim);
        Shapes.positive("heads", heads);
    }

    @Override
    public String type() {
        return "QueryKeyValueMatrix";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        List<Long> x = Shapes.single(inputShapes, 2, "a (" + seq + ", " + hidden + ") input");
        if (!x.equals(Shapes.of(seq, hidden))) {
            throw new IllegalArgumentException("expects a (" + seq + ", " + hidden + ") input (input shape was "
                    + x + ")");
        }
        long params = Shapes.mul(3, hidden, headDim, heads);
        return new LayerOutput(Shapes.of(Shapes.mul(3, seq), headDim, heads), params, Shapes.mul(seq, params));
    }
}

package org.poetexplorer.catalog;

import java.util.List;

/** Attention scores times values, heads concatenated: (seq, seq, heads) to (seq, headDim heads). */
public record QKTV(long seq, long headDim, long heads) implements Layer {

    public QKTV {
        Shapes.positive("sequence length", seq);
        Shapes.positive("head size", headDim);
        Shapes.positive("heads", heads);
    }

    @Override
    public String type() {
        return "QKTVMatrix";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        List<Long> expected = Shapes.of(seq, seq, heads);
        List<Long> x = Shapes.single(inputShapes, 3, "a " + expected + " input");
        if (!x.equals(expected)) {
            throw new IllegalArgumentException("expects a " + expected + " input (input shape was " + x + ")");
        }
        return new LayerOutput(Shapes.of(seq, Shapes.mul(headDim, heads)), 0, Shapes.mul(2, seq, seq, headDim, heads));
    }
}

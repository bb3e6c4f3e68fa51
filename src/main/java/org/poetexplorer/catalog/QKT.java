package org.poetexplorer.catalog;

import java.util.List;

/** Attention scores Q K^T per head (with scaling and softmax): (3 seq, headDim, heads) to (seq, seq, heads). */
public record QKT(long seq, long headDim, long heads) implements Layer {

    public QKT {
        Shapes.positive("sequence length", seq);
        Shapes.positive("head size", headDim);
        Shapes.positive("heads", heads);
    }

    @Override
    public String type() {
        return "QKTMatrix";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        List<Long> expected = Shapes.of(Shapes.mul(3, seq), headDim, heads);
        List<Long> x = Shapes.single(inputShapes, 3, "a " + expected + " input");
        if (!x.equals(expected)) {
            throw new IllegalArgumentException("expects a " + expected + " input (input shape was " + x + ")");
        }
        List<Long> shape = Shapes.of(seq, seq, heads);
        long flop = Math.addExact(Shapes.mul(seq, headDim, seq, heads), Shapes.mul(2, Shapes.prod(shape)));
        return new LayerOutput(shape, 0, flop);
    }
}

package org.poetexplorer.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The product of two activations, as attention computes its scores Q K^T and their sum over
 * the values P V: (..., n, k) times (..., k, m) gives (..., n, m), the leading dimensions
 * (batch, heads) broadcast. Not in the reference; no parameters, and 2 n k m FLOPs for each of
 * the prod(leading) products (a multiply-add per term, as QKTV counts them).
 */
public record MatMul() implements Layer {

    @Override
    public String type() {
        return "MatMulLayer";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        Shapes.inputs(inputShapes, 2);
        List<Long> a = inputShapes.get(0);
        List<Long> b = inputShapes.get(1);
        if (a.size() < 2 || b.size() < 2 || !a.get(a.size() - 1).equals(b.get(b.size() - 2))) {
            throw new IllegalArgumentException("cannot multiply " + a + " by " + b);
        }
        List<Long> leading = Shapes.broadcast(a.subList(0, a.size() - 2), b.subList(0, b.size() - 2));
        if (leading == null) {
            throw new IllegalArgumentException("cannot multiply " + a + " by " + b + " (leading dimensions differ)");
        }
        long n = a.get(a.size() - 2);
        long k = a.get(a.size() - 1);
        long m = b.get(b.size() - 1);
        List<Long> shape = new ArrayList<>(leading);
        shape.add(n);
        shape.add(m);
        return new LayerOutput(shape, 0, Shapes.mul(2, Shapes.prod(leading), n, k, m));
    }
}

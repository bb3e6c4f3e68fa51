package org.poetexplorer.catalog;

import java.util.List;

/**
 * Element-wise sum of two tensors (a residual connection). Its output takes the shape of the
 * first input: the reference's ResNet-50 adds a narrower shortcut to the block's output and
 * counts the block's shape, so the two shapes are not required to agree.
 */
public record SkipAdd() implements Layer {

    @Override
    public String type() {
        return "SkipAddLayer";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        Shapes.inputs(inputShapes, 2);
        List<Long> a = inputShapes.get(0);
        return new LayerOutput(a, 0, Shapes.prod(a));
    }
}

package org.poetexplorer.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The mean over some dimensions ({@code axes}, ascending), which are dropped, or kept with size
 * 1 when {@code keepDims}. Not in the reference; counted as the reference's GlobalAvgPool,
 * 2 prod(input).
 */
public record ReduceMean(List<Integer> axes, boolean keepDims) implements Layer {

    public ReduceMean {
        axes = List.copyOf(axes);
        for (int i = 0; i < axes.size(); i++) {
            Shapes.nonNegative("axis", axes.get(i));
            if (i > 0 && axes.get(i) <= axes.get(i - 1)) {
                throw new IllegalArgumentException("axes must ascend without repeats (were " + axes + ")");
            }
        }
    }

    @Override
    public String type() {
        return "ReduceMeanLayer";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        List<Long> x = Shapes.single(inputShapes, 0, "one input");
        List<Long> shape = new ArrayList<>();
        for (int d = 0; d < x.size(); d++) {
            if (!axes.contains(d)) {
                shape.add(x.get(d));
            } else if (keepDims) {
                shape.add(1L);
            }
        }
        if (!axes.isEmpty() && axes.get(axes.size() - 1) >= x.size()) {
            throw new IllegalArgumentException("axes " + axes + " are outside input shape " + x);
        }
        if (shape.isEmpty()) {
            shape.add(1L);
        }
        return new LayerOutput(shape, 0, Shapes.mul(2, Shapes.prod(x)));
    }
}

package org.poetexplorer.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of {@code rows} learned vectors of {@code dim} values, looked up by the token ids of
 * its input: (..., ) ids to (..., dim). Not in the reference. Params: the table, rows dim;
 * FLOPs: one copy per output element.
 */
public record Embedding(long rows, long dim) implements Layer {

    public Embedding {
        Shapes.positive("rows", rows);
        Shapes.positive("dimension", dim);
    }

    @Override
    public String type() {
        return "EmbeddingLayer";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        List<Long> ids = Shapes.single(inputShapes, 0, "one input");
        List<Long> shape = new ArrayList<>(ids);
        shape.add(dim);
        return new LayerOutput(shape, Shapes.mul(rows, dim), Shapes.prod(shape));
    }
}

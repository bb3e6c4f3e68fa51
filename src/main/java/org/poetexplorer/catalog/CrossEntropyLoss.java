package org.poetexplorer.catalog;

import java.util.List;

/** The training loss over {@code classes} classes; the last forward layer of every network. */
public record CrossEntropyLoss(long classes) implements Layer {

    public CrossEntropyLoss {
        Shapes.positive("classes", classes);
    }

    @Override
    public String type() {
        return "CrossEntropyLoss";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        List<Long> x = Shapes.single(inputShapes, 0, "one input");
        return new LayerOutput(Shapes.of(classes), 0, Shapes.mul(Shapes.prod(x), classes));
    }
}

package org.poetexplorer.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Permutes the dimensions: output dimension i is input dimension perm[i] (splitting attention
 * heads apart and back). Not in the reference; one copy per output element, as {@link Flatten}.
 */
public record Transpose(List<Integer> perm) implements Layer {

    public Transpose {
        perm = List.copyOf(perm);
        for (int i = 0; i < perm.size(); i++) {
            if (perm.get(i) < 0 || perm.get(i) >= perm.size() || perm.indexOf(perm.get(i)) != i) {
                throw new IllegalArgumentException("perm " + perm + " is not a permutation");
            }
        }
    }

    @Override
    public String type() {
        return "TransposeLayer";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        List<Long> x = Shapes.single(inputShapes, perm.size(), "a rank-" + perm.size() + " input");
        List<Long> shape = new ArrayList<>();
        for (int p : perm) {
            shape.add(x.get(p));
        }
        return new LayerOutput(shape, 0, Shapes.prod(shape));
    }
}

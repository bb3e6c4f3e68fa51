package org.poetexplorer.catalog;

import java.util.List;

/** What a layer produces: its output shape, parameter count and FLOPs for one forward pass. */
public record LayerOutput(List<Long> shape, long params, long flop) {

    public LayerOutput {
        shape = List.copyOf(shape);
        if (params < 0 || flop < 0) {
            throw new IllegalArgumentException("params and flop must be >= 0 (were " + params + ", " + flop + ")");
        }
    }
}

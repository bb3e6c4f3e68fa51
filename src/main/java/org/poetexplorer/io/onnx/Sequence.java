package org.poetexplorer.io.onnx;

import java.util.List;

/**
 * An ONNX sequence of tensors, as {@code SplitToSequence} gives it: the parts of one value cut
 * along an axis. {@code SequenceAt} picks a part. Parts of a constant or of data are tensors
 * like any other; a part of an activation becomes a layer (a copy, as a part of {@code Split})
 * when it is first picked, so parts nothing picks cost nothing.
 *
 * @param whole the value that was split: an activation, a constant or data
 * @param parts each part's type and dimensions (for a constant or data, the part itself)
 * @param where the label of the node that split it, for the layers its parts become
 */
record Sequence(Value whole, List<Tensor> parts, String where) {
    Sequence {
        parts = List.copyOf(parts);
    }
}

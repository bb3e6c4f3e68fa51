package org.poetexplorer.io.onnx;

/**
 * What a name in an ONNX graph stands for during the import: an activation (the output of a
 * network layer), a tensor known without running the network (a constant, or data that is
 * not trained: see {@link Tensor}), a sequence of tensors ({@link Sequence}), or a value that
 * cannot be known because an operator before it has no cost rule.
 */
record Value(int layer, Tensor tensor, Sequence sequence) {
    static final Value UNKNOWN = new Value(-1, null, null);

    static Value activation(int layer) {
        return new Value(layer, null, null);
    }

    static Value of(Tensor t) {
        return new Value(-1, t, null);
    }

    static Value of(Sequence s) {
        return new Value(-1, null, s);
    }

    boolean isActivation() {
        return layer >= 0;
    }

    /** A constant or untrained data. */
    boolean isTensor() {
        return tensor != null;
    }

    /** A constant known at import (not data that changes with each step). */
    boolean isConstant() {
        return tensor != null && !tensor.varying();
    }

    boolean isSequence() {
        return sequence != null;
    }

    boolean isUnknown() {
        return layer < 0 && tensor == null && sequence == null;
    }
}

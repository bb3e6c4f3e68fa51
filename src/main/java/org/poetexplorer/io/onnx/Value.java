package org.poetexplorer.io.onnx;

/**
 * What a name in an ONNX graph stands for during the import: an activation (the output of a
 * network layer), a constant tensor, or a value that cannot be known because an operator
 * before it has no cost rule.
 */
record Value(int layer, TensorInfo constant) {
    static final Value UNKNOWN = new Value(-1, null);

    static Value activation(int layer) {
        return new Value(layer, null);
    }

    static Value constant(TensorInfo t) {
        return new Value(-1, t);
    }

    boolean isActivation() {
        return layer >= 0;
    }

    boolean isConstant() {
        return constant != null;
    }

    boolean isUnknown() {
        return layer < 0 && constant == null;
    }
}

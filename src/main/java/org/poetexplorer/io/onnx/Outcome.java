package org.poetexplorer.io.onnx;

import org.poetexplorer.catalog.Layer;

/** What an operator becomes: a layer fed by activations, another name for a value, or no rule (saying what lacks one). */
final class Outcome {
    final Layer layer;
    final int[] inputs;
    final Value value;
    final String missing;

    private Outcome(Layer layer, int[] inputs, Value value, String missing) {
        this.layer = layer;
        this.inputs = inputs;
        this.value = value;
        this.missing = missing;
    }

    static Outcome layer(Layer layer, Value... inputs) {
        int[] in = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            in[i] = inputs[i].layer();
        }
        return new Outcome(layer, in, null, null);
    }

    static Outcome value(Value v) {
        return new Outcome(null, null, v, null);
    }

    static Outcome missing(String what) {
        return new Outcome(null, null, null, what);
    }
}

package org.poetexplorer.io.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.poetexplorer.io.onnx.proto.Onnx.NodeProto;

/** What an operator becomes: a value for each of its outputs (layers it added, constants, data), or no rule (saying what lacks one). */
final class Outcome {
    /** One per output of the node, in order; null for an output that gives nothing. */
    final List<Value> outputs;
    final String missing;

    private Outcome(List<Value> outputs, String missing) {
        this.outputs = outputs;
        this.missing = missing;
    }

    /** The values of the node's outputs, in order. */
    static Outcome of(Value... outputs) {
        return new Outcome(Arrays.asList(outputs), null);
    }

    static Outcome of(List<Value> outputs) {
        return new Outcome(new ArrayList<>(outputs), null);
    }

    /** One value for every output (secondary outputs such as MaxPool indices stand for the main one). */
    static Outcome all(NodeProto n, Value v) {
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < Math.max(1, n.getOutputCount()); i++) {
            out.add(v);
        }
        return new Outcome(out, null);
    }

    static Outcome missing(String what) {
        return new Outcome(null, what);
    }
}

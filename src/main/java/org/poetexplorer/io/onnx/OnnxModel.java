package org.poetexplorer.io.onnx;

import java.util.List;
import java.util.Map;
import org.poetexplorer.io.onnx.proto.Onnx.NodeProto;
import org.poetexplorer.io.onnx.proto.Onnx.ValueInfoProto;

/**
 * The parts of an ONNX model the import uses, read by {@link OnnxReader}: the main graph's
 * nodes, its inputs, outputs and value infos, and its initializers without their data.
 */
record OnnxModel(long irVersion, String graphName, List<NodeProto> nodes, List<ValueInfoProto> inputs,
        List<ValueInfoProto> outputs, List<ValueInfoProto> valueInfo, Map<String, Tensor> initializers) {

    OnnxModel {
        nodes = List.copyOf(nodes);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        valueInfo = List.copyOf(valueInfo);
        initializers = Map.copyOf(initializers);
    }
}

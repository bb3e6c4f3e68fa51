package org.poetexplorer.io.onnx;

import java.util.List;
import org.poetexplorer.io.onnx.proto.Onnx.AttributeProto;
import org.poetexplorer.io.onnx.proto.Onnx.NodeProto;

/** Reading a node's attributes (with ONNX's defaults given by the caller) and naming the node in messages. */
final class NodeAttributes {
    private NodeAttributes() {
    }

    static AttributeProto attr(NodeProto n, String name) {
        for (AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    static long intAttr(NodeProto n, String name, long dflt) {
        AttributeProto a = attr(n, name);
        return a == null ? dflt : a.getI();
    }

    static List<Long> intsAttr(NodeProto n, String name) {
        AttributeProto a = attr(n, name);
        return a == null ? null : a.getIntsList();
    }

    static String stringAttr(NodeProto n, String name, String dflt) {
        AttributeProto a = attr(n, name);
        return a == null ? dflt : a.getS().toStringUtf8();
    }


    static String label(NodeProto n, int index) {
        String op = n.getOpType().isEmpty() ? "?" : n.getOpType();
        if (!n.getName().isEmpty()) {
            return "node '" + n.getName() + "' (" + op + ")";
        }
        String out = n.getOutputCount() > 0 ? n.getOutput(0) : "";
        return index >= 0 && out.isEmpty() ? "node " + index + " (" + op + ")" : "node giving '" + out + "' (" + op + ")";
    }
}

package org.poetexplorer.io.onnx;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.poetexplorer.io.onnx.proto.Onnx.AttributeProto;
import org.poetexplorer.io.onnx.proto.Onnx.GraphProto;
import org.poetexplorer.io.onnx.proto.Onnx.ModelProto;
import org.poetexplorer.io.onnx.proto.Onnx.NodeProto;
import org.poetexplorer.io.onnx.proto.Onnx.OperatorSetIdProto;
import org.poetexplorer.io.onnx.proto.Onnx.StringStringEntryProto;
import org.poetexplorer.io.onnx.proto.Onnx.TensorProto;
import org.poetexplorer.io.onnx.proto.Onnx.TensorShapeProto;
import org.poetexplorer.io.onnx.proto.Onnx.TypeProto;
import org.poetexplorer.io.onnx.proto.Onnx.ValueInfoProto;

/**
 * Builds ONNX models with the protobuf API, as an exporter writes them: float32 tensors,
 * weights as initializers with their data in raw_data. A dimension of -1 is symbolic ("N").
 */
public final class OnnxFixture {
    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private int nodes;

    public OnnxFixture(String name) {
        graph.setName(name);
    }

    public OnnxFixture input(String name, long... dims) {
        graph.addInput(info(name, dims));
        return this;
    }

    /** An INT64 graph input: data given with each step (token ids, a mask), not an activation. */
    OnnxFixture dataInput(String name, long... dims) {
        graph.addInput(info(name, TensorProto.DataType.INT64_VALUE, dims));
        return this;
    }

    public OnnxFixture output(String name, long... dims) {
        graph.addOutput(info(name, dims));
        return this;
    }

    public OnnxFixture valueInfo(String name, long... dims) {
        graph.addValueInfo(info(name, dims));
        return this;
    }

    /** A float initializer with its data (zeros) in raw_data, as exporters write weights. */
    public OnnxFixture weights(String name, long... dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(new byte[Math.toIntExact(4 * n)]));
        for (long d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return this;
    }

    /** A float initializer whose data lies in an external file (ONNX's external data), as large models are saved. */
    OnnxFixture externalWeights(String name, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue("weights.bin"));
        for (long d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return this;
    }

    /** An INT64 initializer with the given values (the shape argument of Reshape), in raw_data. */
    OnnxFixture ints(String name, long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length).setRawData(ByteString.copyFrom(b.array())));
        return this;
    }

    /** An INT64 initializer of rank 0 (a scalar argument: a split length, a position), in raw_data. */
    OnnxFixture scalarInt(String name, long value) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .setRawData(ByteString.copyFrom(b.array())));
        return this;
    }

    /** A node with one output; attributes as name/value pairs (Long, long[] or String values). */
    public OnnxFixture node(String op, String[] inputs, String output, Object... attrs) {
        return node(op, inputs, new String[] {output}, attrs);
    }

    /** A node with several outputs ("" for an optional output left out). */
    OnnxFixture node(String op, String[] inputs, String[] outputs, Object... attrs) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(op.toLowerCase() + "_" + nodes++);
        for (String out : outputs) {
            n.addOutput(out);
        }
        for (String in : inputs) {
            n.addInput(in);
        }
        for (int i = 0; i < attrs.length; i += 2) {
            AttributeProto.Builder a = AttributeProto.newBuilder().setName((String) attrs[i]);
            Object v = attrs[i + 1];
            if (v instanceof long[]) {
                a.setType(AttributeProto.AttributeType.INTS);
                for (long x : (long[]) v) {
                    a.addInts(x);
                }
            } else if (v instanceof String) {
                a.setType(AttributeProto.AttributeType.STRING).setS(ByteString.copyFromUtf8((String) v));
            } else {
                a.setType(AttributeProto.AttributeType.INT).setI(((Number) v).longValue());
            }
            n.addAttribute(a);
        }
        graph.addNode(n);
        return this;
    }

    public static String[] in(String... names) {
        return names;
    }

    ModelProto model() {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("poet-tests")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setGraph(graph).build();
    }

    public Path write(Path dir, String file) throws IOException {
        Path p = dir.resolve(file);
        Files.write(p, model().toByteArray());
        return p;
    }

    private static ValueInfoProto info(String name, long... dims) {
        return info(name, TensorProto.DataType.FLOAT_VALUE, dims);
    }

    private static ValueInfoProto info(String name, int type, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("N")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(type).setShape(shape))).build();
    }
}

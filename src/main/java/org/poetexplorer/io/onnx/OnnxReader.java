package org.poetexplorer.io.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.onnx.proto.Onnx.GraphProto;
import org.poetexplorer.io.onnx.proto.Onnx.ModelProto;
import org.poetexplorer.io.onnx.proto.Onnx.NodeProto;
import org.poetexplorer.io.onnx.proto.Onnx.TensorProto;
import org.poetexplorer.io.onnx.proto.Onnx.ValueInfoProto;

/**
 * Reads an ONNX file into an {@link OnnxModel} without holding its weights.
 *
 * <p>The generated {@code ModelProto.parseFrom} would load every initializer's data (often
 * nearly the whole file) into memory. Instead the model and graph messages are walked field by
 * field with a {@link CodedInputStream} over the file: nodes, inputs, outputs and value infos
 * are small and parsed with the generated classes, while each initializer is read by hand,
 * keeping its name, type and dimensions and passing over its data ({@code raw_data} and the
 * typed {@code *_data} fields) with {@link CodedInputStream#skipRawBytes}, which skips in the
 * stream rather than reading into a buffer. Only small tensors ({@link Tensor#MAX_VALUES}
 * elements: shape arguments, indices, scalars) keep their values.
 *
 * <p>So the memory a read takes is what it keeps, not the file's size: a file with its weights
 * inside imports like its weightless graph. What is kept is limited ({@link #MAX_KEPT_BYTES},
 * {@link #MAX_NODES}); a file larger than protobuf can address ({@link #MAX_FILE_BYTES}) is
 * refused before reading.
 */
final class OnnxReader {
    /**
     * Files larger than this are refused before reading: a protobuf message is at most 2 GiB
     * (ONNX keeps the weights of larger models in external data files).
     */
    static final long MAX_FILE_BYTES = (2L << 30) - 1;
    /** Graphs with more nodes than this are refused. */
    static final int MAX_NODES = 5000;
    /** What is kept of a file (nodes, value infos, small tensors' values), in bytes; more is refused. */
    static final long MAX_KEPT_BYTES = 64L << 20;

    private final Path file;
    private final String source;
    private final long size;
    private CodedInputStream in;

    private long irVersion = -1;
    private boolean hasGraph;
    private String graphName = "";
    private final List<NodeProto> nodes = new ArrayList<>();
    private final List<ValueInfoProto> inputs = new ArrayList<>();
    private final List<ValueInfoProto> outputs = new ArrayList<>();
    private final List<ValueInfoProto> valueInfo = new ArrayList<>();
    private final Map<String, Tensor> initializers = new LinkedHashMap<>();
    private long kept;

    private OnnxReader(Path file, long size) {
        this.file = file;
        this.source = file.toString();
        this.size = size;
    }

    static OnnxModel read(Path file) throws InputException {
        String source = file.toString();
        long size;
        try {
            if (!Files.isRegularFile(file)) {
                throw new InputException(source, "", "no such file");
            }
            size = Files.size(file);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read (" + e.getMessage() + ")", e);
        }
        if (size > MAX_FILE_BYTES) {
            throw new InputException(source, "", "the file is " + mib(size) + " MiB; an ONNX file holds at most"
                    + " 2 GiB (larger models keep their weights in external data)");
        }
        if (size == 0) {
            throw new InputException(source, "", "not an ONNX model: the file is empty");
        }
        return new OnnxReader(file, size).parse();
    }

    private OnnxModel parse() throws InputException {
        try (InputStream stream = Files.newInputStream(file)) {
            in = CodedInputStream.newInstance(stream, 1 << 16);
            readModel();
        } catch (InvalidProtocolBufferException e) {
            throw damaged(e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read (" + e.getMessage() + ")", e);
        }
        if (irVersion < 0) {
            throw new InputException(source, "", "not an ONNX model: it has no ir_version");
        }
        if (!hasGraph) {
            throw new InputException(source, "", "not an ONNX model: it has no graph");
        }
        return new OnnxModel(irVersion, graphName, nodes, inputs, outputs, valueInfo, initializers);
    }

    private InputException damaged(InvalidProtocolBufferException e) {
        long at = in == null ? 0 : in.getTotalBytesRead();
        String reason = at >= size
                ? "the data ends inside a message (truncated file?)"
                : "unreadable data at byte " + at + " (" + firstSentence(e.getMessage()) + ")";
        return new InputException(source, "", "not an ONNX model, or damaged: " + reason, e);
    }

    private void readModel() throws IOException, InputException {
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                return;
            }
            switch (WireFormat.getTagFieldNumber(tag)) {
                case ModelProto.IR_VERSION_FIELD_NUMBER:
                    expectInModel(tag, WireFormat.WIRETYPE_VARINT);
                    irVersion = in.readInt64();
                    break;
                case ModelProto.GRAPH_FIELD_NUMBER:
                    expectInModel(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    hasGraph = true;
                    int limit = enter();
                    readGraph();
                    leave(limit);
                    break;
                default:
                    // a model has only varint and length-delimited fields; anything else is not ONNX
                    int wireType = WireFormat.getTagWireType(tag);
                    if (wireType != WireFormat.WIRETYPE_VARINT && wireType != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        throw notOnnx();
                    }
                    skip(tag);
            }
        }
    }

    private void expectInModel(int tag, int wireType) throws InputException {
        if (WireFormat.getTagWireType(tag) != wireType) {
            throw notOnnx();
        }
    }

    private InputException notOnnx() {
        return new InputException(source, "", "not an ONNX model: unexpected data at byte " + (in.getTotalBytesRead() - 1));
    }

    private void readGraph() throws IOException, InputException {
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                return;
            }
            int field = WireFormat.getTagFieldNumber(tag);
            switch (field) {
                case GraphProto.NODE_FIELD_NUMBER:
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    if (nodes.size() == MAX_NODES) {
                        throw new InputException(source, "graph", "has more than " + MAX_NODES
                                + " nodes; graphs this large are refused");
                    }
                    NodeProto.Builder node = NodeProto.newBuilder();
                    readKept(node);
                    nodes.add(node.build());
                    break;
                case GraphProto.NAME_FIELD_NUMBER:
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    graphName = in.readString();
                    break;
                case GraphProto.INITIALIZER_FIELD_NUMBER:
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    int limit = enter();
                    readInitializer();
                    leave(limit);
                    break;
                case GraphProto.INPUT_FIELD_NUMBER:
                case GraphProto.OUTPUT_FIELD_NUMBER:
                case GraphProto.VALUE_INFO_FIELD_NUMBER:
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    ValueInfoProto.Builder v = ValueInfoProto.newBuilder();
                    readKept(v);
                    (field == GraphProto.INPUT_FIELD_NUMBER ? inputs
                            : field == GraphProto.OUTPUT_FIELD_NUMBER ? outputs : valueInfo).add(v.build());
                    break;
                default:
                    skip(tag);
            }
        }
    }

    /**
     * An initializer's name, type and dimensions, and the values of a small one; the data of any
     * other is skipped, in whichever field it is (raw_data or a typed field, packed or not).
     */
    private void readInitializer() throws IOException, InputException {
        String name = "";
        int dataType = 0;
        List<Long> dims = new ArrayList<>();
        byte[] raw = null;
        boolean rawSkipped = false;
        List<Number> typed = new ArrayList<>();
        boolean typedSkipped = false;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            int field = WireFormat.getTagFieldNumber(tag);
            switch (field) {
                case TensorProto.DIMS_FIELD_NUMBER:
                    readVarints(tag, dims, Integer.MAX_VALUE, false);
                    break;
                case TensorProto.DATA_TYPE_FIELD_NUMBER:
                    expect(tag, WireFormat.WIRETYPE_VARINT);
                    dataType = in.readInt32();
                    break;
                case TensorProto.NAME_FIELD_NUMBER:
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    name = in.readString();
                    break;
                case TensorProto.RAW_DATA_FIELD_NUMBER:
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    int length = in.readRawVarint32();
                    if (length >= 0 && length <= 8 * Tensor.MAX_VALUES) {
                        raw = in.readRawBytes(length);
                    } else {
                        in.skipRawBytes(length); // the weights: passed over, never held
                        rawSkipped = true;
                    }
                    break;
                case TensorProto.INT64_DATA_FIELD_NUMBER:
                case TensorProto.INT32_DATA_FIELD_NUMBER:
                case TensorProto.UINT64_DATA_FIELD_NUMBER:
                    typedSkipped |= readVarints(tag, typed, Tensor.MAX_VALUES, field == TensorProto.INT32_DATA_FIELD_NUMBER);
                    break;
                case TensorProto.FLOAT_DATA_FIELD_NUMBER:
                case TensorProto.DOUBLE_DATA_FIELD_NUMBER:
                    typedSkipped |= readFixed(tag, typed, field == TensorProto.DOUBLE_DATA_FIELD_NUMBER);
                    break;
                default:
                    skip(tag); // string_data, external_data, doc_string and unknown fields
            }
        }
        long n = Tensor.elements(dims);
        double[] values = null;
        if (n <= Tensor.MAX_VALUES && !rawSkipped && !typedSkipped) {
            values = raw != null ? Tensor.decodeRaw(dataType, raw, n) : Tensor.numbers(typed, n);
            keep(values == null ? 0 : 8L * values.length);
        }
        keep(name.length() + 8L * dims.size());
        initializers.put(name, Tensor.initializer(name, dataType, dims, values));
    }

    /**
     * A repeated varint field, packed or not, into {@code into} (up to {@code keep} values;
     * int32_data holds its values as int32); returns whether values were left out.
     */
    private boolean readVarints(int tag, List<? super Long> into, int keep, boolean int32) throws IOException {
        boolean dropped = false;
        if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int limit = enter();
            while (in.getBytesUntilLimit() > 0) {
                long v = int32 ? in.readInt32() : in.readInt64();
                if (into.size() < keep) {
                    into.add(v);
                } else {
                    dropped = true;
                }
            }
            leave(limit);
        } else {
            expect(tag, WireFormat.WIRETYPE_VARINT);
            long v = int32 ? in.readInt32() : in.readInt64();
            if (into.size() < keep) {
                into.add(v);
            } else {
                dropped = true;
            }
        }
        return dropped;
    }

    /** float_data or double_data, packed or not: kept when small, else skipped; returns whether skipped. */
    private boolean readFixed(int tag, List<Number> into, boolean doubles) throws IOException {
        int size = doubles ? 8 : 4;
        if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int length = in.readRawVarint32();
            if (length < 0 || length % size != 0 || into.size() + length / size > Tensor.MAX_VALUES) {
                in.skipRawBytes(length);
                return true;
            }
            for (int i = 0; i < length / size; i++) {
                into.add(doubles ? (Number) in.readDouble() : (Number) in.readFloat());
            }
            return false;
        }
        expect(tag, doubles ? WireFormat.WIRETYPE_FIXED64 : WireFormat.WIRETYPE_FIXED32);
        Number v = doubles ? (Number) in.readDouble() : (Number) in.readFloat();
        if (into.size() < Tensor.MAX_VALUES) {
            into.add(v);
            return false;
        }
        return true;
    }

    /** A small message the import keeps (a node, a value info), counted before it is read. */
    private void readKept(MessageLite.Builder message) throws IOException, InputException {
        int length = in.readRawVarint32();
        if (length < 0) {
            throw new InvalidProtocolBufferException("negative message length " + length);
        }
        keep(length);
        int limit = in.pushLimit(length);
        message.mergeFrom(in, ExtensionRegistryLite.getEmptyRegistry());
        in.checkLastTagWas(0);
        leave(limit);
    }

    /** Counts {@code bytes} more as kept; a file that makes the import keep too much is refused. */
    private void keep(long bytes) throws InputException {
        kept += Math.max(bytes, 0);
        if (kept > MAX_KEPT_BYTES) {
            throw new InputException(source, "graph", "its nodes, shapes and small tensors take more than "
                    + mib(MAX_KEPT_BYTES) + " MiB (weights held in Constant nodes?); graphs this large are refused");
        }
    }

    /** Starts reading a length-delimited message; returns the limit to restore with {@link #leave}. */
    private int enter() throws IOException {
        int length = in.readRawVarint32();
        if (length < 0) {
            throw new InvalidProtocolBufferException("negative message length " + length);
        }
        return in.pushLimit(length);
    }

    /** Ends a message started with {@link #enter}; a message the file ends inside is a truncation. */
    private void leave(int oldLimit) throws IOException {
        if (in.getBytesUntilLimit() != 0) {
            throw new InvalidProtocolBufferException("message ends early");
        }
        in.popLimit(oldLimit);
    }

    private void skip(int tag) throws IOException {
        if (!in.skipField(tag)) {
            throw new InvalidProtocolBufferException("unexpected end-group tag");
        }
    }

    private static void expect(int tag, int wireType) throws InvalidProtocolBufferException {
        if (WireFormat.getTagWireType(tag) != wireType) {
            throw new InvalidProtocolBufferException("field " + WireFormat.getTagFieldNumber(tag)
                    + " has wire type " + WireFormat.getTagWireType(tag) + " (expected " + wireType + ")");
        }
    }

    private static String firstSentence(String s) {
        if (s == null) {
            return "unreadable protobuf data";
        }
        int dot = s.indexOf(". ");
        String first = dot > 0 ? s.substring(0, dot) : s;
        first = first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
        return first.isEmpty() ? first : Character.toLowerCase(first.charAt(0)) + first.substring(1);
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}

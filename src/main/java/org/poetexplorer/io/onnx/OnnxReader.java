package org.poetexplorer.io.onnx;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;
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
 * stream rather than reading into a buffer. Only small INT64 tensors (shape arguments) keep
 * their values.
 */
final class OnnxReader {
    /** Files larger than this are refused before reading. */
    static final long MAX_FILE_BYTES = 512L * 1024 * 1024;
    /** Graphs with more nodes than this are refused. */
    static final int MAX_NODES = 5000;

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
    private final Map<String, TensorInfo> initializers = new LinkedHashMap<>();

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
            throw new InputException(source, "", "the file is " + mib(size) + " MiB; ONNX files over "
                    + mib(MAX_FILE_BYTES) + " MiB are refused");
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
                    in.readMessage(node, ExtensionRegistryLite.getEmptyRegistry());
                    nodes.add(node.build());
                    break;
                case GraphProto.NAME_FIELD_NUMBER:
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    graphName = in.readString();
                    break;
                case GraphProto.INITIALIZER_FIELD_NUMBER:
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    int limit = enter();
                    TensorInfo t = readTensor();
                    leave(limit);
                    initializers.put(t.name(), t);
                    break;
                case GraphProto.INPUT_FIELD_NUMBER:
                case GraphProto.OUTPUT_FIELD_NUMBER:
                case GraphProto.VALUE_INFO_FIELD_NUMBER:
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    ValueInfoProto.Builder v = ValueInfoProto.newBuilder();
                    in.readMessage(v, ExtensionRegistryLite.getEmptyRegistry());
                    (field == GraphProto.INPUT_FIELD_NUMBER ? inputs
                            : field == GraphProto.OUTPUT_FIELD_NUMBER ? outputs : valueInfo).add(v.build());
                    break;
                default:
                    skip(tag);
            }
        }
    }

    /** An initializer's name, type and dimensions; its data is skipped unless it is a small INT64 tensor. */
    private TensorInfo readTensor() throws IOException {
        String name = "";
        int dataType = 0;
        List<Long> dims = new ArrayList<>();
        List<Long> int64s = new ArrayList<>();
        byte[] raw = null;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            switch (WireFormat.getTagFieldNumber(tag)) {
                case TensorProto.DIMS_FIELD_NUMBER:
                    readInt64s(tag, dims, Integer.MAX_VALUE);
                    break;
                case TensorProto.DATA_TYPE_FIELD_NUMBER:
                    expect(tag, WireFormat.WIRETYPE_VARINT);
                    dataType = in.readInt32();
                    break;
                case TensorProto.NAME_FIELD_NUMBER:
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    name = in.readString();
                    break;
                case TensorProto.INT64_DATA_FIELD_NUMBER:
                    readInt64s(tag, int64s, TensorInfo.MAX_KEPT_VALUES);
                    break;
                case TensorProto.RAW_DATA_FIELD_NUMBER:
                    expect(tag, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    int length = in.readRawVarint32();
                    if (length >= 0 && length <= 8 * TensorInfo.MAX_KEPT_VALUES) {
                        raw = in.readRawBytes(length);
                    } else {
                        in.skipRawBytes(length); // the weights: passed over, never held
                        raw = null;
                    }
                    break;
                default:
                    skip(tag); // float_data, int32_data, double_data, ... and unknown fields
            }
        }
        List<Long> values = null;
        if (dataType == TensorInfo.INT64) {
            if (raw != null) {
                values = TensorInfo.int64s(raw);
            } else if (!int64s.isEmpty() && int64s.size() <= TensorInfo.MAX_KEPT_VALUES) {
                values = int64s;
            }
        }
        return new TensorInfo(name, dataType, dims, values);
    }

    /** A repeated int64 field, packed or not; values past {@code keep} are read but not kept. */
    private void readInt64s(int tag, List<Long> into, int keep) throws IOException {
        if (WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int limit = enter();
            while (in.getBytesUntilLimit() > 0) {
                long v = in.readInt64();
                if (into.size() <= keep) {
                    into.add(v);
                }
            }
            leave(limit);
        } else {
            expect(tag, WireFormat.WIRETYPE_VARINT);
            long v = in.readInt64();
            if (into.size() <= keep) {
                into.add(v);
            }
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

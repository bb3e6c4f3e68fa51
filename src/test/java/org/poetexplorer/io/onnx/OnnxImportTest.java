package org.poetexplorer.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poetexplorer.io.onnx.OnnxFixture.in;

import com.google.protobuf.CodedOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poetexplorer.catalog.AvgPool2d;
import org.poetexplorer.catalog.BatchNorm2d;
import org.poetexplorer.catalog.Catalog;
import org.poetexplorer.catalog.Concat;
import org.poetexplorer.catalog.Conv2d;
import org.poetexplorer.catalog.CrossEntropyLoss;
import org.poetexplorer.catalog.Flatten;
import org.poetexplorer.catalog.GlobalAvgPool;
import org.poetexplorer.catalog.Linear;
import org.poetexplorer.catalog.MaxPool2d;
import org.poetexplorer.catalog.NetworkBuilder;
import org.poetexplorer.catalog.ReLU;
import org.poetexplorer.catalog.Reshape;
import org.poetexplorer.catalog.SkipAdd;
import org.poetexplorer.catalog.Softmax;
import org.poetexplorer.catalog.TrainingGraphBuilder;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.NetworkFiles;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.GraphNode;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.io.onnx.proto.Onnx.GraphProto;
import org.poetexplorer.io.onnx.proto.Onnx.ModelProto;
import org.poetexplorer.io.onnx.proto.Onnx.TensorProto;

/** ONNX models built with the protobuf API import into the graphs of the matching hand-built networks. */
class OnnxImportTest {
    private static final long[] LINEAR_WIDTHS = {10, 120, 100, 200, 10, 10};

    @TempDir
    Path dir;

    private static Device m0() throws InputException {
        return DeviceFiles.builtIn("m0");
    }

    /** 784 -> 10 -> 120 -> 100 -> 200 -> 10 -> 10 with ReLUs; Gemm and MatMul + bias Add take turns. */
    private static OnnxFixture mlp(long batchDim) {
        OnnxFixture f = new OnnxFixture("mlp").input("x", batchDim, 784);
        String x = "x";
        long in = 784;
        for (int i = 0; i < LINEAR_WIDTHS.length; i++) {
            long w = LINEAR_WIDTHS[i];
            String fc = "fc" + i;
            if (i % 2 == 0) {
                f.weights(fc + ".w", w, in).weights(fc + ".b", w)
                        .node("Gemm", in(x, fc + ".w", fc + ".b"), fc, "transB", 1L);
            } else {
                f.weights(fc + ".w", in, w).weights(fc + ".b", w)
                        .node("MatMul", in(x, fc + ".w"), fc + ".mm")
                        .node("Add", in(fc + ".mm", fc + ".b"), fc);
            }
            f.node("Relu", in(fc), "relu" + i);
            x = "relu" + i;
            in = w;
        }
        return f.output(x, batchDim, 10);
    }

    private static void assertSameGraph(TrainingGraph expected, TrainingGraph actual) {
        assertEquals(expected.size(), actual.size(), "node count");
        for (int i = 0; i < expected.size(); i++) {
            GraphNode e = expected.node(i);
            GraphNode a = actual.node(i);
            assertEquals(e.type(), a.type(), "type of node " + i);
            assertEquals(e.outShape(), a.outShape(), "shape of node " + i);
            assertEquals(e.flop(), a.flop(), "flop of node " + i);
            assertEquals(e.paramCount(), a.paramCount(), "params of node " + i);
            assertEquals(e.deps(), a.deps(), "deps of node " + i);
            assertEquals(e.costs(), a.costs(), "costs of node " + i);
            assertEquals(e.backward(), a.backward(), "direction of node " + i);
        }
        assertEquals(expected.paramBytes(), actual.paramBytes(), "parameter bytes");
    }

    @Test
    void mlpEqualsTheCatalogLinearNetwork() throws Exception {
        Path file = mlp(-1).write(dir, "mlp.onnx");
        TrainingGraph g = NetworkFiles.read(file, m0());
        assertEquals(27, g.size());
        assertSameGraph(Catalog.build("linear", m0()), g);
        assertEquals("mlp", g.name());
        assertEquals("m0", g.deviceId());
    }

    /** The catalog's vgg16_cifar as an exporter would write it (weights in external data). */
    @Test
    void vgg16CifarEqualsTheCatalogNetwork() throws Exception {
        OnnxFixture f = new OnnxFixture("vgg").input("x", -1, 3, 32, 32);
        String x = "x";
        long channels = 3;
        int i = 0;
        for (int c : new int[] {64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0}) {
            String y = "v" + i++;
            if (c == 0) {
                f.node("MaxPool", in(x), y, "kernel_shape", new long[] {2, 2}, "strides", new long[] {2, 2});
            } else {
                f.externalWeights(y + ".w", c, channels, 3, 3).externalWeights(y + ".b", c)
                        .node("Conv", in(x, y + ".w", y + ".b"), y + ".conv", "kernel_shape", new long[] {3, 3},
                                "pads", new long[] {1, 1, 1, 1})
                        .node("Relu", in(y + ".conv"), y);
                channels = c;
            }
            x = y;
        }
        f.node("Flatten", in(x), "flat");
        long[][] dense = {{512, 4096}, {4096, 4096}, {4096, 10}};
        x = "flat";
        for (int d = 0; d < dense.length; d++) {
            String y = "fc" + d;
            f.externalWeights(y + ".w", dense[d][1], dense[d][0]).externalWeights(y + ".b", dense[d][1])
                    .node("Gemm", in(x, y + ".w", y + ".b"), y, "transB", 1L);
            x = y;
            if (d < 2) {
                f.node("Relu", in(x), y + ".relu").node("Dropout", in(y + ".relu"), y + ".drop");
                x = y + ".drop";
            }
        }
        Path file = f.output(x, -1, 10).write(dir, "vgg16_cifar.onnx");
        assertSameGraph(Catalog.build("vgg16_cifar", m0()), NetworkFiles.read(file, m0()));
    }

    /** The catalog's resnet18_cifar: every shortcut projected by a 3x3 conv-bn, residual sums, average pool. */
    @Test
    void resnet18CifarEqualsTheCatalogNetwork() throws Exception {
        OnnxFixture f = new OnnxFixture("resnet").input("x", 1, 3, 32, 32);
        String x = convBn(f, "stem", "x", 3, 16, 1);
        long channels = 16;
        int block = 0;
        for (long width : new long[] {16, 32, 64}) {
            for (int j = 0; j < 2; j++) {
                int stride = width > 16 && j == 0 ? 2 : 1;
                String p = "b" + block++;
                String h = convBn(f, p + ".c1", x, channels, width, stride);
                f.node("Relu", in(h), p + ".r1");
                h = convBn(f, p + ".c2", p + ".r1", width, width, 1);
                f.node("Relu", in(h), p + ".r2");
                String shortcut = convBn(f, p + ".sc", x, channels, width, stride);
                f.node("Add", in(p + ".r2", shortcut), p + ".sum").node("Relu", in(p + ".sum"), p + ".out");
                x = p + ".out";
                channels = width;
            }
        }
        f.node("AveragePool", in(x), "pool", "kernel_shape", new long[] {8, 8})
                .node("Flatten", in("pool"), "flat")
                .externalWeights("fc.w", 10, 64).externalWeights("fc.b", 10)
                .node("Gemm", in("flat", "fc.w", "fc.b"), "logits", "transB", 1L)
                .output("logits", 1, 10);
        TrainingGraph g = NetworkFiles.read(f.write(dir, "resnet18_cifar.onnx"), m0());
        assertEquals(133, g.size());
        assertSameGraph(Catalog.build("resnet18_cifar", m0()), g);
    }

    private static String convBn(OnnxFixture f, String name, String x, long in, long out, int stride) {
        f.externalWeights(name + ".w", out, in, 3, 3).externalWeights(name + ".b", out)
                .node("Conv", in(x, name + ".w", name + ".b"), name, "strides", new long[] {stride, stride},
                        "pads", new long[] {1, 1, 1, 1})
                .externalWeights(name + ".s", out).externalWeights(name + ".o", out)
                .externalWeights(name + ".m", out).externalWeights(name + ".v", out)
                .node("BatchNormalization", in(name, name + ".s", name + ".o", name + ".m", name + ".v"), name + ".bn");
        return name + ".bn";
    }

    @Test
    void convBatchNormReluPoolEqualsTheHandBuiltNetwork() throws Exception {
        Path file = new OnnxFixture("cnn").input("x", 1, 3, 32, 32)
                .weights("c1.w", 16, 3, 3, 3).weights("c1.b", 16)
                .node("Conv", in("x", "c1.w", "c1.b"), "c1", "kernel_shape", new long[] {3, 3},
                        "pads", new long[] {1, 1, 1, 1})
                .weights("bn1.s", 16).weights("bn1.b", 16).weights("bn1.m", 16).weights("bn1.v", 16)
                .node("BatchNormalization", in("c1", "bn1.s", "bn1.b", "bn1.m", "bn1.v"), "bn1")
                .node("Relu", in("bn1"), "r1")
                .node("MaxPool", in("r1"), "p1", "kernel_shape", new long[] {3, 3}, "strides", new long[] {2, 2},
                        "pads", new long[] {1, 1, 1, 1})
                .weights("c2.w", 32, 16, 3, 3)
                .node("Conv", in("p1", "c2.w"), "c2", "strides", new long[] {2, 2}, "pads", new long[] {1, 1, 1, 1})
                .weights("bn2.s", 32).weights("bn2.b", 32).weights("bn2.m", 32).weights("bn2.v", 32)
                .node("BatchNormalization", in("c2", "bn2.s", "bn2.b", "bn2.m", "bn2.v"), "bn2")
                .node("Relu", in("bn2"), "r2")
                .node("AveragePool", in("r2"), "p2", "kernel_shape", new long[] {2, 2}, "strides", new long[] {2, 2})
                .node("Flatten", in("p2"), "flat")
                .weights("fc.w", 10, 512).weights("fc.b", 10)
                .node("Gemm", in("flat", "fc.w", "fc.b"), "logits", "transB", 1L)
                .valueInfo("p1", 1, 32 / 2 * 0 + 16, 16, 16) // a declared shape that agrees is accepted
                .output("logits", 1, 10)
                .write(dir, "cnn.onnx");

        NetworkBuilder b = new NetworkBuilder("cnn");
        int x = b.input(1, 3, 32, 32);
        x = b.add(new Conv2d(3, 16, 3, 1, 1), x);
        x = b.add(new BatchNorm2d(), x);
        x = b.add(new ReLU(), x);
        x = b.add(new MaxPool2d(3, 3, 2, 1, 1), x);
        x = b.add(new Conv2d(16, 32, 3, 2, 1), x);
        x = b.add(new BatchNorm2d(), x);
        x = b.add(new ReLU(), x);
        x = b.add(new AvgPool2d(2, 2), x);
        x = b.add(new Flatten(), x);
        x = b.add(new Linear(512, 10), x);
        b.add(new CrossEntropyLoss(10), x);

        TrainingGraph g = NetworkFiles.read(file, m0());
        assertSameGraph(TrainingGraphBuilder.build(b.build(), m0()), g);
        assertEquals(List.of(1L, 16L, 16L, 16L), g.node(4).outShape());
    }

    @Test
    void residualBlockEqualsTheHandBuiltNetwork() throws Exception {
        Path file = new OnnxFixture("block").input("x", 1, 16, 8, 8)
                .weights("c1.w", 16, 16, 3, 3)
                .node("Conv", in("x", "c1.w"), "c1", "pads", new long[] {1, 1, 1, 1})
                .weights("s", 16).weights("o", 16).weights("m", 16).weights("v", 16)
                .node("BatchNormalization", in("c1", "s", "o", "m", "v"), "bn1")
                .node("Relu", in("bn1"), "r1")
                .weights("c2.w", 16, 16, 3, 3)
                .node("Conv", in("r1", "c2.w"), "c2", "pads", new long[] {1, 1, 1, 1})
                .node("BatchNormalization", in("c2", "s", "o", "m", "v"), "bn2")
                .node("Add", in("bn2", "x"), "sum")
                .node("Relu", in("sum"), "r2")
                .node("GlobalAveragePool", in("r2"), "gap")
                .valueInfo("gap", 1, 16, 1, 1) // ONNX keeps the 1x1, and so does the layer
                .node("Flatten", in("gap"), "flat")
                .weights("fc.w", 10, 16).weights("fc.b", 10)
                .node("Gemm", in("flat", "fc.w", "fc.b"), "logits", "transB", 1L)
                .output("logits", 1, 10)
                .write(dir, "block.onnx");

        NetworkBuilder b = new NetworkBuilder("block");
        int x = b.input(1, 16, 8, 8);
        int h = b.add(new Conv2d(16, 16, 3, 1, 1), x);
        h = b.add(new BatchNorm2d(), h);
        h = b.add(new ReLU(), h);
        h = b.add(new Conv2d(16, 16, 3, 1, 1), h);
        h = b.add(new BatchNorm2d(), h);
        h = b.add(new SkipAdd(), h, x);
        h = b.add(new ReLU(), h);
        h = b.add(new GlobalAvgPool(true), h);
        h = b.add(new Flatten(), h);
        h = b.add(new Linear(16, 10), h);
        b.add(new CrossEntropyLoss(10), h);

        TrainingGraph g = OnnxImport.read(file, m0(), ImportOptions.DEFAULT);
        assertSameGraph(TrainingGraphBuilder.build(b.build(), m0()), g);
        assertEquals(List.of(0, 5), g.node(6).deps(), "the skip add reads the block input");
    }

    @Test
    void concatReshapeAndSoftmaxFollowTheDocumentedRules() throws Exception {
        Path file = new OnnxFixture("heads").input("x", 1, 8)
                .weights("a.w", 6, 8).weights("a.b", 6).node("Gemm", in("x", "a.w", "a.b"), "a", "transB", 1L)
                .weights("b.w", 4, 8).node("Gemm", in("x", "b.w"), "b", "transB", 1L)
                .node("Concat", in("a", "b"), "ab", "axis", -1L)
                .ints("shape1", 0, 2, -1).node("Reshape", in("ab", "shape1"), "grid")
                .ints("shape2", 1, 10).node("Reshape", in("grid", "shape2"), "flat")
                .node("Softmax", in("flat"), "probs", "axis", 1L)
                .output("probs", 1, 10)
                .write(dir, "heads.onnx");

        NetworkBuilder b = new NetworkBuilder("heads");
        int x = b.input(1, 8);
        int a = b.add(new Linear(8, 6), x);
        int c = b.add(new Linear(8, 4), x);
        int ab = b.add(new Concat(2, 1), a, c);
        int grid = b.add(new Reshape(List.of(1L, 2L, 5L)), ab);
        int flat = b.add(new Reshape(List.of(1L, 10L)), grid);
        int probs = b.add(new Softmax(), flat);
        b.add(new CrossEntropyLoss(10), probs);

        TrainingGraph g = NetworkFiles.read(file, m0());
        assertSameGraph(TrainingGraphBuilder.build(b.build(), m0()), g);
        assertEquals(10, g.node(3).flop(), "concat: one copy per output element");
        assertEquals(10, g.node(4).flop(), "reshape: one copy per output element");
        assertEquals(40, g.node(6).flop(), "softmax: 4 per element");
        assertEquals((8 + 1) * 4, g.node(2).paramCount(), "a Gemm without bias counts as Linear");
    }

    @Test
    void batchIsTheModelsOwnUnlessChosen() throws Exception {
        Path symbolic = mlp(-1).write(dir, "sym.onnx");
        assertEquals(List.of(1L, 784L), NetworkFiles.read(symbolic, m0()).node(0).outShape(), "symbolic: 1");
        TrainingGraph four = NetworkFiles.read(symbolic, m0(), ImportOptions.DEFAULT.withBatch(4));
        assertEquals(List.of(4L, 784L), four.node(0).outShape());
        assertEquals(List.of(4L, 10L), four.node(12).outShape());
        assertEquals(40L * 10, four.node(13).flop(), "the loss reads the whole batch");

        OnnxFixture fixed = new OnnxFixture("fixed").input("x", 2, 3, 4, 4)
                .ints("to", 2, 48).node("Reshape", in("x", "to"), "flat")
                .node("Relu", in("flat"), "y").output("y", 2, 48);
        Path file = fixed.write(dir, "fixed.onnx");
        assertEquals(List.of(2L, 48L), NetworkFiles.read(file, m0()).node(1).outShape(), "fixed batch 2 kept");
        assertEquals(List.of(8L, 48L), NetworkFiles.read(file, m0(), ImportOptions.DEFAULT.withBatch(8))
                .node(1).outShape(), "a batch written into a Reshape follows the chosen batch");
    }

    @Test
    void aModelWithItsOwnLossGetsNoOther() throws Exception {
        OnnxFixture f = new OnnxFixture("withloss").input("x", 1, 4).input("labels", 1)
                .weights("w", 3, 4).node("Gemm", in("x", "w"), "logits", "transB", 1L)
                .node("SoftmaxCrossEntropyLoss", in("logits", "labels"), "loss")
                .output("loss");
        TrainingGraph g = NetworkFiles.read(f.write(dir, "loss.onnx"), m0());
        assertEquals(5, g.size(), "input, linear, loss and two gradients");
        assertEquals("CrossEntropyLoss", g.node(2).type());
        assertEquals(List.of(3L), g.node(2).outShape());
    }

    @Test
    void unsupportedOperatorsAreAllListedWithCountsPastTheFirst() throws Exception {
        Path file = new OnnxFixture("seq").input("x", 1, 16)
                .weights("w", 8, 16).node("Gemm", in("x", "w"), "h", "transB", 1L)
                .node("Elu", in("h"), "e1").valueInfo("e1", 1, 8)
                .node("Elu", in("e1"), "e2").valueInfo("e2", 1, 8)
                .ints("to", 1, 2, 2, 2).node("Reshape", in("e2", "to"), "img")
                .weights("k", 2, 2, 1, 1)
                .node("Conv", in("img", "k"), "c", "dilations", new long[] {2, 2})
                .node("Relu", in("c"), "r")
                .node("TopK", in("r"), "t")
                .node("Relu", in("t"), "y")
                .output("y", 1, 2, 2, 2)
                .write(dir, "seq.onnx");
        InputException e = assertThrows(InputException.class, () -> NetworkFiles.read(file, m0()));
        // the Elu outputs have declared shapes, so the Conv behind them is checked too; the Conv's output
        // has none, so the Relu after it cannot be checked, nor the Relu after TopK (which has no rule at all)
        assertEquals(file + ": unsupported operators: Elu x2, Conv (dilations [2, 2]) x1, TopK x1; 2 nodes after them"
                + " could not be checked (import with the conservative estimate to cost them anyway)", e.getMessage());

        Path transposed = new OnnxFixture("t").input("x", 1, 4).weights("w", 3, 4)
                .node("Transpose", in("w"), "wt").node("MatMul", in("x", "wt"), "y").output("y", 1, 3)
                .write(dir, "transposed.onnx");
        assertEquals("LinearLayer", NetworkFiles.read(transposed, m0()).node(1).type(),
                "a transposed weight is still a weight");

        Path same = new OnnxFixture("same").input("x", 1, 4, 8, 8).weights("w", 6, 4, 3, 3)
                .node("Conv", in("x", "w"), "c", "auto_pad", "SAME_UPPER")
                .node("MaxPool", in("c"), "y", "kernel_shape", new long[] {2, 2}, "strides", new long[] {2, 2},
                        "auto_pad", "SAME_UPPER")
                .output("y", 1, 6, 4, 4).write(dir, "same.onnx");
        TrainingGraph sameGraph = NetworkFiles.read(same, m0());
        assertEquals(new Conv2d(4, 6, 3, 1, 1).apply(List.of(List.of(1L, 4L, 8L, 8L))).flop(), sameGraph.node(1).flop(),
                "SAME with an odd kernel is a symmetric padding");
        assertEquals(List.of(1L, 6L, 4L, 4L), sameGraph.node(2).outShape());
        Path uneven = new OnnxFixture("uneven").input("x", 1, 4, 8, 8).weights("w", 6, 4, 2, 2)
                .node("Conv", in("x", "w"), "y", "auto_pad", "SAME_LOWER").output("y", 1, 6, 8, 8)
                .write(dir, "uneven.onnx");
        assertTrue(assertThrows(InputException.class, () -> NetworkFiles.read(uneven, m0())).getMessage()
                .contains("unsupported operators: Conv (auto_pad SAME_LOWER with uneven padding) x1"));
    }

    /** Asserts a forward node: its type, output shape, FLOPs and the nodes it reads. */
    private static void forward(TrainingGraph g, int i, String type, List<Long> shape, long flop, Integer... deps) {
        GraphNode n = g.node(i);
        assertEquals(type, n.type(), "type of node " + i);
        assertEquals(shape, n.outShape(), "shape of node " + i);
        assertEquals(flop, n.flop(), "FLOPs of node " + i);
        assertEquals(List.of(deps), n.deps(), "inputs of node " + i);
    }

    /** torch.split as the dynamo exporter writes it without its optimiser: a sequence whose parts are picked by position. */
    @Test
    void eachPartPickedFromASequenceIsOneCopyAsSplitMakes() throws Exception {
        // (1, 10, 4) cut along axis 1 into parts of 4 rows: 4, 4 and the last 2; position -1 picked twice
        Path file = new OnnxFixture("chunks").input("x", 1, 10, 4)
                .scalarInt("four", 4).scalarInt("last", -1).scalarInt("first", 0)
                .node("Relu", in("x"), "r")
                .node("SplitToSequence", in("r", "four"), "parts", "axis", 1L)
                .node("SequenceAt", in("parts", "last"), "tail")
                .node("SequenceAt", in("parts", "last"), "tail2")
                .node("SequenceAt", in("parts", "first"), "head")
                .node("Relu", in("tail"), "r2")
                .node("Concat", in("head", "r2", "tail2"), "y", "axis", 1L)
                .output("y", 1, 8, 4).write(dir, "chunks.onnx");
        TrainingGraph g = NetworkFiles.read(file, m0());
        assertEquals(2 * 6 + 1, g.size(), "input, ReLU, two parts, ReLU, concat, loss and their gradients");
        forward(g, 2, "SplitLayer", List.of(1L, 2L, 4L), 8, 1); // one copy per element of the part
        forward(g, 3, "SplitLayer", List.of(1L, 4L, 4L), 16, 1);
        forward(g, 4, "ReLULayer", List.of(1L, 2L, 4L), 8, 2);
        forward(g, 5, "ConcatLayer", List.of(1L, 8L, 4L), 32, 2, 3, 4); // the part picked twice is one node
        // backward as for Split: the gradient of the pair (part 2, part 3) costs twice part 2's copy
        forward(g, 10, "GradientLayer", List.of(1L, 4L, 4L), 2 * 8, 2, 3, 9);

        // unbind: no split, keepdims 0 drops the axis; (1, 3, 4) -> three parts of (1, 4)
        Path unbind = new OnnxFixture("unbind").input("x", 1, 3, 4).scalarInt("one", 1)
                .node("SplitToSequence", in("x", ""), "rows", "axis", 1L, "keepdims", 0L)
                .node("SequenceAt", in("rows", "one"), "y").output("y", 1, 4).write(dir, "unbind.onnx");
        forward(NetworkFiles.read(unbind, m0()), 1, "SplitLayer", List.of(1L, 4L), 4, 0);

        // lengths given as a list, on the last axis counted from the end
        Path lengths = new OnnxFixture("lengths").input("x", 1, 2, 4).ints("sizes", 1, 3).scalarInt("one", 1)
                .node("SplitToSequence", in("x", "sizes"), "p", "axis", -1L, "keepdims", 0L)
                .node("SequenceAt", in("p", "one"), "y").output("y", 1, 2, 3).write(dir, "lengths.onnx");
        forward(NetworkFiles.read(lengths, m0()), 1, "SplitLayer", List.of(1L, 2L, 3L), 6, 0);

        // a part of a weight is a constant: the Add reads it, no node copies it
        Path weight = new OnnxFixture("weight").input("x", 1, 4).weights("w", 2, 4).scalarInt("one", 1)
                .node("SplitToSequence", in("w", ""), "rows", "keepdims", 0L)
                .node("SequenceAt", in("rows", "one"), "b")
                .node("Add", in("x", "b"), "y").output("y", 1, 4).write(dir, "weight.onnx");
        TrainingGraph w = NetworkFiles.read(weight, m0());
        assertEquals(5, w.size(), "input, add, loss and two gradients");
        forward(w, 1, "AddLayer", List.of(1L, 4L), 4, 0);
    }

    /** A split or a position the import cannot know, or a sequence where a tensor belongs, is refused with the others. */
    @Test
    void sequencesTheImportCannotFollowAreRefused() throws Exception {
        Path fromData = new OnnxFixture("d").input("x", 1, 6, 4).dataInput("n", 1).scalarInt("zero", 0)
                .node("SplitToSequence", in("x", "n"), "p", "axis", 1L)
                .node("SequenceAt", in("p", "zero"), "a").node("Relu", in("a"), "y").output("y", 1, 2, 4)
                .write(dir, "splitdata.onnx");
        assertEquals(fromData + ": unsupported operators: SplitToSequence (split computed from values unknown at"
                + " import) x1; 2 nodes after them could not be checked (import with the conservative estimate to"
                + " cost them anyway)", assertThrows(InputException.class, () -> NetworkFiles.read(fromData, m0()))
                        .getMessage());

        Path position = new OnnxFixture("p").input("x", 1, 6, 4).dataInput("i", 1).scalarInt("two", 2)
                .node("SplitToSequence", in("x", "two"), "p", "axis", 1L)
                .node("SequenceAt", in("p", "i"), "a")
                .node("ConcatFromSequence", in("p"), "c", "axis", 1L)
                .node("Relu", in("a"), "y").output("y", 1, 2, 4).write(dir, "positiondata.onnx");
        assertEquals(position + ": unsupported operators: SequenceAt (position computed from values unknown at"
                + " import) x1, ConcatFromSequence x1; 1 node after them could not be checked (import with the"
                + " conservative estimate to cost them anyway)",
                assertThrows(InputException.class, () -> NetworkFiles.read(position, m0())).getMessage());

        Path outside = new OnnxFixture("o").input("x", 1, 6, 4).scalarInt("two", 2).scalarInt("three", 3)
                .node("SplitToSequence", in("x", "two"), "p", "axis", 1L)
                .node("SequenceAt", in("p", "three"), "y").output("y", 1, 2, 4).write(dir, "outside.onnx");
        assertEquals(outside + ": node 'sequenceat_1' (SequenceAt): position 3 is outside a sequence of 3 tensors",
                assertThrows(InputException.class, () -> NetworkFiles.read(outside, m0())).getMessage());

        Path uneven = new OnnxFixture("u").input("x", 1, 6, 4).ints("sizes", 2, 3).scalarInt("zero", 0)
                .node("SplitToSequence", in("x", "sizes"), "p", "axis", 1L)
                .node("SequenceAt", in("p", "zero"), "y").output("y", 1, 2, 4).write(dir, "uneven.onnx");
        assertEquals(uneven + ": node 'splittosequence_0' (SplitToSequence): split [2, 3] does not add up to"
                + " dimension 1 of [1, 6, 4]",
                assertThrows(InputException.class, () -> NetworkFiles.read(uneven, m0())).getMessage());
    }

    @Test
    void theEstimateCostsUnsupportedOperatorsFromTheirDeclaredShapes() throws Exception {
        OnnxFixture f = new OnnxFixture("seq").input("x", 1, 16)
                .weights("w", 8, 16).node("Gemm", in("x", "w"), "h", "transB", 1L)
                .weights("lw", 1, 32, 8).weights("lr", 1, 32, 8).node("Einsum", in("h", "lw", "lr"), "l1",
                        "equation", "bi,bjk->bjk")
                .node("Elu", in("l1"), "e")
                .node("Relu", in("e"), "y")
                .output("y", 1, 8);
        Path noShapes = f.write(dir, "noshapes.onnx");
        ImportOptions estimate = ImportOptions.DEFAULT.withUnsupported(ImportOptions.Unsupported.ESTIMATE);
        InputException e = assertThrows(InputException.class, () -> NetworkFiles.read(noShapes, m0(), estimate));
        assertTrue(e.getMessage().contains("node 'einsum_1' (Einsum): has no cost rule"), e.getMessage());
        assertTrue(e.getMessage().contains("shape inference"), e.getMessage());

        Path file = f.valueInfo("l1", 1, 1, 1, 8).valueInfo("e", 1, 1, 1, 8).write(dir, "shapes.onnx");
        TrainingGraph g = NetworkFiles.read(file, m0(), estimate);
        GraphNode einsum = g.node(2);
        assertEquals("Estimated:Einsum", einsum.type());
        assertEquals(List.of(1L, 1L, 1L, 8L), einsum.outShape());
        assertEquals(512, einsum.paramCount(), "its weight inputs");
        assertEquals(2 * 512 * 1 + 2 * 8 + 8, einsum.flop(), "2 params rows + 2 prod(input) + prod(out)");
        GraphNode elu = g.node(3);
        assertEquals("Estimated:Elu", elu.type());
        assertEquals(2 * 8 + 8, elu.flop());
        assertEquals(List.of(2), elu.deps());
    }

    @Test
    void malformedFilesFailWithTheirReason() throws Exception {
        byte[] good = mlp(-1).model().toByteArray();

        Path truncated = dir.resolve("truncated.onnx");
        Files.write(truncated, Arrays.copyOf(good, good.length / 2));
        assertEquals(truncated + ": not an ONNX model, or damaged: the data ends inside a message (truncated file?)",
                assertThrows(InputException.class, () -> NetworkFiles.read(truncated, m0())).getMessage());

        Path random = dir.resolve("random.onnx");
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Files.write(random, noise);
        String r = assertThrows(InputException.class, () -> NetworkFiles.read(random, m0())).getMessage();
        assertTrue(r.startsWith(random + ": not an ONNX model"), r);

        Path empty = Files.createFile(dir.resolve("empty.onnx"));
        assertEquals(empty + ": not an ONNX model: the file is empty",
                assertThrows(InputException.class, () -> NetworkFiles.read(empty, m0())).getMessage());

        Path json = Files.writeString(dir.resolve("json.onnx"), "{\"nodes\": []}\n");
        assertEquals(json + ": not an ONNX model: unexpected data at byte 0",
                assertThrows(InputException.class, () -> NetworkFiles.read(json, m0())).getMessage());

        Path noGraph = dir.resolve("nograph.onnx");
        Files.write(noGraph, mlp(-1).model().toBuilder().clearGraph().build().toByteArray());
        assertEquals(noGraph + ": not an ONNX model: it has no graph",
                assertThrows(InputException.class, () -> NetworkFiles.read(noGraph, m0())).getMessage());
    }

    @Test
    void graphsOverFiveThousandNodesAreRefused() throws Exception {
        OnnxFixture f = new OnnxFixture("long").input("x", 1, 4);
        String x = "x";
        for (int i = 0; i <= OnnxReader.MAX_NODES; i++) {
            f.node("Relu", in(x), "r" + i);
            x = "r" + i;
        }
        Path file = f.output(x, 1, 4).write(dir, "long.onnx");
        assertEquals(file + ": graph: has more than 5000 nodes; graphs this large are refused",
                assertThrows(InputException.class, () -> NetworkFiles.read(file, m0())).getMessage());
    }

    @Test
    void filesOverTwoGibibytesAreRefusedUnread() throws Exception {
        Path file = dir.resolve("huge.onnx");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(OnnxReader.MAX_FILE_BYTES + 1); // sparse: no disk used
        }
        assertEquals(file + ": the file is 2048 MiB; an ONNX file holds at most 2 GiB (larger models keep their"
                + " weights in external data)",
                assertThrows(InputException.class, () -> NetworkFiles.read(file, m0())).getMessage());
    }

    /**
     * A model with 600 MiB of weights inside the file (a sparse file: the weights are zeros no
     * disk holds) imports, reading only what it keeps: the weights are skipped, not read.
     */
    @Test
    void weightsInsideALargeFileAreSkipped() throws Exception {
        long rows = 150L << 20; // a [150 Mi, 1] float tensor: 600 MiB
        byte[] graph = mlp(1).model().getGraph().toByteArray();
        byte[] head = TensorProto.newBuilder().setName("big").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(rows).addDims(1).build().toByteArray();
        long raw = 4 * rows;
        int rawTag = (TensorProto.RAW_DATA_FIELD_NUMBER << 3) | 2;
        long initializer = head.length + CodedOutputStream.computeUInt32SizeNoTag(rawTag)
                + CodedOutputStream.computeUInt64SizeNoTag(raw) + raw;
        int initTag = (GraphProto.INITIALIZER_FIELD_NUMBER << 3) | 2;
        long graphLength = graph.length + CodedOutputStream.computeUInt32SizeNoTag(initTag)
                + CodedOutputStream.computeUInt64SizeNoTag(initializer) + initializer;
        java.io.ByteArrayOutputStream prefix = new java.io.ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(prefix);
        out.writeInt64(ModelProto.IR_VERSION_FIELD_NUMBER, 8);
        out.writeTag(ModelProto.GRAPH_FIELD_NUMBER, 2);
        out.writeUInt64NoTag(graphLength);
        out.writeRawBytes(graph);
        out.writeUInt32NoTag(initTag);
        out.writeUInt64NoTag(initializer);
        out.writeRawBytes(head);
        out.writeUInt32NoTag(rawTag);
        out.writeUInt64NoTag(raw);
        out.flush();
        Path file = dir.resolve("weights-inside.onnx");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(prefix.toByteArray());
            raf.setLength(prefix.size() + raw); // the weights: a hole of zeros
        }
        assertTrue(Files.size(file) > 600L << 20);
        OnnxModel m = OnnxReader.read(file);
        assertEquals(List.of(rows, 1L), m.initializers().get("big").dims());
        assertEquals(null, m.initializers().get("big").values(), "the weights are skipped");
        assertEquals(27, NetworkFiles.read(file, m0()).size());

        Path cut = dir.resolve("cut.onnx");
        try (RandomAccessFile raf = new RandomAccessFile(cut.toFile(), "rw")) {
            raf.write(prefix.toByteArray());
            raf.setLength(prefix.size() + raw - 1);
        }
        assertEquals(cut + ": not an ONNX model, or damaged: the data ends inside a message (truncated file?)",
                assertThrows(InputException.class, () -> NetworkFiles.read(cut, m0())).getMessage());
    }

    @Test
    void graphsThatWouldKeepTooMuchAreRefused() throws Exception {
        // a Constant node holding 70 MiB of weights: nodes are kept, so this one is refused before it is read
        TensorProto big = TensorProto.newBuilder().setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(70L << 18)
                .setRawData(com.google.protobuf.ByteString.copyFrom(new byte[70 << 20])).build();
        ModelProto model = mlp(1).model();
        ModelProto withConstant = model.toBuilder().setGraph(model.getGraph().toBuilder().addNode(
                org.poetexplorer.io.onnx.proto.Onnx.NodeProto.newBuilder().setOpType("Constant").addOutput("c")
                        .addAttribute(org.poetexplorer.io.onnx.proto.Onnx.AttributeProto.newBuilder().setName("value")
                                .setType(org.poetexplorer.io.onnx.proto.Onnx.AttributeProto.AttributeType.TENSOR)
                                .setT(big)))).build();
        Path file = dir.resolve("constant.onnx");
        Files.write(file, withConstant.toByteArray());
        assertEquals(file + ": graph: its nodes, shapes and small tensors take more than 64 MiB (weights held in"
                + " Constant nodes?); graphs this large are refused",
                assertThrows(InputException.class, () -> NetworkFiles.read(file, m0())).getMessage());
    }

    @Test
    void badGraphsAreRefusedByNode() throws Exception {
        Path missing = new OnnxFixture("m").input("x", 1, 4).node("Relu", in("nowhere"), "y").output("y", 1, 4)
                .write(dir, "missing.onnx");
        assertEquals(missing + ": node 'relu_0' (Relu): uses 'nowhere', which no earlier node, graph input or"
                + " initializer gives",
                assertThrows(InputException.class, () -> NetworkFiles.read(missing, m0())).getMessage());

        Path mismatch = new OnnxFixture("mm").input("x", 1, 5).weights("w", 3, 4)
                .node("Gemm", in("x", "w"), "y", "transB", 1L).output("y", 1, 3).write(dir, "mm.onnx");
        assertEquals(mismatch + ": node 'gemm_0' (Gemm): expects 4 input features (input shape was [1, 5])",
                assertThrows(InputException.class, () -> NetworkFiles.read(mismatch, m0())).getMessage());

        Path declared = new OnnxFixture("d").input("x", 1, 4).node("Relu", in("x"), "y").valueInfo("y", 1, 5)
                .node("Relu", in("y"), "z").output("z", 1, 4).write(dir, "declared.onnx");
        assertEquals(declared + ": node 'relu_0' (Relu): the model declares shape [1, 5] for 'y' but the operator"
                + " gives [1, 4]",
                assertThrows(InputException.class, () -> NetworkFiles.read(declared, m0())).getMessage());

        Path seq = new OnnxFixture("s").input("x", -1, -1, 4).node("Relu", in("x"), "y").output("y", -1, -1, 4)
                .write(dir, "seq.onnx");
        assertEquals(seq + ": graph.input 'x': dimension 1 is symbolic ('N'); only the batch dimension may be",
                assertThrows(InputException.class, () -> NetworkFiles.read(seq, m0())).getMessage());

        Path any = mlp(1).write(dir, "nodevice.onnx");
        assertEquals(any + ": an ONNX model carries no costs: choose a device to cost it for",
                assertThrows(InputException.class, () -> NetworkFiles.read(any, null)).getMessage());
    }

    /** Windows and axes that cannot be are errors in the model, named by node; they used to fail inside the engine. */
    @Test
    void impossibleWindowsAndAxesAreRefusedByNode() throws Exception {
        Path stride = new OnnxFixture("s").input("x", 1, 2, 8, 8).weights("w", 4, 2, 3, 3)
                .node("Conv", in("x", "w"), "y", "strides", new long[] {0, 0}).output("y", 1, 4, 6, 6)
                .write(dir, "stride0.onnx");
        assertEquals(stride + ": node 'conv_0' (Conv): strides [0, 0] must be >= 1",
                assertThrows(InputException.class, () -> NetworkFiles.read(stride, m0())).getMessage());

        Path kernel = new OnnxFixture("k").input("x", 1, 2, 8, 8).weights("w", 4, 2, 0, 3)
                .node("Conv", in("x", "w"), "y").output("y", 1, 4, 6, 6).write(dir, "kernel0.onnx");
        assertEquals(kernel + ": node 'conv_0' (Conv): kernel [0, 3] must be >= 1",
                assertThrows(InputException.class, () -> NetworkFiles.read(kernel, m0())).getMessage());

        Path pool = new OnnxFixture("p").input("x", 1, 2, 8, 8)
                .node("MaxPool", in("x"), "y", "kernel_shape", new long[] {0, 2}).output("y", 1, 2, 4, 4)
                .write(dir, "pool0.onnx");
        assertEquals(pool + ": node 'maxpool_0' (MaxPool): kernel_shape [0, 2] must be >= 1",
                assertThrows(InputException.class, () -> NetworkFiles.read(pool, m0())).getMessage());

        Path poolStride = new OnnxFixture("p").input("x", 1, 2, 8, 8)
                .node("AveragePool", in("x"), "y", "kernel_shape", new long[] {2, 2}, "strides", new long[] {0, 0})
                .output("y", 1, 2, 4, 4).write(dir, "poolstride0.onnx");
        assertEquals(poolStride + ": node 'averagepool_0' (AveragePool): strides [0, 0] must be >= 1",
                assertThrows(InputException.class, () -> NetworkFiles.read(poolStride, m0())).getMessage());

        Path softmax = new OnnxFixture("sm").input("x", 1, 10).node("Softmax", in("x"), "y", "axis", 2L)
                .output("y", 1, 10).write(dir, "softmax.onnx");
        assertEquals(softmax + ": node 'softmax_0' (Softmax): axis 2 is outside a rank-2 input",
                assertThrows(InputException.class, () -> NetworkFiles.read(softmax, m0())).getMessage());
        Path negative = new OnnxFixture("sm").input("x", 1, 10).node("Softmax", in("x"), "y", "axis", -3L)
                .output("y", 1, 10).write(dir, "softmax-3.onnx");
        assertEquals(negative + ": node 'softmax_0' (Softmax): axis -3 is outside a rank-2 input",
                assertThrows(InputException.class, () -> NetworkFiles.read(negative, m0())).getMessage());
    }

    @Test
    void anImportedNetworkSavesAsAJsonNetworkFile() throws Exception {
        TrainingGraph g = NetworkFiles.read(mlp(-1).write(dir, "mlp.onnx"), m0());
        Path json = dir.resolve("mlp.json");
        NetworkFiles.write(g, json);
        TrainingGraph back = NetworkFiles.read(json, null);
        assertSameGraph(g, back);
        assertEquals(g.name(), back.name());
    }

    @Test
    void weightsAreNotKept() throws Exception {
        Path file = mlp(1).weights("big", 1000, 1000).write(dir, "big.onnx");
        OnnxModel m = OnnxReader.read(file);
        Tensor big = m.initializers().get("big");
        assertEquals(List.of(1000L, 1000L), big.dims());
        assertEquals(null, big.values(), "float data is skipped");
        assertTrue(Files.size(file) > 4_000_000);
    }
}

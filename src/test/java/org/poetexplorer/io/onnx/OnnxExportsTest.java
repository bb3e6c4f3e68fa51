package org.poetexplorer.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.InputException;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.GraphNode;
import org.poetexplorer.model.TrainingGraph;

/**
 * The models users export, as PyTorch's two exporters write them: narrow versions of
 * torchvision and Hugging Face networks made by tools/onnx-fixtures/make_fixtures.py (graph
 * files only; their weights are external data the import never reads). Every one imports
 * without the estimate, and one block of each kind costs what its rules say, worked out by hand.
 */
class OnnxExportsTest {
    /** Training-graph nodes of every fixture: forward layers, the loss and one gradient per layer. */
    private static final Map<String, Integer> NODES = Map.ofEntries(
            Map.entry("mlp.dynamo", 9), Map.entry("mlp.classic", 9),
            Map.entry("resnet_basic.dynamo", 37), Map.entry("resnet_basic.classic", 37),
            Map.entry("resnet_basic.dynamo.train", 49), Map.entry("resnet_basic.classic.train", 49),
            Map.entry("resnet_bottleneck.dynamo", 47), Map.entry("resnet_bottleneck.classic", 47),
            Map.entry("mobilenet_v2.dynamo", 39), Map.entry("mobilenet_v2.classic", 39),
            Map.entry("mobilenet_v2.dynamo.train", 57), Map.entry("mobilenet_v2.classic.train", 57),
            Map.entry("mobilenet_v3.dynamo", 73), Map.entry("mobilenet_v3.classic", 73),
            Map.entry("efficientnet.dynamo", 103), Map.entry("efficientnet.classic", 103),
            Map.entry("squeezenet.dynamo", 61), Map.entry("squeezenet.classic", 61),
            Map.entry("densenet.dynamo", 75), Map.entry("densenet.classic", 75),
            Map.entry("vgg.dynamo", 29), Map.entry("vgg.classic", 29),
            Map.entry("vit.dynamo", 163), Map.entry("vit.classic", 179),
            Map.entry("bert.dynamo", 133), Map.entry("bert.classic", 137),
            Map.entry("bert.dynamo.train", 147), Map.entry("bert.classic.train", 151),
            Map.entry("distilbert.dynamo", 125), Map.entry("distilbert.classic", 129),
            Map.entry("gpt2.dynamo", 187), Map.entry("gpt2.classic", 179),
            Map.entry("gpt2.dynamo.train", 205), Map.entry("gpt2.classic.train", 193),
            Map.entry("t5_encoder.dynamo", 163), Map.entry("t5_encoder.classic", 167),
            Map.entry("lstm.dynamo", 23), Map.entry("lstm.classic", 19),
            Map.entry("gru.dynamo", 23), Map.entry("gru.classic", 19));

    private static final List<String> TRANSFORMERS = List.of("bert", "distilbert", "gpt2", "t5_encoder");

    private static Device a72() throws InputException {
        return DeviceFiles.builtIn("a72");
    }

    static Path fixture(String name) {
        try {
            return Path.of(OnnxExportsTest.class.getResource("/org/poetexplorer/onnx/" + name + ".onnx").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OnnxImport.Imported load(String name) throws InputException {
        return OnnxImport.load(fixture(name), a72(), ImportOptions.DEFAULT);
    }

    private static TrainingGraph graph(String name) throws InputException {
        return load(name).graph();
    }

    static Stream<String> fixtures() {
        return NODES.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void importsWithoutTheEstimate(String name) throws Exception {
        TrainingGraph g = graph(name);
        assertEquals(NODES.get(name), g.size(), "training-graph nodes");
        for (GraphNode n : g.nodes()) {
            assertFalse(n.type().startsWith("Estimated"), n.name());
        }
    }

    /** Asserts node {@code i}: its type, output shape, FLOPs, parameters and the forward nodes it reads. */
    private static void node(TrainingGraph g, int i, String type, List<Long> shape, long flop, long params,
            Integer... deps) {
        GraphNode n = g.node(i);
        assertEquals(type, n.type(), "type of node " + i);
        assertEquals(shape, n.outShape(), "shape of node " + i);
        assertEquals(flop, n.flop(), "FLOPs of node " + i);
        assertEquals(params, n.paramCount(), "params of node " + i);
        assertEquals(List.of(deps), n.deps(), "inputs of node " + i);
    }

    private static List<Long> s(long... dims) {
        List<Long> out = new ArrayList<>();
        for (long d : dims) {
            out.add(d);
        }
        return out;
    }

    /** The same graph from both exporters: every node alike. */
    private static void sameGraph(String a, String b) throws InputException {
        TrainingGraph ga = graph(a);
        TrainingGraph gb = graph(b);
        assertEquals(ga.size(), gb.size(), a + " and " + b);
        for (int i = 0; i < ga.size(); i++) {
            GraphNode x = ga.node(i);
            GraphNode y = gb.node(i);
            boolean viewOfTheSame = x.type().equals("FlattenLayer") && y.type().equals("ReshapeLayer");
            assertTrue(x.type().equals(y.type()) || viewOfTheSame, "type of node " + i + ": " + x.type() + ", " + y.type());
            assertEquals(x.outShape(), y.outShape(), "shape of node " + i);
            assertEquals(x.flop(), y.flop(), "FLOPs of node " + i);
            assertEquals(x.paramCount(), y.paramCount(), "params of node " + i);
            assertEquals(x.deps(), y.deps(), "inputs of node " + i);
        }
    }

    @Test
    void imageNetworksAreTheSameGraphFromBothExporters() throws Exception {
        for (String net : List.of("mlp", "resnet_basic", "resnet_bottleneck", "mobilenet_v2", "mobilenet_v3",
                "efficientnet", "squeezenet", "densenet", "vgg")) {
            sameGraph(net + ".classic", net + ".dynamo");
        }
        sameGraph("resnet_basic.classic.train", "resnet_basic.dynamo.train");
        sameGraph("mobilenet_v2.classic.train", "mobilenet_v2.dynamo.train");
    }

    /** ResNet's BasicBlock, 8 channels at 16x16 (2048 elements), exported for training with its BatchNorms. */
    @Test
    void basicBlock() throws Exception {
        TrainingGraph g = graph("resnet_basic.classic.train");
        List<Long> x = s(1, 8, 16, 16);
        long conv = 2 * 3 * 3 * 2048 * 8 + 2048; // 2 kh kw prod(in) outC + prod(out)
        long convParams = 8 * 8 * 3 * 3 + 8;
        node(g, 5, "Conv2dLayer", x, conv, convParams, 4);
        node(g, 6, "BatchNorm2d", x, 2 * 2048, 4 * 8, 5);
        node(g, 7, "ReLULayer", x, 2048, 0, 6);
        node(g, 8, "Conv2dLayer", x, conv, convParams, 7);
        node(g, 9, "BatchNorm2d", x, 2 * 2048, 4 * 8, 8);
        node(g, 10, "SkipAddLayer", x, 2048, 0, 4, 9); // the block's input, the shortcut
        node(g, 11, "ReLULayer", x, 2048, 0, 10);
    }

    /** MobileNetV2's inverted residual: 1x1 expansion to 32, ReLU6, depthwise 3x3, ReLU6, 1x1 projection, skip. */
    @Test
    void invertedResidualWithADepthwiseConvolution() throws Exception {
        TrainingGraph g = graph("mobilenet_v2.dynamo");
        node(g, 3, "Conv2dLayer", s(1, 32, 16, 16), 2 * 1 * 1 * 2048 * 32 + 8192, 32 * 8 + 32, 2);
        node(g, 4, "ClipLayer", s(1, 32, 16, 16), 2 * 8192, 0, 3); // ReLU6: a comparison at each end
        // 32 groups of one channel: weights and multiply-adds divided by 32
        node(g, 5, "Conv2dLayer", s(1, 32, 16, 16), 2 * 3 * 3 * 8192 * 32 / 32 + 8192, 32 * 1 * 3 * 3 + 32, 4);
        node(g, 6, "ClipLayer", s(1, 32, 16, 16), 2 * 8192, 0, 5);
        node(g, 7, "Conv2dLayer", s(1, 8, 16, 16), 2 * 8192 * 8 + 2048, 8 * 32 + 8, 6);
        node(g, 8, "SkipAddLayer", s(1, 8, 16, 16), 2048, 0, 2, 7);
    }

    /** MobileNetV3's squeeze-and-excitation: the global mean, two 1x1 convolutions, HardSigmoid, a broadcast product. */
    @Test
    void squeezeAndExcitation() throws Exception {
        TrainingGraph g = graph("mobilenet_v3.dynamo"); // the mean is a ReduceMean over height and width here
        node(g, 2, "HardSwishLayer", s(1, 8, 16, 16), 5 * 2048, 0, 1);
        node(g, 5, "GlobalAvgPool", s(1, 8, 1, 1), 2 * 512, 0, 4);
        node(g, 6, "Conv2dLayer", s(1, 8, 1, 1), 2 * 8 * 8 + 8, 8 * 8 + 8, 5);
        node(g, 7, "ReLULayer", s(1, 8, 1, 1), 8, 0, 6);
        node(g, 8, "Conv2dLayer", s(1, 8, 1, 1), 2 * 8 * 8 + 8, 8 * 8 + 8, 7);
        node(g, 9, "HardSigmoidLayer", s(1, 8, 1, 1), 4 * 8, 0, 8);
        node(g, 10, "MulLayer", s(1, 8, 8, 8), 512, 0, 4, 9); // the channel scales broadcast over 8x8
    }

    /** EfficientNet's SiLU, x times sigmoid(x): a product of two activations. */
    @Test
    void silu() throws Exception {
        TrainingGraph g = graph("efficientnet.classic");
        node(g, 2, "SigmoidLayer", s(1, 8, 16, 16), 4 * 2048, 0, 1);
        node(g, 3, "MulLayer", s(1, 8, 16, 16), 2048, 0, 1, 2);
    }

    /** SqueezeNet: a max pool that rounds its steps up (30 -> 15, not 14), then a Fire module's two branches joined. */
    @Test
    void ceilModePoolAndFire() throws Exception {
        TrainingGraph g = graph("squeezenet.classic");
        node(g, 3, "MaxPool2d", s(1, 16, 15, 15), 2 * 3 * 3 * 3600, 0, 2);
        node(g, 4, "Conv2dLayer", s(1, 4, 15, 15), 2 * 3600 * 4 + 900, 4 * 16 + 4, 3);
        node(g, 10, "ConcatLayer", s(1, 16, 15, 15), 3600, 0, 7, 9);
        node(g, 18, "MaxPool2d", s(1, 16, 7, 7), 2 * 3 * 3 * 784, 0, 17); // ceil(12 / 2) + 1 = 7
    }

    /** DenseNet: every layer's input is all the features before it, joined, then batch-normalised. */
    @Test
    void denseBlock() throws Exception {
        TrainingGraph g = graph("densenet.dynamo");
        node(g, 15, "ConcatLayer", s(1, 16, 8, 8), 1024, 0, 3, 8, 14);
        node(g, 16, "BatchNorm2d", s(1, 16, 8, 8), 2 * 1024, 4 * 16, 15);
    }

    /** ViT: patches, a learned class token joined before them, learned positions added, a LayerNorm, attention. */
    @Test
    void visionTransformerBlock() throws Exception {
        for (String name : List.of("vit.classic", "vit.dynamo")) {
            TrainingGraph g = graph(name);
            node(g, 3, "TransposeLayer", s(1, 16, 32), 512, 0, 2);
            node(g, 4, "ConcatLayer", s(1, 17, 32), 17 * 32, 32, 3); // the class token: 32 learned values
            node(g, 5, "AddLayer", s(1, 17, 32), 17 * 32, 17 * 32, 4); // the position embedding
            node(g, 6, "LayerNormLayer", s(1, 17, 32), 9 * 544 + 2 * 17, 2 * 32, 5);
            // q, k and v at once on (17, 1, 32): 17 rows of the reference's Linear count
            node(g, 8, "LinearLayer", s(17, 1, 96), 17 * (2 * (32 + 1) * 96 + 96), (32 + 1) * 96, 7);
            node(g, 28, "MatMulLayer", s(1, 2, 17, 17), 2 * 2 * 17 * 16 * 17, 0, 26, 27);
            node(g, 29, "SoftmaxLayer", s(1, 2, 17, 17), 4 * 578, 0, 28);
        }
        // GELU: the classic exporter writes x/sqrt(2), Erf, +1, times x, times 0.5; the dynamo one Gelu, costed alike
        TrainingGraph classic = graph("vit.classic");
        long elements = 17 * 64;
        long decomposed = 0;
        for (int i = 39; i <= 43; i++) {
            decomposed += classic.node(i).flop();
        }
        assertEquals((1 + 4 + 1 + 1 + 1) * elements, decomposed);
        TrainingGraph dynamo = graph("vit.dynamo");
        node(dynamo, 39, "GeluLayer", s(1, 17, 64), 8 * elements, 0, 38);
        assertEquals(plainFlop(classic), plainFlop(dynamo), "the same model costs the same");
    }

    private static double plainFlop(TrainingGraph g) {
        double sum = 0;
        for (GraphNode n : g.nodes()) {
            sum += n.flop();
        }
        return sum;
    }

    /** BERT: token embedding, LayerNorm, linear layers at every position, attention with its mask as a constant. */
    @Test
    void bertBlock() throws Exception {
        TrainingGraph g = graph("bert.dynamo");
        node(g, 0, "InputLayer", s(1, 8), 0, 0); // the token ids
        node(g, 1, "EmbeddingLayer", s(1, 8, 32), 256, 100 * 32, 0);
        node(g, 4, "LayerNormLayer", s(1, 8, 32), 9 * 256 + 2 * 8, 2 * 32, 3);
        node(g, 5, "LinearLayer", s(1, 8, 32), 8 * (2 * (32 + 1) * 32 + 32), (32 + 1) * 32, 4); // bias folded in
        node(g, 19, "MatMulLayer", s(1, 2, 8, 8), 2 * 2 * 8 * 16 * 8, 0, 17, 18);
        node(g, 20, "AddLayer", s(1, 2, 8, 8), 128, 0, 19); // + the attention mask: a constant, no node
        node(g, 21, "SoftmaxLayer", s(1, 2, 8, 8), 4 * 128, 0, 20);
        node(g, 22, "WhereLayer", s(1, 2, 8, 8), 128, 0, 21); // NaN guard: its mask is data, not a node
        node(g, 29, "LinearLayer", s(1, 8, 64), 8 * (2 * (32 + 1) * 64 + 64), (32 + 1) * 64, 28);
        node(g, 30, "GeluLayer", s(1, 8, 64), 8 * 512, 0, 29);
    }

    /** The attention mask and everything computed from it alone are constants: no node reads them, none has a gradient. */
    @Test
    void attentionMasksGetNoNodes() throws Exception {
        for (String net : TRANSFORMERS) {
            for (String exporter : List.of(".dynamo", ".classic")) {
                TrainingGraph g = graph(net + exporter);
                long inputs = g.nodes().stream().filter(n -> n.type().equals("InputLayer")).count();
                assertEquals(1, inputs, net + exporter + ": the token ids are the only input");
                assertEquals(s(1, 8), g.node(0).outShape());
                assertEquals("EmbeddingLayer", g.node(1).type(), net + exporter);
                for (GraphNode n : g.nodes()) {
                    for (String mask : List.of("Cast", "And", "Equal", "Expand", "GatherND", "ConstantOfShape", "IsNaN")) {
                        assertFalse(n.type().startsWith(mask), net + exporter + " " + n.name());
                    }
                }
            }
        }
    }

    /** GPT-2: q, k and v split from one projection; the tanh form of GELU. */
    @Test
    void gpt2Block() throws Exception {
        TrainingGraph g = graph("gpt2.classic");
        node(g, 5, "LinearLayer", s(8, 96), 8 * (2 * (32 + 1) * 96 + 96), (32 + 1) * 96, 4); // on (batch x seq, 32)
        for (int i = 7; i <= 9; i++) {
            node(g, i, "SplitLayer", s(1, 8, 32), 256, 0, 6);
        }
        node(g, 34, "PowLayer", s(1, 8, 128), 2 * 1024, 0, 32); // x^3: two multiplies
        node(g, 38, "TanHLayer", s(1, 8, 128), 100 * 1024, 0, 37);
    }

    /**
     * GPT-2 exported for training: without its optimiser the dynamo exporter writes the split of
     * q, k and v as SplitToSequence and three SequenceAt, which cost what the classic exporter's
     * Split costs, one copy per part.
     */
    @Test
    void gpt2SplitAsASequence() throws Exception {
        TrainingGraph dynamo = graph("gpt2.dynamo.train");
        node(dynamo, 3, "DropoutLayer", s(1, 8, 32), 256, 0, 2);
        node(dynamo, 6, "LinearLayer", s(8, 96), 8 * (2 * (32 + 1) * 96 + 96), (32 + 1) * 96, 5);
        node(dynamo, 7, "ReshapeLayer", s(1, 8, 96), 768, 0, 6);
        for (int i = 8; i <= 10; i++) {
            node(dynamo, i, "SplitLayer", s(1, 8, 32), 256, 0, 7); // q, k, v: 8 x 32 elements copied each
        }
        node(dynamo, 15, "ReshapeLayer", s(1, 8, 2, 16), 256, 0, 8); // the query (position 0) into its heads
        node(dynamo, 11, "ReshapeLayer", s(1, 8, 2, 16), 256, 0, 9); // the key (position 1)
        node(dynamo, 13, "ReshapeLayer", s(1, 8, 2, 16), 256, 0, 10); // the value (position 2)
        // the gradient of the pair (the projection's reshape, the query): twice the reshape's 768
        int n = dynamo.size() / 2; // forward layers 0..n, gradients after them
        node(dynamo, 2 * n - 7, "GradientLayer", s(1, 8, 32), 2 * 768, 0, 7, 8, 2 * n - 8);
        assertEquals(6, count(dynamo, "SplitLayer"), "three parts in each of the two blocks");

        TrainingGraph classic = graph("gpt2.classic.train");
        for (int i = 0; i <= 10; i++) {
            GraphNode d = dynamo.node(i);
            GraphNode c = classic.node(i);
            assertEquals(List.of(c.type(), c.outShape(), c.flop(), c.deps()), List.of(d.type(), d.outShape(), d.flop(),
                    d.deps()), "node " + i + " alike from both exporters");
        }
        assertEquals(6, count(classic, "SplitLayer"));
    }

    /** T5's RMSNorm, written out: x^2, its mean, + epsilon, sqrt, 1/, times x, times the learned scale. */
    @Test
    void rmsNorm() throws Exception {
        TrainingGraph g = graph("t5_encoder.dynamo");
        node(g, 2, "PowLayer", s(1, 8, 32), 256, 0, 1);
        node(g, 3, "ReduceMeanLayer", s(1, 8, 1), 2 * 256, 0, 2);
        node(g, 4, "AddLayer", s(1, 8, 1), 8, 0, 3);
        node(g, 5, "SqrtLayer", s(1, 8, 1), 8, 0, 4);
        node(g, 6, "ReciprocalLayer", s(1, 8, 1), 8, 0, 5);
        node(g, 7, "MulLayer", s(1, 8, 32), 256, 0, 1, 6);
        node(g, 8, "MulLayer", s(1, 8, 32), 256, 32, 7);
    }

    /** LSTM and GRU: the gates of every step, from the shapes of their weights. */
    @Test
    void recurrentLayers() throws Exception {
        TrainingGraph lstm = graph("lstm.classic");
        // 6 steps, 8 inputs, 16 hidden: per step 2 * 64 * (8 + 16) + 2 * 64 + 216 * 16 = 6656
        node(lstm, 2, "LSTMLayer", s(6, 1, 1, 16), 6 * 6656, 4 * 16 * (8 + 16 + 2), 1);
        // the second layer reads 16 inputs: 2 * 64 * 32 + 128 + 3456 = 7680 per step
        node(lstm, 4, "LSTMLayer", s(6, 1, 1, 16), 6 * 7680, 4 * 16 * (16 + 16 + 2), 3);
        node(lstm, 7, "GatherLayer", s(1, 16), 16, 0, 6); // the last step
        TrainingGraph gru = graph("gru.dynamo");
        // per step 2 * 48 * 24 + 2 * 48 + 114 * 16 = 4224
        node(gru, 2, "GRULayer", s(6, 1, 1, 16), 6 * 4224, 3 * 16 * (8 + 16 + 2), 1);
    }

    /** An export for inference folds BatchNormalization into the convolutions: the import says so. */
    @Test
    void foldedBatchNormIsReported() throws Exception {
        for (String exporter : List.of(".classic", ".dynamo")) {
            OnnxImport.Imported eval = load("resnet_basic" + exporter);
            assertEquals(1, eval.warnings().size());
            assertTrue(eval.warnings().get(0).startsWith("6 of 6 convolutions have a BatchNormalization folded into them"),
                    eval.warnings().get(0));
            assertTrue(eval.warnings().get(0).contains("TrainingMode.TRAINING"), eval.warnings().get(0));
            OnnxImport.Imported train = load("resnet_basic" + exporter + ".train");
            assertEquals(List.of(), train.warnings());
            assertEquals(6, count(train.graph(), "BatchNorm2d"));
            assertEquals(0, count(eval.graph(), "BatchNorm2d"));
            OnnxImport.Imported mobile = load("mobilenet_v2" + exporter + ".train");
            assertEquals(8, count(mobile.graph(), "BatchNorm2d"));
            assertEquals(1, count(mobile.graph(), "DropoutLayer"));
        }
        assertEquals(List.of(), load("vgg.classic").warnings(), "no BatchNormalization to fold");
        assertEquals(7, count(graph("bert.classic.train"), "DropoutLayer"));
    }

    /**
     * Exporters write the batch they traced into shape constants: image networks take another
     * batch, a transformer whose shapes hold the traced batch says why it cannot.
     */
    @Test
    void anotherBatchThanTheExportedOne() throws Exception {
        TrainingGraph four = OnnxImport.read(fixture("resnet_basic.dynamo"), a72(), ImportOptions.DEFAULT.withBatch(4));
        assertEquals(s(4, 3, 32, 32), four.node(0).outShape());
        assertEquals(4 * graph("resnet_basic.dynamo").node(1).flop(), four.node(1).flop());
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> OnnxImport.read(fixture("vit.dynamo"), a72(), ImportOptions.DEFAULT.withBatch(4)));
        assertTrue(e.getMessage().endsWith("(the model was exported for batch 1, which its shapes may hold; export it"
                + " with the batch to cost)"), e.getMessage());
    }

    private static long count(TrainingGraph g, String type) {
        return g.nodes().stream().filter(n -> !n.backward() && n.type().equals(type)).count();
    }
}

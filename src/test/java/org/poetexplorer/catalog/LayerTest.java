package org.poetexplorer.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.io.InputException;
import org.poetexplorer.model.TrainingGraph;

/** The cost rules of the layers the reference graphs do not exercise, and how bad shapes are reported. */
class LayerTest {
    private static final List<Long> IMAGE = List.of(1L, 8L, 6L, 6L);

    @Test
    void elementWiseLayersKeepTheShape() {
        assertEquals(new LayerOutput(IMAGE, 0, 28800), new TanH().apply(List.of(IMAGE)));
        assertEquals(new LayerOutput(IMAGE, 0, 1152), new Sigmoid().apply(List.of(IMAGE)));
        assertEquals(new LayerOutput(IMAGE, 0, 288), new Dropout().apply(List.of(IMAGE)));
    }

    @Test
    void globalAveragePoolingKeepsBatchAndChannels() {
        assertEquals(new LayerOutput(List.of(1L, 8L), 0, 576), new GlobalAvgPool().apply(List.of(IMAGE)));
    }

    @Test
    void poolingWindowsRoundDown() {
        LayerOutput out = new AvgPool2d(4, 4, 3).apply(List.of(IMAGE));
        assertEquals(List.of(1L, 8L, 1L, 1L), out.shape());
        assertEquals(2 * 16 * 8, out.flop());
    }

    @Test
    void convolutionWithRectangularKernelAndPadding() {
        LayerOutput out = new Conv2d(8, 2, 3, 1, 2, 1, 0).apply(List.of(IMAGE));
        // kernel 3x1, stride 2, padding 1 (height) and 0 (width): floor((6-3+2)/2)+1 and floor((6-1)/2)+1
        assertEquals(List.of(1L, 2L, 3L, 3L), out.shape());
        assertEquals(2 * 8 * 3 * 1 + 2, out.params());
        assertEquals(2L * 3 * 1 * 288 * 2 + 18, out.flop());
    }

    @Test
    void shapesThatDoNotFitAreRefusedByName() {
        NetworkBuilder b = new NetworkBuilder("net");
        int x = b.input(1, 3, 4, 4);
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> b.add(new Conv2d(5, 8, 3, 1, 1), x));
        assertEquals("net: layer1_Conv2dLayer expects 5 input channels (input shape was [1, 3, 4, 4])",
                channels.getMessage());
        IllegalArgumentException kernel = assertThrows(IllegalArgumentException.class,
                () -> b.add(new MaxPool2d(5, 1), x));
        assertTrue(kernel.getMessage().contains("kernel 5 does not fit"), kernel.getMessage());
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                () -> b.add(new Linear(48, 10), x));
        assertTrue(rank.getMessage().contains("expects a (batch, 48) input"), rank.getMessage());
        IllegalArgumentException arity = assertThrows(IllegalArgumentException.class,
                () -> b.add(new SkipAdd(), x));
        assertTrue(arity.getMessage().contains("takes 2 inputs"), arity.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.add(new ReLU(), 3));
    }

    @Test
    void aNetworkMustEndWithItsLoss() {
        NetworkBuilder b = new NetworkBuilder("net");
        int x = b.input(1, 4);
        b.add(new ReLU(), x);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().contains("the last layer must be the loss"), e.getMessage());
    }

    @Test
    void backwardPassPairsEachLayerWithTheNextAndListsTheLossOnce() throws InputException {
        NetworkBuilder b = new NetworkBuilder("tiny");
        int x = b.input(1, 4);
        x = b.add(new Linear(4, 3), x);
        x = b.add(new Sigmoid(), x);
        b.add(new CrossEntropyLoss(3), x);
        TrainingGraph g = TrainingGraphBuilder.build(b.build(), DeviceFiles.builtIn("a72"));
        assertEquals(7, g.size());
        assertEquals(List.of(2, 3), g.node(4).deps());
        assertEquals(List.of(3L), g.node(4).outShape());
        assertEquals(2.0 * 12, g.node(4).flop());
        assertEquals(List.of(1, 2, 4), g.node(5).deps());
        assertEquals(List.of(0, 1, 5), g.node(6).deps());
        assertEquals(List.of(1L, 3L), g.node(6).outShape());
        assertEquals(0.0, g.node(6).flop());
        assertEquals("layer6_GradientLayer", g.node(6).name());
        assertEquals(4L * (5 * 3), g.paramBytes());
    }
}

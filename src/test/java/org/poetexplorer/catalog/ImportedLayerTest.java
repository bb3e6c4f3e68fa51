package org.poetexplorer.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The layers added for imported models (not in the reference): their rules and refusals. */
class ImportedLayerTest {
    private static final List<Long> IMAGE = List.of(1L, 8L, 6L, 6L);

    @Test
    void concatJoinsAlongItsAxisAndCopiesEachElementOnce() {
        LayerOutput out = new Concat(2, 1).apply(List.of(IMAGE, List.of(1L, 4L, 6L, 6L)));
        assertEquals(new LayerOutput(List.of(1L, 12L, 6L, 6L), 0, 432), out);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Concat(2, 1).apply(List.of(IMAGE, List.of(1L, 4L, 5L, 6L))));
        assertEquals("inputs differ outside axis 1 ([1, 8, 6, 6] and [1, 4, 5, 6])", e.getMessage());
    }

    @Test
    void reshapeKeepsTheElementCount() {
        assertEquals(new LayerOutput(List.of(1L, 288L), 0, 288), new Reshape(List.of(1L, 288L)).apply(List.of(IMAGE)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Reshape(List.of(1L, 280L)).apply(List.of(IMAGE)));
        assertTrue(e.getMessage().contains("element counts differ"), e.getMessage());
    }

    @Test
    void softmaxCountsFourPerElement() {
        assertEquals(new LayerOutput(IMAGE, 0, 4 * 288), new Softmax().apply(List.of(IMAGE)));
    }

    @Test
    void paddedPoolingWidensTheOutput() {
        LayerOutput out = new MaxPool2d(3, 3, 2, 1, 1).apply(List.of(IMAGE));
        // floor((6 - 3 + 2) / 2) + 1 = 3
        assertEquals(List.of(1L, 8L, 3L, 3L), out.shape());
        assertEquals(2 * 9 * 72, out.flop());
        assertEquals(new AvgPool2d(3, 3, 2, 1, 1).apply(List.of(IMAGE)), out);
    }

    @Test
    void estimateChargesParamsPerRowInputsAndOutput() {
        Estimated lstm = new Estimated("LSTM", 1, List.of(5L, 1L, 1L, 8L), 512);
        LayerOutput out = lstm.apply(List.of(List.of(5L, 1L, 16L)));
        // rows = 40 / 8 = 5: 2 * 512 * 5 + 2 * 80 + 40
        assertEquals(new LayerOutput(List.of(5L, 1L, 1L, 8L), 512, 5120 + 160 + 40), out);
        assertEquals("Estimated:LSTM", lstm.type());
        assertEquals(1, lstm.arity());
    }

    @Test
    void depthwiseConvolutionDividesWeightsAndWorkByTheGroups() {
        // 8 channels, 8 groups, 3x3, stride 1, padding 1 on 1x8x6x6:
        // params 8 * (8 / 8) * 3 * 3 + 8 = 80; flop 2 * 3 * 3 * 288 * 8 / 8 + 288 = 5472
        LayerOutput out = new Conv2d(8, 8, 3, 3, 1, 1, 1, 8).apply(List.of(IMAGE));
        assertEquals(new LayerOutput(IMAGE, 80, 5472), out);
        assertEquals(8 * 8 * 9 + 8, new Conv2d(8, 8, 3, 1, 1).apply(List.of(IMAGE)).params(), "one group");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(8, 6, 3, 3, 1, 1, 1, 4));
        assertEquals("4 groups do not divide 8 input and 6 output channels", e.getMessage());
    }

    @Test
    void linearAtEveryRowCountsEachRowAsTheReferenceCountsOne() {
        // (1, 5, 4) -> 3 features: params (4 + 1) * 3 = 15; per row 2 * 15 + 3 = 33; 5 rows: 165
        assertEquals(new LayerOutput(List.of(1L, 5L, 3L), 15, 165), new Linear(4, 3, true).apply(List.of(List.of(1L, 5L, 4L))));
        assertEquals(new Linear(4, 3).apply(List.of(List.of(1L, 4L))), new Linear(4, 3, true).apply(List.of(List.of(1L, 4L))),
                "one row: the reference's count");
        assertEquals(33, new Linear(4, 3).apply(List.of(List.of(5L, 4L))).flop(), "the reference counts one row");
    }

    @Test
    void matMulOfActivationsCountsAMultiplyAddPerTerm() {
        // (1, 2, 8, 16) x (1, 2, 16, 8): 2 heads of 8x16 times 16x8: 2 * 2 * 8 * 16 * 8 = 4096
        assertEquals(new LayerOutput(List.of(1L, 2L, 8L, 8L), 0, 4096),
                new MatMul().apply(List.of(List.of(1L, 2L, 8L, 16L), List.of(1L, 2L, 16L, 8L))));
        assertThrows(IllegalArgumentException.class,
                () -> new MatMul().apply(List.of(List.of(1L, 2L, 8L, 16L), List.of(1L, 2L, 8L, 16L))));
    }

    @Test
    void elementwiseLayersBroadcastAndCountTheirOperator() {
        // a per-channel scale of 8 learned values on 1x8x6x6: 288 multiplies
        assertEquals(new LayerOutput(IMAGE, 8, 288),
                Elementwise.of("Mul", 1, List.of(8L, 1L, 1L), 8).apply(List.of(IMAGE)));
        // a squeeze-and-excitation scale: 1x8x1x1 times 1x8x6x6
        assertEquals(new LayerOutput(IMAGE, 0, 288),
                Elementwise.of("Mul", 2, List.of(), 0).apply(List.of(IMAGE, List.of(1L, 8L, 1L, 1L))));
        assertEquals(2 * 288, Elementwise.of("Clip", 1, List.of(), 0).apply(List.of(IMAGE)).flop());
        assertEquals(5 * 288, Elementwise.of("HardSwish", 1, List.of(), 0).apply(List.of(IMAGE)).flop());
        assertEquals(8 * 288, Elementwise.of("Gelu", 1, List.of(), 0).apply(List.of(IMAGE)).flop(),
                "Div 1 + Erf 4 + Add 1 + Mul 1 + Mul 1");
        assertEquals(108 * 288, Elementwise.of("GeluTanh", 1, List.of(), 0).apply(List.of(IMAGE)).flop(),
                "Pow 2 + Mul 1 + Add 1 + Mul 1 + TanH 100 + Add 1 + Mul 1 + Mul 1");
        assertEquals(2 * 288, Elementwise.power(3, List.of(), 0).apply(List.of(IMAGE)).flop(), "x^3: two multiplies");
        assertEquals(288, Elementwise.power(2, List.of(), 0).apply(List.of(IMAGE)).flop());
        assertEquals(4 * 288, Elementwise.power(0.5, List.of(), 0).apply(List.of(IMAGE)).flop());
        // a mask of 1x1x1x6 added to 1x8x6x6 scores
        assertEquals(IMAGE, Elementwise.of("Add", 1, List.of(1L, 1L, 1L, 6L), 0).apply(List.of(IMAGE)).shape());
        assertThrows(IllegalArgumentException.class,
                () -> Elementwise.of("Add", 1, List.of(5L), 0).apply(List.of(IMAGE)));
    }

    @Test
    void layerNormCostsItsDecomposition() {
        // (1, 5, 4) over the last dimension: d = 4, rows = 5; params 2 * 4;
        // flop 9 * 20 + 2 * 5 = 190 (8 * 20 + 10 = 170 without the shift)
        List<Long> x = List.of(1L, 5L, 4L);
        assertEquals(new LayerOutput(x, 8, 190), new LayerNorm(2, true).apply(List.of(x)));
        assertEquals(new LayerOutput(x, 4, 170), new LayerNorm(2, false).apply(List.of(x)));
        // its decomposition under the element-wise and ReduceMean rules, term by term
        long n = 20;
        long rows = 5;
        long decomposed = 2 * n + n + n + 2 * n + rows + rows + n + n + n;
        assertEquals(190, decomposed);
    }

    @Test
    void reduceMeanAndGlobalPoolingCountTwicePerInputElement() {
        // (1, 5, 4) averaged over its last dimension: 2 * 20
        assertEquals(new LayerOutput(List.of(1L, 5L, 1L), 0, 40),
                new ReduceMean(List.of(2), true).apply(List.of(List.of(1L, 5L, 4L))));
        assertEquals(new LayerOutput(List.of(1L, 5L), 0, 40),
                new ReduceMean(List.of(2), false).apply(List.of(List.of(1L, 5L, 4L))));
        assertEquals(new LayerOutput(List.of(1L, 8L, 1L, 1L), 0, 576), new GlobalAvgPool(true).apply(List.of(IMAGE)));
        assertEquals(new LayerOutput(List.of(1L, 8L), 0, 576), new GlobalAvgPool().apply(List.of(IMAGE)));
    }

    @Test
    void ceilModePoolingRoundsTheStepsUp() {
        // 30 wide, kernel 3, stride 2: floor(27 / 2) + 1 = 14, ceil(27 / 2) + 1 = 15
        List<Long> x = List.of(1L, 16L, 30L, 30L);
        assertEquals(List.of(1L, 16L, 14L, 14L), new MaxPool2d(3, 3, 2, 0, 0, false).apply(List.of(x)).shape());
        LayerOutput ceil = new MaxPool2d(3, 3, 2, 0, 0, true).apply(List.of(x));
        assertEquals(new LayerOutput(List.of(1L, 16L, 15L, 15L), 0, 2 * 9 * 3600), ceil);
        // a last window that would start in the padding is dropped: 5 wide, kernel 2, stride 2, pad 1:
        // ceil(5 / 2) + 1 = 4, but window 4 would start at 6 >= 5 + 1, so 3
        assertEquals(List.of(1L, 1L, 3L, 3L), new AvgPool2d(2, 2, 2, 1, 1, true).apply(List.of(List.of(1L, 1L, 5L, 5L)))
                .shape());
    }

    @Test
    void copiesTransposesAndEmbeddingsCopyEachOutputElementOnce() {
        assertEquals(new LayerOutput(List.of(1L, 6L, 8L, 6L), 0, 288),
                new Transpose(List.of(0, 2, 1, 3)).apply(List.of(IMAGE)));
        assertEquals(new LayerOutput(List.of(1L, 8L), 0, 8), new Copy("Gather", List.of(1L, 8L)).apply(List.of(IMAGE)));
        assertEquals("GatherLayer", new Copy("Gather", List.of(1L, 8L)).type());
        // 100 tokens of 32 values looked up by 1x8 ids: params 3200, 256 copies
        assertEquals(new LayerOutput(List.of(1L, 8L, 32L), 3200, 256),
                new Embedding(100, 32).apply(List.of(List.of(1L, 8L))));
        // a 1-long class token of 32 learned values joined before 16 patches
        assertEquals(new LayerOutput(List.of(1L, 17L, 32L), 32, 544),
                new Concat(1, 1, 1, 32).apply(List.of(List.of(1L, 16L, 32L))));
    }

    @Test
    void recurrentLayersCountTheirGatesOverTheSequence() {
        // LSTM, 8 inputs, 16 hidden, 6 steps, batch 1: params 4 * 16 * (8 + 16 + 2) = 1664;
        // per step 2 * 64 * 24 + 2 * 64 + 216 * 16 = 3072 + 128 + 3456 = 6656; 6 steps: 39936
        assertEquals(new LayerOutput(List.of(6L, 1L, 1L, 16L), 1664, 39936),
                new Recurrent(Recurrent.Cell.LSTM, 8, 16, 1, true, false).apply(List.of(List.of(6L, 1L, 8L))));
        // GRU, batch first, both directions: params 2 * 48 * (8 + 16 + 2) = 2496;
        // per step 2 * 48 * 24 + 2 * 48 + 114 * 16 = 2304 + 96 + 1824 = 4224; 6 steps, 2 directions: 50688
        assertEquals(new LayerOutput(List.of(1L, 6L, 2L, 16L), 2496, 50688),
                new Recurrent(Recurrent.Cell.GRU, 8, 16, 2, true, true).apply(List.of(List.of(1L, 6L, 8L))));
    }
}

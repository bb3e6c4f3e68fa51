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
}

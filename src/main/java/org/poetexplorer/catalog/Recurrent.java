package org.poetexplorer.catalog;

import java.util.List;

/**
 * A recurrent layer (LSTM or GRU, as ONNX defines them) run over a whole sequence: input
 * (seq, batch, inputSize), or (batch, seq, inputSize) when {@code batchFirst}; output the hidden
 * state of every step, (seq, directions, batch, hidden), or (batch, seq, directions, hidden).
 * Not in the reference.
 *
 * <p>Each direction has {@code gates} (LSTM 4, GRU 3) blocks of {@code hidden} rows in its input
 * weights W (inputSize columns) and recurrence weights R (hidden columns), and with
 * {@code bias} two bias vectors of gates hidden. Params: directions gates hidden (inputSize +
 * hidden + 2). FLOPs, for each step, sample and direction: the gate pre-activations
 * 2 gates hidden (inputSize + hidden) (a multiply-add per weight, as Linear), the biases
 * 2 gates hidden, and the cell's element-wise work per hidden unit, counted with the
 * element-wise rules (Sigmoid 4, TanH 100, arithmetic 1):
 * <ul>
 * <li>LSTM: input, forget and output gates (3 Sigmoid), candidate (TanH), c = f c + i g (3),
 *     h = o TanH(c) (101): 12 + 100 + 3 + 101 = 216;</li>
 * <li>GRU: update and reset gates (2 Sigmoid), reset times the recurrent part and its sum with
 *     the input part (2), candidate (TanH), h = (1 - z) n + z h (4): 8 + 2 + 100 + 4 = 114.</li>
 * </ul>
 */
public record Recurrent(Cell cell, long inputSize, long hidden, int directions, boolean bias, boolean batchFirst)
        implements Layer {

    /** The cell types: gates per unit and element-wise FLOPs per unit and step. */
    public enum Cell {
        LSTM(4, 216), GRU(3, 114);

        final int gates;
        final long elementwise;

        Cell(int gates, long elementwise) {
            this.gates = gates;
            this.elementwise = elementwise;
        }
    }

    public Recurrent {
        if (cell == null) {
            throw new IllegalArgumentException("cell must be LSTM or GRU");
        }
        Shapes.positive("input size", inputSize);
        Shapes.positive("hidden size", hidden);
        if (directions != 1 && directions != 2) {
            throw new IllegalArgumentException("directions must be 1 or 2 (was " + directions + ")");
        }
    }

    @Override
    public String type() {
        return cell + "Layer";
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        List<Long> x = Shapes.single(inputShapes, 3, "a (" + (batchFirst ? "batch, sequence" : "sequence, batch")
                + ", " + inputSize + ") input");
        if (x.get(2) != inputSize) {
            throw new IllegalArgumentException("expects " + inputSize + " input features (input shape was " + x + ")");
        }
        long seq = batchFirst ? x.get(1) : x.get(0);
        long batch = batchFirst ? x.get(0) : x.get(1);
        List<Long> shape = batchFirst ? Shapes.of(batch, seq, directions, hidden)
                : Shapes.of(seq, directions, batch, hidden);
        long gateRows = Shapes.mul(cell.gates, hidden);
        long params = Shapes.mul(directions, gateRows, inputSize + hidden + (bias ? 2 : 0));
        long perStep = Math.addExact(Shapes.mul(2, gateRows, inputSize + hidden),
                Math.addExact(bias ? Shapes.mul(2, gateRows) : 0, Shapes.mul(cell.elementwise, hidden)));
        return new LayerOutput(shape, params, Shapes.mul(seq, batch, directions, perStep));
    }
}

package org.poetexplorer.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An element-wise operation on one activation or two (a product, a quotient, a choice under a
 * mask), possibly with a constant operand of shape {@code constant} (a scale, a bias, a mask;
 * empty when there is none): the output takes the shape all operands broadcast to. Not in the
 * reference. FLOPs: {@code flopPerElement} per output element, as the reference counts ReLU (1),
 * Sigmoid (4) and TanH (100); {@code params}: the learned elements of the constant operand (a
 * bias or a scale is trained, a literal or a mask is not).
 *
 * <p>The counts per element ({@link #FLOP_PER_ELEMENT}): arithmetic (Add, Sub, Mul, Div,
 * Reciprocal, Sqrt) and a choice (Where) 1; Clip 2 (a comparison at each end); HardSigmoid 4
 * (multiply, add, clamp below and above) and HardSwish 5 (that and a multiply); Erf 4, as
 * Sigmoid, another function computed from an exponential. Gelu costs its decomposition:
 * x/sqrt(2), Erf, +1, times x, times 0.5 make 8, and the tanh form (x^3, two multiplies, an add,
 * Tanh, +1 and two multiplies) 2 + 1 + 1 + 1 + 100 + 1 + 1 + 1 = 108. A power x^n by a constant
 * whole n >= 1 is n - 1 multiplies (at least 1); any other power 4 (an exponential of a
 * logarithm).
 */
public record Elementwise(String operator, int inputs, long flopPerElement, List<Long> constant, long params)
        implements Layer {

    /** FLOPs per output element of each operator with a fixed count (Pow: see {@link #power}). */
    public static final Map<String, Long> FLOP_PER_ELEMENT = Map.ofEntries(
            Map.entry("Add", 1L), Map.entry("Sub", 1L), Map.entry("Mul", 1L), Map.entry("Div", 1L),
            Map.entry("Reciprocal", 1L), Map.entry("Sqrt", 1L), Map.entry("Where", 1L), Map.entry("Clip", 2L),
            Map.entry("HardSigmoid", 4L), Map.entry("HardSwish", 5L), Map.entry("Erf", 4L),
            Map.entry("Gelu", 8L), Map.entry("GeluTanh", 108L));

    public Elementwise {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("operator must be named");
        }
        if (inputs != 1 && inputs != 2) {
            throw new IllegalArgumentException("takes 1 or 2 activations (was " + inputs + ")");
        }
        Shapes.positive("FLOPs per element", flopPerElement);
        constant = List.copyOf(constant);
        Shapes.nonNegative("params", params);
    }

    /**
     * The operator named, with its count from {@link #FLOP_PER_ELEMENT}.
     *
     * @throws IllegalArgumentException when the operator has no fixed count
     */
    public static Elementwise of(String operator, int inputs, List<Long> constant, long params) {
        Long flop = FLOP_PER_ELEMENT.get(operator);
        if (flop == null) {
            throw new IllegalArgumentException("no element-wise count for " + operator);
        }
        return new Elementwise(operator, inputs, flop, constant, params);
    }

    /** x raised to a constant power (of shape {@code constant}): see the class comment. */
    public static Elementwise power(double exponent, List<Long> constant, long params) {
        boolean whole = exponent >= 1 && exponent <= 1 << 20 && exponent == Math.rint(exponent);
        return new Elementwise("Pow", 1, whole ? Math.max(1, (long) exponent - 1) : 4, constant, params);
    }

    @Override
    public String type() {
        return operator + "Layer";
    }

    @Override
    public int arity() {
        return inputs;
    }

    @Override
    public LayerOutput apply(List<List<Long>> inputShapes) {
        Shapes.inputs(inputShapes, inputs);
        List<Long> shape = constant;
        List<List<Long>> operands = new ArrayList<>(inputShapes);
        for (List<Long> s : operands) {
            List<Long> joined = Shapes.broadcast(shape, s);
            if (joined == null) {
                throw new IllegalArgumentException("operands of shapes " + operands
                        + (constant.isEmpty() ? "" : " and a constant of shape " + constant) + " do not broadcast");
            }
            shape = joined;
        }
        return new LayerOutput(shape, params, Shapes.mul(flopPerElement, Shapes.prod(shape)));
    }
}

package org.poetexplorer.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.poetexplorer.model.CostModel;
import org.poetexplorer.model.Device;
import org.poetexplorer.model.GraphNode;
import org.poetexplorer.model.TrainingGraph;

/**
 * Turns a network's forward layers L0..Ln into the training graph of docs/model.md section 2:
 * the forward nodes, then n gradient nodes, every node costed on a device.
 */
public final class TrainingGraphBuilder {
    /** Type of the backward nodes, as the reference names them. */
    public static final String GRADIENT_TYPE = "GradientLayer";

    private TrainingGraphBuilder() {
    }

    public static TrainingGraph build(Network net, Device device) {
        List<ForwardNode> fwd = net.layers();
        int n = fwd.size() - 1;
        List<GraphNode> nodes = new ArrayList<>(2 * n + 1);
        for (ForwardNode f : fwd) {
            nodes.add(node(f.index(), f.name(), f.type(), false, f.outShape(), f.flop(), f.params(),
                    f.inputs(), device));
        }
        // Gradient node j pairs out = L(n-j) with in = L(n-j+1): in's shape, twice out's FLOPs,
        // fed by out, in and the previous gradient node (the loss itself for j = 1).
        for (int j = 1; j <= n; j++) {
            ForwardNode out = fwd.get(n - j);
            ForwardNode in = fwd.get(n - j + 1);
            int index = n + j;
            List<Integer> deps = List.of(out.index(), in.index(), index - 1);
            nodes.add(node(index, "layer" + index + "_" + GRADIENT_TYPE, GRADIENT_TYPE, true, in.outShape(),
                    Math.multiplyExact(2, out.flop()), 0, deps, device));
        }
        long paramBytes = CostModel.paramBytes((double) net.paramCount(), device);
        return new TrainingGraph(net.name(), device.id(), nodes, paramBytes);
    }

    /** Dependencies are listed once each, in ascending order (as in the reference graphs). */
    private static GraphNode node(int index, String name, String type, boolean backward, List<Long> shape,
            long flop, long params, List<Integer> deps, Device device) {
        List<Integer> unique = new ArrayList<>(new TreeSet<>(deps));
        return new GraphNode(index, name, type, backward, shape, flop, params, unique,
                CostModel.costs(flop, shape, device));
    }
}

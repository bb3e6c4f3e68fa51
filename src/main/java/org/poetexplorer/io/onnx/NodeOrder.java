package org.poetexplorer.io.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.poetexplorer.io.InputException;
import org.poetexplorer.io.onnx.proto.Onnx.NodeProto;

/**
 * The nodes of a graph in a dependency order, keeping the file's order where it allows (ONNX
 * requires files to be in one already; a file that is not is still read).
 */
final class NodeOrder {
    private NodeOrder() {
    }

    /**
     * @param defined names given by the graph itself (inputs, initializers), which no node may give again
     * @throws InputException naming a node that gives an already defined name or is part of a cycle
     */
    static List<NodeProto> sort(List<NodeProto> nodes, Set<String> defined, String source) throws InputException {
        Map<String, Integer> producer = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (String out : nodes.get(i).getOutputList()) {
                if (out.isEmpty()) {
                    continue;
                }
                Integer before = producer.put(out, i);
                if (before != null || defined.contains(out)) {
                    throw new InputException(source, NodeAttributes.label(nodes.get(i), i), "gives '" + out
                            + "', which is already defined");
                }
            }
        }
        int[] pending = new int[nodes.size()];
        List<List<Integer>> users = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            users.add(new ArrayList<>());
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (String in : new HashSet<>(nodes.get(i).getInputList())) {
                Integer p = producer.get(in);
                if (p != null) {
                    pending[i]++;
                    users.get(p).add(i);
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<NodeProto> order = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(nodes.get(i));
            for (int u : users.get(i)) {
                if (--pending[u] == 0) {
                    ready.add(u);
                }
            }
        }
        if (order.size() < nodes.size()) {
            for (int i = 0; i < nodes.size(); i++) {
                if (pending[i] > 0) {
                    throw new InputException(source, NodeAttributes.label(nodes.get(i), i), "is part of a cycle");
                }
            }
        }
        return order;
    }
}

package org.poetexplorer.schedule;

import java.util.ArrayList;
import java.util.List;
import org.poetexplorer.model.TrainingGraph;

/**
 * Puts steps (stage, kind, node) on the timeline: operations run one after another, each
 * with its duration and energy from the graph, and the bytes in RAM after it (the outputs in
 * RAM counted once each). Used by the builder and the cleaner; the checker does its own sums.
 */
final class Timeline {
    private Timeline() {
    }

    record Step(int stage, OpKind kind, int node) {
    }

    static List<Operation> place(TrainingGraph g, List<Step> steps) {
        List<Operation> ops = new ArrayList<>(steps.size());
        boolean[] inRam = new boolean[g.size()];
        long ram = 0;
        double clock = 0;
        for (Step s : steps) {
            int i = s.node();
            switch (s.kind()) {
                case COMPUTE:
                case RECOMPUTE:
                case PAGE_IN:
                    if (!inRam[i]) {
                        inRam[i] = true;
                        ram += g.ram(i);
                    }
                    break;
                case FREE:
                    if (inRam[i]) {
                        inRam[i] = false;
                        ram -= g.ram(i);
                    }
                    break;
                default:
                    break;
            }
            double end = clock + duration(g, s.kind(), i);
            ops.add(new Operation(s.stage(), s.kind(), i, clock, end, energy(g, s.kind(), i), ram));
            clock = end;
        }
        return ops;
    }

    static List<Step> steps(List<Operation> ops) {
        List<Step> out = new ArrayList<>(ops.size());
        for (Operation op : ops) {
            out.add(new Step(op.stage(), op.kind(), op.node()));
        }
        return out;
    }

    static double duration(TrainingGraph g, OpKind kind, int i) {
        switch (kind) {
            case COMPUTE:
            case RECOMPUTE:
                return g.runtime(i);
            case PAGE_IN:
                return g.pageInS(i);
            case PAGE_OUT:
                return g.pageOutS(i);
            default:
                return 0;
        }
    }

    static double energy(TrainingGraph g, OpKind kind, int i) {
        switch (kind) {
            case COMPUTE:
            case RECOMPUTE:
                return g.computeJ(i);
            case PAGE_IN:
                return g.pageInJ(i);
            case PAGE_OUT:
                return g.pageOutJ(i);
            default:
                return 0;
        }
    }
}

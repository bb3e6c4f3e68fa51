package org.poetexplorer.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.poetexplorer.schedule.Operation;
import org.poetexplorer.schedule.Schedule;

/** Which outputs are in RAM after a given operation of a schedule, found by replaying it. */
final class RamContents {
    private RamContents() {
    }

    /** Nodes whose outputs are in RAM right after operation {@code opIndex}, largest first. */
    static List<Integer> after(Schedule s, int opIndex) {
        Set<Integer> inRam = new LinkedHashSet<>();
        List<Operation> ops = s.ops();
        for (int k = 0; k <= opIndex && k < ops.size(); k++) {
            Operation op = ops.get(k);
            switch (op.kind()) {
                case COMPUTE:
                case RECOMPUTE:
                case PAGE_IN:
                    inRam.add(op.node());
                    break;
                case FREE:
                    inRam.remove(op.node());
                    break;
                default:
                    break;
            }
        }
        List<Integer> out = new ArrayList<>(inRam);
        out.sort((a, b) -> {
            int c = Long.compare(s.graph().ram(b), s.graph().ram(a));
            return c != 0 ? c : Integer.compare(a, b);
        });
        return out;
    }
}

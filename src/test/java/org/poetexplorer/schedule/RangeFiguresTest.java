package org.poetexplorer.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.poetexplorer.catalog.Catalog;
import org.poetexplorer.io.DeviceFiles;
import org.poetexplorer.model.TrainingGraph;

class RangeFiguresTest {
    @Test
    void aStretchSumsTheOperationsThatStartAndEndInsideIt() throws Exception {
        TrainingGraph g = Catalog.build("linear", DeviceFiles.builtIn("m0"));
        Schedule s = Plans.plainSchedule(g);
        java.util.List<Operation> firstThree = s.ops().stream().filter(op -> op.kind().isComputation()).limit(3).toList();
        Operation third = firstThree.get(2);
        // the plain schedule computes the first nodes one after another from time 0
        RangeFigures f = RangeFigures.of(s, 0, third.endS());
        double runtime = firstThree.stream().mapToDouble(op -> g.runtime(op.node())).sum();
        double energy = firstThree.stream().mapToDouble(op -> g.computeJ(op.node())).sum();
        assertEquals(3, f.operations());
        assertEquals(runtime, f.computeS(), runtime * 1e-12);
        assertEquals(energy, f.energyJ(), energy * 1e-12);
        assertEquals(0, f.bytesMoved(), "the plain schedule pages nothing");

        RangeFigures half = RangeFigures.of(s, 0, third.endS() - 1e-12);
        assertEquals(2, half.operations(), "an operation that ends after the stretch is not inside");
    }
}

package org.poetexplorer.model;

import java.util.List;

/** The layer cost model of poet-model.md section 2: what a node costs on a device. */
public final class CostModel {
    private CostModel() {
    }

    public static long elements(List<Long> shape) {
        long p = 1;
        for (long d : shape) {
            p = Math.multiplyExact(p, d);
        }
        return p;
    }

    public static NodeCosts costs(double flop, List<Long> outShape, Device d) {
        long ram = Math.multiplyExact(elements(outShape), (long) d.bytesPerElement());
        double runtime = flop / d.flops();
        double compute = flop / d.flopsPerJoule();
        double pageOut = (d.pageOutLatency() + ram / d.pageOutThroughput()) * d.memoryPower();
        double pageIn = (d.pageInLatency() + ram / d.pageInThroughput()) * d.memoryPower();
        return new NodeCosts(runtime, ram, compute, pageIn, pageOut);
    }

    public static long paramBytes(double paramCount, Device d) {
        return Math.round(paramCount * d.bytesPerElement());
    }
}

package org.poetexplorer.model;

import java.util.List;

/** The layer cost model of docs/model.md section 2: what a node costs on a device. */
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
        double pageOutS = pageOutSeconds(ram, d);
        double pageInS = pageInSeconds(ram, d);
        return new NodeCosts(runtime, ram, compute, pageInS * d.memoryPower(), pageOutS * d.memoryPower(),
                pageInS, pageOutS);
    }

    /**
     * What a node costs on {@code d} when its runtime and output size were measured rather than
     * derived from FLOPs and a shape (the graphs of the rematerialization literature): the
     * compute energy is the runtime at the power the device's compute figures imply
     * ({@code flops / flopsPerJoule} watts, so that it equals {@code flop / flopsPerJoule} for
     * the {@code runtimeS * flops} FLOPs such a node stands for), and paging is timed and
     * costed by {@code d} as for any output of {@code ramBytes}.
     */
    public static NodeCosts measured(double runtimeS, long ramBytes, Device d) {
        double pageOutS = pageOutSeconds(ramBytes, d);
        double pageInS = pageInSeconds(ramBytes, d);
        return new NodeCosts(runtimeS, ramBytes, runtimeS * d.flops() / d.flopsPerJoule(),
                pageInS * d.memoryPower(), pageOutS * d.memoryPower(), pageInS, pageOutS);
    }

    /** Duration of paging {@code ramBytes} in: latency + bytes / throughput. */
    public static double pageInSeconds(long ramBytes, Device d) {
        return d.pageInLatency() + ramBytes / d.pageInThroughput();
    }

    /** Duration of paging {@code ramBytes} out: latency + bytes / throughput. */
    public static double pageOutSeconds(long ramBytes, Device d) {
        return d.pageOutLatency() + ramBytes / d.pageOutThroughput();
    }

    /** Costs given as they are (e.g. from a reference file) plus the device's paging durations. */
    public static NodeCosts withPagingTimes(NodeCosts given, Device d) {
        return given.withPagingTimes(pageInSeconds(given.ramBytes(), d), pageOutSeconds(given.ramBytes(), d));
    }

    public static long paramBytes(double paramCount, Device d) {
        return Math.round(paramCount * d.bytesPerElement());
    }
}

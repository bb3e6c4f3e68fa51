package org.poetexplorer.schedule;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

/**
 * Replays a schedule operation by operation (outputs in RAM, outputs on storage, bytes in RAM)
 * and verifies every rule of docs/schedule-format.md. Written from the format alone: it knows
 * nothing of the MILP, its variables or its constraints. Stops at the first violation.
 */
public final class ReplayChecker {
    /** Stage or node out of range, stages out of order, COMPUTE not of the stage's node, RECOMPUTE of a later node. */
    public static final String STRUCTURE = "structure";
    public static final String DEPENDENCY_IN_RAM = "dependency-in-ram";
    public static final String COMPUTE_OF_OUTPUT_IN_RAM = "compute-of-output-in-ram";
    public static final String PAGE_OUT_NEEDS_RAM = "page-out-needs-ram";
    public static final String FREE_NEEDS_RAM = "free-needs-ram";
    public static final String PAGE_IN_NEEDS_STORAGE = "page-in-needs-storage";
    public static final String PAGING_OFF = "paging-off";
    public static final String REMAT_OFF = "remat-off";
    public static final String RAM_BUDGET = "ram-budget";
    public static final String NODE_COMPUTED = "node-computed";
    public static final String LAST_NODE_COMPUTED = "last-node-computed";
    public static final String RUNTIME_BUDGET = "runtime-budget";
    /** An operation's start, end, energy or ramBytesAfter disagrees with the replay. */
    public static final String OP_FIGURES = "op-figures";
    public static final String ENERGY_TOTAL = "energy-total";
    /** A figure the file claims beside its operations (energies, times, peak, counts, plain) disagrees with the replay. */
    public static final String CLAIMED_FIGURES = "claimed-figures";

    /** The figures of a schedule file that are compared with the replay, by their names in the format. */
    public static final List<String> CLAIMED = List.of("computeJ", "recomputeJ", "pageInJ", "pageOutJ", "runtimeS",
            "totalTimeS", "peakRamBytes", "peakStage", "peakOpIndex", "counts.compute", "counts.recompute",
            "counts.pageIn", "counts.pageOut", "counts.free", "plain.energyJ", "plain.peakRamBytes", "plain.runtimeS");

    /** Relative tolerance of the energy total, the runtime budget and the operations' figures. */
    public static final double REL_TOL = 1e-9;
    private static final double ABS_TIME_TOL = 1e-12;

    private ReplayChecker() {
    }

    public static ReplayReport check(Schedule s, double reportedEnergyJ) {
        return new Replay(s).run(reportedEnergyJ, null);
    }

    /** As {@link #check(Schedule, double)}, and every other figure {@code claims} gives must be the replay's. */
    public static ReplayReport check(Schedule s, double reportedEnergyJ, Claims claims) {
        return new Replay(s).run(reportedEnergyJ, claims);
    }

    private static final class Replay {
        private final TrainingGraph g;
        private final Budget b;
        private final List<Operation> ops;
        private final int n;
        private final boolean[] inRam;
        private final boolean[] onStorage;
        private final boolean[] computed;
        private long ramBytes;
        private double computeTime;
        /** End of the last computation (or time of the last FREE): where the next one starts. */
        private double computeClock;
        /** End of the stage's last transfer, from the stage's beginning: where its next one starts. */
        private double transferClock;
        /** The latest end of any operation so far: the schedule's total time. */
        private double latestEnd;
        private double energy;
        private int stage;
        private int verifiedUpTo;
        private final double runtimeLimit;
        /** Transfers count against the runtime budget and run on the one clock, in series with compute. */
        private final boolean transfersTakeTime;
        private final double[] energyByKind = new double[OpKind.values().length];
        private final int[] countByKind = new int[OpKind.values().length];
        private long peak = -1;
        private int peakIndex = -1;

        Replay(Schedule s) {
            g = s.graph();
            b = s.budget();
            ops = s.ops();
            n = g.size();
            inRam = new boolean[n];
            onStorage = new boolean[n];
            computed = new boolean[n];
            runtimeLimit = b.runtimeRatio() * g.plainRuntimeS();
            transfersTakeTime = b.transfersTakeTime();
        }

        ReplayReport run(double reportedEnergyJ, Claims claims) {
            for (int x = 0; x < ops.size(); x++) {
                ReplayReport r = step(x, ops.get(x));
                if (r != null) {
                    return r;
                }
            }
            ReplayReport r = verifyComputedBefore(n);
            if (r != null) {
                return r;
            }
            if (!(Math.abs(energy - reportedEnergyJ) <= REL_TOL * Math.max(Math.abs(energy), Math.abs(reportedEnergyJ)))) {
                return ReplayReport.violation(-1, -1, -1, ENERGY_TOTAL, String.format(Locale.ROOT,
                        "the operations' energies add up to %s J, the reported energy is %s J (relative difference %.3g)",
                        energy, reportedEnergyJ, Math.abs(energy - reportedEnergyJ)
                                / Math.max(Math.abs(energy), Math.abs(reportedEnergyJ))));
            }
            return claims == null ? ReplayReport.ok() : claimed(claims);
        }

        /** The replay's own value of each figure in {@link #CLAIMED}. */
        private Map<String, Number> figures() {
            Map<String, Number> own = new HashMap<>();
            own.put("computeJ", energyByKind[OpKind.COMPUTE.ordinal()] + energyByKind[OpKind.RECOMPUTE.ordinal()]);
            own.put("recomputeJ", energyByKind[OpKind.RECOMPUTE.ordinal()]);
            own.put("pageInJ", energyByKind[OpKind.PAGE_IN.ordinal()]);
            own.put("pageOutJ", energyByKind[OpKind.PAGE_OUT.ordinal()]);
            own.put("runtimeS", computeTime);
            own.put("totalTimeS", latestEnd);
            own.put("peakRamBytes", peak);
            own.put("peakStage", peakIndex < 0 ? -1 : ops.get(peakIndex).stage());
            own.put("peakOpIndex", peakIndex);
            own.put("counts.compute", countByKind[OpKind.COMPUTE.ordinal()]);
            own.put("counts.recompute", countByKind[OpKind.RECOMPUTE.ordinal()]);
            own.put("counts.pageIn", countByKind[OpKind.PAGE_IN.ordinal()]);
            own.put("counts.pageOut", countByKind[OpKind.PAGE_OUT.ordinal()]);
            own.put("counts.free", countByKind[OpKind.FREE.ordinal()]);
            own.put("plain.energyJ", g.plainEnergyJ());
            own.put("plain.peakRamBytes", plainPeak());
            own.put("plain.runtimeS", g.plainRuntimeS());
            return own;
        }

        private ReplayReport claimed(Claims claims) {
            Map<String, Number> own = figures();
            for (String name : CLAIMED) {
                BigDecimal said = claims.figures().get(name);
                Number is = own.get(name);
                if (said == null) {
                    continue;
                }
                boolean agrees = is instanceof Double d ? close(said.doubleValue(), d, ABS_TIME_TOL)
                        : said.compareTo(BigDecimal.valueOf(is.longValue())) == 0;
                if (!agrees) {
                    return ReplayReport.violation(-1, -1, -1, CLAIMED_FIGURES, "the file says " + name + " "
                            + said.toString() + ", the replay gives " + is);
                }
            }
            if (claims.inRamAtPeak() != null && !claims.inRamAtPeak().equals(inRamAtPeak())) {
                return ReplayReport.violation(-1, -1, -1, CLAIMED_FIGURES, "the file says inRamAtPeak "
                        + claims.inRamAtPeak() + ", the replay has " + inRamAtPeak() + " in RAM at the peak");
            }
            return ReplayReport.ok();
        }

        /** Outputs in RAM after the peak's operation, largest first (ties by node index). */
        private List<Integer> inRamAtPeak() {
            boolean[] in = new boolean[n];
            for (Operation op : ops.subList(0, peakIndex + 1)) {
                switch (op.kind()) {
                    case FREE -> in[op.node()] = false;
                    case PAGE_OUT -> {
                        // the output stays in RAM
                    }
                    default -> in[op.node()] = true;
                }
            }
            return IntStream.range(0, n).filter(i -> in[i]).boxed()
                    .sorted(Comparator.comparingLong((Integer i) -> g.ram(i)).reversed().thenComparing(i -> i))
                    .toList();
        }

        /**
         * The plain schedule's peak: over stages t, node t's output plus every earlier output that
         * stage t or a later stage reads.
         */
        private long plainPeak() {
            int[] lastRead = new int[n];
            for (int i = 0; i < n; i++) {
                lastRead[i] = i;
                for (int d : g.deps(i)) {
                    lastRead[d] = Math.max(lastRead[d], i);
                }
            }
            long[] change = new long[n + 1];
            for (int i = 0; i < n; i++) {
                if (lastRead[i] > i) {
                    change[i + 1] = Math.addExact(change[i + 1], g.ram(i));
                    change[lastRead[i] + 1] = Math.subtractExact(change[lastRead[i] + 1], g.ram(i));
                }
            }
            long held = 0;
            long most = 0;
            for (int t = 0; t < n; t++) {
                held = Math.addExact(held, change[t]);
                most = Math.max(most, Math.addExact(held, g.ram(t)));
            }
            return most;
        }

        private ReplayReport step(int x, Operation op) {
            int i = op.node();
            if (op.kind() == null) {
                return bad(x, op, STRUCTURE, "the operation has no kind");
            }
            if (i < 0 || i >= n) {
                return bad(x, op, STRUCTURE, "node " + i + " does not exist (the graph has nodes 0.." + (n - 1) + ")");
            }
            if (op.stage() < 0 || op.stage() >= n) {
                return bad(x, op, STRUCTURE, "stage " + op.stage() + " does not exist (stages 0.." + (n - 1) + ")");
            }
            if (op.stage() < stage) {
                return bad(x, op, STRUCTURE, "stage " + op.stage() + " comes after stage " + stage);
            }
            if (op.stage() > stage) {
                ReplayReport r = verifyComputedBefore(op.stage());
                if (r != null) {
                    return r;
                }
                stage = op.stage();
                transferClock = computeClock;
            }
            String name = g.node(i).name();
            switch (op.kind()) {
                case COMPUTE:
                case RECOMPUTE: {
                    if (op.kind() == OpKind.COMPUTE && i != stage) {
                        return bad(x, op, STRUCTURE, "COMPUTE in stage " + stage + " must be of node " + stage
                                + (i < stage ? " (a later computation of node " + i + " is a RECOMPUTE)" : ""));
                    }
                    if (op.kind() == OpKind.RECOMPUTE && i >= stage) {
                        return bad(x, op, STRUCTURE, "RECOMPUTE in stage " + stage + " must be of an earlier node"
                                + " (node " + i + " is first computed in stage " + i + ")");
                    }
                    if (op.kind() == OpKind.RECOMPUTE && !b.remat()) {
                        return bad(x, op, REMAT_OFF, "recomputes " + name + " but rematerialization is off");
                    }
                    for (int d : g.deps(i)) {
                        if (!inRam[d]) {
                            return bad(x, op, DEPENDENCY_IN_RAM, "computes " + name + " but its dependency "
                                    + g.node(d).name() + " (node " + d + ") is not in RAM");
                        }
                    }
                    if (inRam[i]) {
                        return bad(x, op, COMPUTE_OF_OUTPUT_IN_RAM, "computes " + name + " whose output is already in RAM");
                    }
                    inRam[i] = true;
                    ramBytes = Math.addExact(ramBytes, g.ram(i));
                    computed[i] = true;
                    break;
                }
                case PAGE_OUT:
                    if (!b.paging()) {
                        return bad(x, op, PAGING_OFF, "pages " + name + " out but paging is off");
                    }
                    if (!inRam[i]) {
                        return bad(x, op, PAGE_OUT_NEEDS_RAM, "pages " + name + " out but it is not in RAM");
                    }
                    onStorage[i] = true;
                    break;
                case PAGE_IN:
                    if (!b.paging()) {
                        return bad(x, op, PAGING_OFF, "pages " + name + " in but paging is off");
                    }
                    if (!onStorage[i]) {
                        return bad(x, op, PAGE_IN_NEEDS_STORAGE, "pages " + name + " in but it is not on storage"
                                + " (never paged out)");
                    }
                    if (!inRam[i]) {
                        inRam[i] = true;
                        ramBytes = Math.addExact(ramBytes, g.ram(i));
                    }
                    break;
                case FREE:
                    if (!inRam[i]) {
                        return bad(x, op, FREE_NEEDS_RAM, "frees " + name + " but it is not in RAM");
                    }
                    inRam[i] = false;
                    ramBytes -= g.ram(i);
                    break;
                default:
                    return bad(x, op, STRUCTURE, "unknown kind " + op.kind());
            }
            ReplayReport over = spend(x, op, budgetedSeconds(op));
            if (over != null) {
                return over;
            }
            if (ramBytes > b.ramBytes()) {
                return bad(x, op, RAM_BUDGET, "RAM in use reaches " + ramBytes + " bytes, over the budget of "
                        + b.ramBytes() + " bytes");
            }
            return figures(x, op);
        }

        /** The time an operation takes of the runtime budget: a computation's, and a transfer's when transfers take time. */
        private double budgetedSeconds(Operation op) {
            return switch (op.kind()) {
                case COMPUTE, RECOMPUTE -> g.runtime(op.node());
                case PAGE_OUT -> transfersTakeTime ? g.pageOutS(op.node()) : 0;
                case PAGE_IN -> transfersTakeTime ? g.pageInS(op.node()) : 0;
                default -> 0;
            };
        }

        /** Adds an operation's time to what the runtime budget counts; the violation once it is over. */
        private ReplayReport spend(int x, Operation op, double seconds) {
            computeTime += seconds;
            if (computeTime > runtimeLimit * (1 + REL_TOL)) {
                return bad(x, op, RUNTIME_BUDGET, String.format(Locale.ROOT,
                        "%s time reaches %s s, over the budget of %s x %s s = %s s",
                        transfersTakeTime ? "compute and transfer" : "compute", computeTime, b.runtimeRatio(),
                        g.plainRuntimeS(), runtimeLimit));
            }
            return null;
        }

        private ReplayReport figures(int x, Operation op) {
            int i = op.node();
            double duration;
            double cost;
            if (op.kind().isComputation()) {
                duration = g.runtime(i);
                cost = g.computeJ(i);
            } else if (op.kind() == OpKind.PAGE_IN) {
                duration = g.pageInS(i);
                cost = g.pageInJ(i);
            } else if (op.kind() == OpKind.PAGE_OUT) {
                duration = g.pageOutS(i);
                cost = g.pageOutJ(i);
            } else {
                duration = 0;
                cost = 0;
            }
            boolean transfer = !transfersTakeTime && (op.kind() == OpKind.PAGE_IN || op.kind() == OpKind.PAGE_OUT);
            double start = transfer ? transferClock : computeClock;
            double end = start + duration;
            if (!close(op.startS(), start, ABS_TIME_TOL)) {
                return bad(x, op, OP_FIGURES, "starts at " + op.startS() + " s but should start at " + start + " s ("
                        + (transfer ? "where the stage's transfers before it end"
                                : transfersTakeTime ? "where the operation before it ends"
                                : "where the computations before it end")
                        + ")");
            }
            if (!close(op.endS(), end, ABS_TIME_TOL)) {
                return bad(x, op, OP_FIGURES, "ends at " + op.endS() + " s but lasts " + duration + " s from "
                        + start + " s (expected " + end + " s)");
            }
            if (!close(op.energyJ(), cost, 0)) {
                return bad(x, op, OP_FIGURES, "energy " + op.energyJ() + " J but the node's cost is " + cost + " J");
            }
            if (op.ramBytesAfter() != ramBytes) {
                return bad(x, op, OP_FIGURES, "says " + op.ramBytesAfter() + " bytes in RAM after it, the replay has "
                        + ramBytes);
            }
            if (transfer) {
                transferClock = op.endS();
            } else {
                computeClock = op.endS();
            }
            latestEnd = Math.max(latestEnd, op.endS());
            energy += op.energyJ();
            energyByKind[op.kind().ordinal()] += op.energyJ();
            countByKind[op.kind().ordinal()]++;
            if (ramBytes > peak) {
                peak = ramBytes;
                peakIndex = x;
            }
            return null;
        }

        /** Every node before {@code nextStage} must have been computed by now. */
        private ReplayReport verifyComputedBefore(int nextStage) {
            for (; verifiedUpTo < nextStage; verifiedUpTo++) {
                int t = verifiedUpTo;
                if (!computed[t]) {
                    boolean last = t == n - 1;
                    return ReplayReport.violation(-1, t, t, last ? LAST_NODE_COMPUTED : NODE_COMPUTED,
                            (last ? "the last node " : "node ") + g.node(t).name() + " (node " + t
                                    + ") is not computed in stage " + t + " or earlier");
                }
            }
            return null;
        }

        private static boolean close(double a, double b, double absTol) {
            return Math.abs(a - b) <= Math.max(absTol, REL_TOL * Math.max(Math.abs(a), Math.abs(b)));
        }

        private static ReplayReport bad(int x, Operation op, String rule, String message) {
            return ReplayReport.violation(x, op.stage(), op.node(), rule, message);
        }
    }
}

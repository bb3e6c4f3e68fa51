package org.poetexplorer.schedule;

import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;

/**
 * One replay of a stage plan by the operation order of docs/schedule-format.md: the operations it
 * makes, each placed on the timeline with its energy and the bytes in RAM after it; the plan's
 * figures (energy summed in operation order, compute time, peak RAM); and the first way in which
 * the plan breaks the model or the budget, if any. Inside stage t:
 * <ol>
 * <li>page-outs;</li>
 * <li>computations in increasing node order, each followed by the frees of its inputs that the
 *   stage no longer needs (no later node of the stage reads them and they are not kept);</li>
 * <li>frees of every output in RAM that is not kept for stage t+1;</li>
 * <li>page-ins.</li>
 * </ol>
 * A plan that breaks a rule is replayed to its end all the same (so that a checker can be shown
 * what it does); only its first problem is reported. The schedule package's
 * {@link ReplayChecker} checks the operations again, independently, from the format alone.
 */
public record PlanReplay(Schedule schedule, String problem, double energyJ, double runtimeS, long peakRamBytes) {

    /**
     * Replays {@code plan} under {@code b}: the operations in order (valid or not, see the class
     * comment); the first rule the plan breaks, or null; the energy of the operations summed in
     * their order; the time the runtime budget counts (computations, and transfers when they take
     * time); the most bytes in RAM after
     * any operation.
     *
     * @throws IllegalArgumentException when the plan has another number of stages than the graph has nodes
     */
    public static PlanReplay of(TrainingGraph g, Budget b, StagePlan plan) {
        if (plan.size() != g.size()) {
            throw new IllegalArgumentException("plan is for " + plan.size() + " nodes, the graph has " + g.size());
        }
        return new Replay(g, b, plan).run();
    }

    /** The operations of {@code plan}, valid or not. */
    public static Schedule schedule(TrainingGraph g, Budget b, StagePlan plan) {
        return of(g, b, plan).schedule();
    }

    /** Whether the plan keeps every rule of the model and fits the budget. */
    public boolean valid() {
        return problem == null;
    }

    private static final class Replay {
        private final TrainingGraph g;
        private final Budget b;
        private final StagePlan plan;
        private final int n;
        private final Timeline timeline;
        private final boolean[] onStorage;
        private double runtime;
        private String problem;

        Replay(TrainingGraph g, Budget b, StagePlan plan) {
            this.g = g;
            this.b = b;
            this.plan = plan;
            this.n = g.size();
            this.timeline = new Timeline(g, b.transfersTakeTime());
            this.onStorage = new boolean[n];
        }

        PlanReplay run() {
            for (int t = 0; t < n; t++) {
                checkStart(t);
                if (!plan.r(t, t)) {
                    fail("stage " + t + ": node " + t + " is not computed in its own stage");
                }
                for (int i : plan.pageOuts(t)) {
                    pageOut(t, i);
                }
                for (int k : plan.computed(t)) {
                    compute(t, k);
                }
                freeWhatIsNotKept(t);
                for (int i : plan.pageIns(t)) {
                    pageIn(t, i);
                }
            }
            long peak = timeline.peakBytes();
            if (peak > b.ramBytes()) {
                fail("peak RAM " + peak + " B exceeds the budget " + b.ramBytes() + " B");
            }
            if (runtime > b.runtimeRatio() * g.plainRuntimeS() * (1 + 1e-12)) {
                fail((b.transfersTakeTime() ? "compute and transfer time " : "compute time ") + runtime
                        + " s exceeds " + b.runtimeRatio() + " x " + g.plainRuntimeS() + " s");
            }
            return new PlanReplay(new Schedule(g, b, timeline.ops()), problem, timeline.energyJ(), runtime, peak);
        }

        /** The outputs in RAM at the start of stage t must be exactly those the plan keeps. */
        private void checkStart(int t) {
            if (problem != null) {
                return;
            }
            int[] kept = plan.kept(t);
            int q = 0;
            for (int i = timeline.nextInRam(0); i >= 0 || q < kept.length; i = timeline.nextInRam(i + 1)) {
                if (q < kept.length && (i < 0 || kept[q] < i)) {
                    fail("stage " + t + ": node " + kept[q] + " is kept but not in RAM");
                    return;
                }
                if (q == kept.length || i < kept[q]) {
                    fail("stage " + t + ": node " + i + " is in RAM but not kept");
                    return;
                }
                q++;
            }
        }

        private void pageOut(int t, int i) {
            if (!b.paging()) {
                fail("stage " + t + ": paging is off but node " + i + " is paged out");
            } else if (!timeline.inRam(i)) {
                fail("stage " + t + ": page-out of node " + i + " which is not in RAM");
            }
            onStorage[i] = true;
            if (b.transfersTakeTime()) {
                runtime += g.pageOutS(i);
            }
            timeline.add(t, OpKind.PAGE_OUT, i);
        }

        private void compute(int t, int k) {
            if (k < t && !b.remat()) {
                fail("stage " + t + ": rematerialization is off but node " + k + " is recomputed");
            }
            for (int d : g.deps(k)) {
                if (!timeline.inRam(d)) {
                    fail("stage " + t + ": node " + k + " needs node " + d + " which is not in RAM");
                }
            }
            if (timeline.inRam(k)) {
                fail("stage " + t + ": node " + k + " is computed while its output is in RAM");
            }
            runtime += g.runtime(k);
            timeline.add(t, k == t ? OpKind.COMPUTE : OpKind.RECOMPUTE, k);
            for (int d : g.deps(k)) {
                if (timeline.inRam(d) && !plan.keptAfter(t, d) && !readLaterInStage(t, d, k)) {
                    timeline.add(t, OpKind.FREE, d);
                }
            }
        }

        /** Whether a node after k that reads d is computed in stage t. */
        private boolean readLaterInStage(int t, int d, int k) {
            for (int j : g.succs(d)) {
                if (j > k && j <= t && plan.r(t, j)) {
                    return true;
                }
            }
            return false;
        }

        /** Frees, in increasing node order, every output in RAM that stage t+1 does not keep. */
        private void freeWhatIsNotKept(int t) {
            int[] next = t + 1 < n ? plan.kept(t + 1) : new int[0];
            int q = 0;
            for (int i = timeline.nextInRam(0); i >= 0; i = timeline.nextInRam(i + 1)) {
                while (q < next.length && next[q] < i) {
                    q++;
                }
                if (q == next.length || next[q] != i) {
                    timeline.add(t, OpKind.FREE, i);
                }
            }
        }

        private void pageIn(int t, int i) {
            if (!b.paging()) {
                fail("stage " + t + ": paging is off but node " + i + " is paged in");
            } else if (!onStorage[i]) {
                fail("stage " + t + ": page-in of node " + i + " which is not on storage");
            } else if (timeline.inRam(i)) {
                fail("stage " + t + ": page-in of node " + i + " which is already in RAM");
            }
            if (b.transfersTakeTime()) {
                runtime += g.pageInS(i);
            }
            timeline.add(t, OpKind.PAGE_IN, i);
        }

        private void fail(String why) {
            if (problem == null) {
                problem = why;
            }
        }
    }
}

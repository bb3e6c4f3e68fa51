package org.poetexplorer.solver;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.StagePlan;
import org.poetexplorer.solver.backends.Backend;
import org.poetexplorer.solver.backends.BackendOutcome;
import org.poetexplorer.solver.backends.Deadline;
import org.poetexplorer.solver.backends.LinearModel;
import org.poetexplorer.solver.phases.StageFormulation;
import org.poetexplorer.solver.phases.StageModel;
import org.poetexplorer.solver.phases.StageWindow;

/**
 * A large-neighbourhood search on the stage model: improves the best schedule with small exact
 * models, each the reduced stage model restricted to a window of stages and nodes
 * ({@link StageFormulation#window}) with every other decision the best schedule's, solved on
 * the solve's backend under a short time limit and hinted with the best schedule.
 *
 * <p>A window's answer, with the fixed decisions around it, is a plan of the whole graph; it is
 * offered (tidied, replayed and checked) and kept when it is cheaper. A window can only lower
 * the recomputation and paging energy spent in its own stages, so windows are taken where the
 * best schedule spends most. Two kinds alternate: consecutive stages deciding about the nodes
 * before them too (local rearrangements), and a few nodes over all the stages they live in
 * (trading keeping one output for recomputing another). When a pass finds nothing, the windows
 * of its kind grow (up to {@link #MAX_WINDOW_COLUMNS}).
 *
 * <p>Measured from the fast heuristic's schedule (m4, time unit 100 us, runtime 2x, SCIP, 1
 * thread, 40 s, generated graphs, remat-only at 0.8 of the plain peak): on 60 nodes windows of
 * consecutive stages took it from 6.1 % to 4.7 % above the cover bound within 4 s, where the
 * whole stage model reached 5.4 % in 40 s; on 250 nodes only node windows found anything (25.6 %
 * to 25.3 %); on 500 and 1,000 nodes (also with paging) no window improved the schedule, which
 * was then the best schedule of every window tried.
 *
 * <p>A window's optimum is the best schedule that differs from the incumbent only inside the
 * window: it proves nothing about the whole problem, so the search never raises the bound.
 */
final class WindowSearch {
    /** Stages in the first windows of consecutive stages. */
    static final int FIRST_STAGES = 8;
    /** Nodes in the first node windows. */
    static final int FIRST_NODES = 4;
    /** Node windows grow to at most this many nodes (fewer when their stages would pass {@link #MAX_WINDOW_COLUMNS}). */
    static final int MOST_NODES = 32;
    /** How many nodes before a window's first stage it may also decide about, per stage of the window. */
    static final int LOOKBACK_PER_STAGE = 2;
    /**
     * At most about this many columns in a window's model (as {@link #columns} estimates them).
     * Measured with SCIP, 1 thread, on generated graphs of 60 to 1,000 nodes on the 2-core
     * machine shared with other work: windows of 1,000 to 3,000 columns are built and solved to
     * optimality in 0.1 to 0.8 s; of 10,000 and more, SCIP often does not return within
     * {@link #WINDOW_SECONDS}. A window takes a few MB of heap.
     */
    static final long MAX_WINDOW_COLUMNS = 12_000;
    /**
     * At most this many bytes of index arrays in a window's model (a node window may span many
     * stages of a large graph: 64 MB is 320 stages of a 10,000-node graph, all of a 1,000-node one).
     */
    static final long MAX_WINDOW_INDEX_BYTES = 64L << 20;
    /** The longest one window is searched. */
    static final double WINDOW_SECONDS = 4;

    /** A window to try: stages {@code from} to {@code to - 1}, deciding about {@code nodes}. */
    record Spec(int from, int to, BitSet nodes) {
    }

    /**
     * Node windows, most expensive stage first: for each stage where the plan recomputes, the
     * nodes it recomputes there and the outputs it keeps in RAM there (those compete for the
     * stage's RAM), alternately the costliest recomputation and the largest kept output, up to
     * {@code size} nodes and {@link #MAX_WINDOW_COLUMNS}, over the stages from the first of them
     * to the last stage the plan names one of them in. Such a window can trade keeping one
     * output for recomputing another across many stages, which a window of consecutive stages
     * (whose RAM on entry and exit is fixed) cannot.
     */
    private List<Spec> nodeWindows(StagePlan plan, int size) {
        int n = graph.size();
        double[] extra = extraPerStage(plan);
        int[] lastStage = new int[n];
        for (int t = 0; t < n; t++) {
            for (int[] named : new int[][] {plan.computed(t), plan.kept(t), plan.pageIns(t), plan.pageOuts(t)}) {
                for (int i : named) {
                    lastStage[i] = Math.max(lastStage[i], t);
                }
            }
        }
        List<Integer> hot = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            if (extra[t] > 0) {
                hot.add(t);
            }
        }
        hot.sort(Comparator.comparingDouble(t -> -extra[t]));
        List<Spec> specs = new ArrayList<>();
        for (int t : hot) {
            List<Integer> members = new ArrayList<>();
            List<Integer> rec = new ArrayList<>();
            for (int i : plan.computed(t)) {
                if (i != t) {
                    rec.add(i);
                }
            }
            rec.sort(Comparator.comparingDouble(i -> -graph.computeJ(i)));
            List<Integer> kept = new ArrayList<>();
            for (int i : plan.kept(t)) {
                kept.add(i);
            }
            kept.sort(Comparator.comparingLong(i -> -graph.ram(i)));
            for (int q = 0; q < Math.max(rec.size(), kept.size()); q++) {
                if (q < rec.size()) {
                    members.add(rec.get(q));
                }
                if (q < kept.size()) {
                    members.add(kept.get(q));
                }
            }
            BitSet nodes = new BitSet();
            int from = n;
            int to = 0;
            for (int i : members) {
                int f = Math.min(from, i);
                int e = Math.max(to, lastStage[i] + 1);
                if (!indexFits(e - f)) {
                    continue; // with this output the window would span too many stages
                }
                if (nodes.cardinality() >= size || (!nodes.isEmpty()
                        && nodeColumns(e - f, nodes.cardinality() + 1) > MAX_WINDOW_COLUMNS)) {
                    break;
                }
                nodes.set(i);
                from = f;
                to = e;
            }
            if (!nodes.isEmpty()) {
                specs.add(new Spec(from, Math.min(n, Math.max(to, from + 1)), nodes));
            }
        }
        return specs;
    }

    /** What a search did, for the solve's notes; {@code exhausted}: it ended because no window was left to try. */
    record Summary(int windows, int improvements, int largestStages, boolean exhausted) {
    }

    /** Where the search finds the best schedule and where it offers its own (which checks and keeps it). */
    interface Best {
        Verifier.Verified best();

        void offer(StagePlan plan);
    }

    private final TrainingGraph graph;
    private final Budget budget;
    private final Backend backend;
    private final int threads;
    private final Stop stop;
    private final Best best;

    WindowSearch(TrainingGraph graph, Budget budget, Backend backend, int threads, Stop stop, Best best) {
        this.graph = graph;
        this.budget = budget;
        this.backend = backend;
        this.threads = threads;
        this.stop = stop;
        this.best = best;
    }

    /**
     * Searches until {@code end}, the stop signal, or until two passes of each kind over the
     * largest windows find nothing. Passes alternate between windows of consecutive stages and
     * node windows; a pass that finds nothing makes the next windows of its kind larger.
     */
    Summary run(Deadline end) {
        int stages = FIRST_STAGES;
        int nodes = FIRST_NODES;
        int pass = 0;
        int windows = 0;
        int improvements = 0;
        int largest = 0;
        int idle = 0;
        boolean exhausted = false;
        while (!stop.isCancelled() && !end.passed() && !exhausted) {
            boolean byStages = pass % 2 == 0;
            Verifier.Verified start = best.best();
            List<Spec> ranges = start == null ? List.of()
                    : byStages ? windows(start.plan(), stages, pass / 2) : nodeWindows(start.plan(), nodes);
            if (ranges.isEmpty()) {
                exhausted = true; // the schedule spends nothing beyond the plain step: nothing to improve
                break;
            }
            boolean improved = false;
            for (Spec range : ranges) {
                if (stop.isCancelled() || end.passed()) {
                    break;
                }
                Verifier.Verified before = best.best();
                try {
                    solve(new StageWindow(before.plan(), range.from(), range.to(), range.nodes()), before, end);
                } catch (LinearModel.Stopped building) {
                    break;
                }
                windows++;
                largest = Math.max(largest, range.to() - range.from());
                if (best.best().energyJ() < before.energyJ()) {
                    improved = true;
                    improvements++;
                }
            }
            pass++;
            int wider = Math.min(graph.size(), stages * 3 / 2);
            int more = Math.min(graph.size(), nodes * 3 / 2);
            if (improved) {
                idle = 0;
            } else if (byStages && wider > stages && fits(wider)) {
                stages = wider;
            } else if (!byStages && more > nodes && more <= MOST_NODES) {
                nodes = more;
            } else {
                idle++;
                exhausted = idle == 4;
            }
        }
        return new Summary(windows, improvements, largest, exhausted);
    }

    /** Solves one window, hinted with the schedule it leaves fixed, and offers a cheaper answer. */
    private void solve(StageWindow window, Verifier.Verified fixed, Deadline end) {
        StageModel model = StageFormulation.window(graph, budget, backend.needsIntegerModel(), window, stop::isCancelled);
        double[] hint = model.pointOf(fixed.plan());
        BackendOutcome out = backend.solve(model.lp(), hint, Deadline.in(WINDOW_SECONDS).orEarlier(end), threads,
                stop, x -> { });
        if (out.x() != null && model.energyJ(out.objective()) < fixed.energyJ() * (1 - 1e-9)) {
            best.offer(model.round(out.x()));
        }
    }

    /**
     * The windows of a pass, most promising first: windows of {@code stages} stages every half
     * window (shifted by a quarter window on odd passes), each deciding about the nodes from
     * {@link #LOOKBACK_PER_STAGE} times its length before its first stage (fewer when that
     * would pass {@link #MAX_WINDOW_COLUMNS}); ordered by the energy the plan spends in their
     * stages beyond the plain step, which is the most a window can save. Windows where it spends
     * nothing are left out.
     */
    private List<Spec> windows(StagePlan plan, int stages, int pass) {
        int n = graph.size();
        double[] extra = extraPerStage(plan);
        int step = Math.max(1, stages / 2);
        int offset = pass % 2 == 1 ? Math.max(1, stages / 4) : 0;
        List<Scored> ranges = new ArrayList<>();
        for (int from = Math.min(offset, n - 1); from < n; from += step) {
            int to = Math.min(n, from + stages);
            double score = 0;
            for (int t = from; t < to; t++) {
                score += extra[t];
            }
            if (score > 0) {
                int firstNode = Math.max(0, from - LOOKBACK_PER_STAGE * stages);
                while (firstNode < from && columns(from, to, firstNode) > MAX_WINDOW_COLUMNS) {
                    firstNode = Math.min(from, firstNode + Math.max(1, (from - firstNode) / 4));
                }
                BitSet nodes = new BitSet();
                nodes.set(firstNode, n);
                ranges.add(new Scored(new Spec(from, to, nodes), score));
            }
            if (to == n) {
                break;
            }
        }
        ranges.sort(Comparator.comparingDouble(r -> -r.score()));
        return ranges.stream().map(Scored::spec).toList();
    }

    /** A window and the energy its stages spend beyond the plain step. */
    private record Scored(Spec spec, double score) {
    }

    /** Whether a window of {@code stages} stages (deciding about no node before its first stage) stays within the column limit. */
    private boolean fits(int stages) {
        if (!indexFits(stages)) {
            return false;
        }
        int from = Math.max(0, graph.size() - stages);
        return columns(from, graph.size(), from) <= MAX_WINDOW_COLUMNS;
    }

    /**
     * About how many columns a window's model has: per stage and node it may decide about, the
     * decisions of {@link StageFormulation#estimatedColumns}, about as many frees, and a RAM level.
     */
    private long columns(int from, int to, int firstNode) {
        long pairs = 0;
        for (int t = from; t < to; t++) {
            pairs += t - firstNode;
        }
        return pairs * (2L * StageFormulation.decisionsPerPair(budget) + 1);
    }

    /**
     * Whether the index arrays of a window of {@code stages} stages fit {@link #MAX_WINDOW_INDEX_BYTES}:
     * the model keeps, per stage it reads (its own and the two next to it) and decision, an int per node.
     */
    private boolean indexFits(int stages) {
        return (stages + 2L) * graph.size() * 5 * Integer.BYTES <= MAX_WINDOW_INDEX_BYTES;
    }

    /** About how many columns a node window of {@code nodes} nodes over {@code stages} stages has (as {@link #columns}). */
    private long nodeColumns(int stages, int nodes) {
        return (long) stages * nodes * (2L * StageFormulation.decisionsPerPair(budget) + 1);
    }

    /** Per stage, the energy the plan spends beyond computing the stage's own node: recomputations and transfers. */
    private double[] extraPerStage(StagePlan plan) {
        double[] extra = new double[graph.size()];
        for (int t = 0; t < extra.length; t++) {
            for (int i : plan.computed(t)) {
                extra[t] += i == t ? 0 : graph.computeJ(i);
            }
            for (int i : plan.pageIns(t)) {
                extra[t] += graph.pageInJ(i);
            }
            for (int i : plan.pageOuts(t)) {
                extra[t] += graph.pageOutJ(i);
            }
        }
        return extra;
    }
}

package org.poetexplorer.solver.heuristic;

import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.StagePlan;

/**
 * A first schedule where every walk runs out of RAM, for budgets with recomputation and
 * without paging: a local search over recomputations that works with plans over the RAM
 * budget, minimizing the RAM over it summed over the stages, from the walk that leaves the
 * stages it cannot fit over the budget ({@link ForwardScheduler#overBudgetStart}). Its moves: at
 * a random stage over the budget, recompute an output resident there where it is next needed
 * (in that stage when it reads it), with the inputs that are not at hand
 * ({@link Repair#recomputeFix}); or remove a recomputation anywhere, which gives back its runtime. Worse moves are taken with the
 * annealing's probability (temperature in bytes), so the search leaves the plans where every
 * further recomputation passes the runtime budget, where {@link Repair} stops. A move that
 * passes the runtime budget is never taken. Compute time has a price in bytes over the budget,
 * adjusted as the search goes so that it neither hoards nor exhausts the runtime budget.
 * Deterministic for a seed, apart from where the stop signal cuts it short.
 *
 * <p>Measured on generated graphs at 0.8 of the plain peak, remat-only (m4, 100 us a unit), where
 * no walk finds a plan, alone on the loaded 2-core machine: n500 width 0.26 seed 1, a plan in
 * 0.3 s to 3.5 s (runs with different prices and temperatures, 2.3 s with these); n1000 width
 * 0.38 seed 5, in 2.6 s to 10 s; n1000 width 0.26 seed 5 and width 0.38 seed 1, none in 10 s
 * (the RAM over the budget fell from millions of bytes to tens of thousands, then stalled).
 * In CPU time of its thread (the machine loaded 3x to 4x): n500 0.4 s to 0.75 s (seeds 1 to 3),
 * n1000 width 0.38 seed 5 2.0 s to 3.2 s, width 0.38 seed 1 3.4 s with seed 3 (none in 6 s with
 * seeds 1 and 2), width 0.26 seed 5 none in 6 s with seeds 1 to 3, but 2.4 s with seed 2 and
 * cycles of 20 moves per node: all four are feasible, and the search's luck decides. Where it
 * stalls, most resident outputs of the stages over the budget have no fix (their chain of
 * missing inputs is longer than {@link #MAX_CHAIN}, or passes the runtime left), and one stage
 * may recompute about 180 nodes; a cap of 50 helped the 500-node graph (0.2 s to 0.3 s) and
 * lost width 0.38 seed 1 at 0.85 (none in 6 s, against 1.7 s to 5 s).
 * Its moves cost far more than the annealing's: a recomputation with its chain of inputs
 * re-derives up to {@link #MAX_CHAIN} columns.
 */
public final class OverBudgetSearch {
    /** Moves per cycle, per node of the graph. */
    static final int MOVES_PER_NODE = 200;
    /** Start temperature of a cycle, in mean output sizes. */
    static final double HOT = 0.2;
    /** End temperature of a cycle, in the same units. */
    static final double COLD = 0.01;
    /**
     * Price of a second of compute time, in bytes over the budget: this share of the bytes over
     * the budget at the start per second of runtime left, so that a recomputation is worth it
     * when it frees more than the start's average need per second.
     */
    static final double PRICE_SHARE = 3.0;
    /** Most nodes one move recomputes together in one stage: the outputs that pass through the tight stages come from long chains. */
    static final int MAX_CHAIN = 200;
    /**
     * Every this many moves the price of compute time is adjusted to the runtime left: lowered
     * by {@link #PRICE_STEP} while more than {@link #SLACK_HIGH} of the runtime budget is left,
     * raised by it while less than {@link #SLACK_LOW} is.
     */
    static final int PRICE_PERIOD = 500;
    static final double PRICE_STEP = 1.25;
    static final double SLACK_HIGH = 0.03;
    static final double SLACK_LOW = 0.005;
    /** Random stages tried for a recomputation to remove. */
    static final int REMOVE_ATTEMPTS = 20;
    /** Share of moves that remove a recomputation rather than add one. */
    static final double REMOVE_SHARE = 0.3;

    private final TrainingGraph g;
    private final Budget b;
    private final SplittableRandom random;
    private final Repair.ChainScratch scratch;

    public OverBudgetSearch(TrainingGraph g, Budget b, long seed) {
        if (b.paging() || !b.remat()) {
            throw new IllegalArgumentException("the search over recomputations needs recomputation without paging");
        }
        this.g = g;
        this.b = b;
        this.random = new SplittableRandom(seed);
        this.scratch = new Repair.ChainScratch(g.size());
    }

    /** A plan within the budget, or null when the walk gives no start or {@code stop} comes first. */
    public StagePlan run(BooleanSupplier stop) {
        StagePlan start = ForwardScheduler.overBudgetStart(g, b, stop);
        return start == null ? null : run(start, stop);
    }

    /**
     * A plan within the budget searched from {@code start}, a plan of the graph that may pass
     * the RAM budget but keeps the runtime budget; null when {@code stop} comes first.
     */
    public StagePlan run(StagePlan start, BooleanSupplier stop) {
        PlanState s;
        try {
            s = new PlanState(g, b, false, start, stop);
        } catch (PlanState.Stopped stopped) {
            return null;
        }
        s.commit();
        s.deriveLocally();
        double meanBytes = 0;
        for (int i = 0; i < g.size(); i++) {
            meanBytes += g.ram(i);
        }
        meanBytes /= g.size();
        double perSecond = PRICE_SHARE * s.overflowBytes() / Math.max(1e-12, s.runtimeLimit - s.runtimeS());
        int moves = Math.max(10_000, MOVES_PER_NODE * g.size());
        while (!stop.getAsBoolean()) {
            if (s.feasible()) {
                return s.toStagePlan();
            }
            double temperature = HOT * meanBytes;
            double cooling = Math.pow(COLD / HOT, 1.0 / moves);
            double cost = s.overflowBytes() + perSecond * s.runtimeS();
            for (int q = 0; q < moves; q++, temperature *= cooling) {
                if ((q & 63) == 0 && stop.getAsBoolean()) {
                    return null;
                }
                if (q % PRICE_PERIOD == PRICE_PERIOD - 1) {
                    double slack = 1 - s.runtimeS() / s.runtimeLimit;
                    double before = perSecond;
                    perSecond *= slack > SLACK_HIGH ? 1 / PRICE_STEP : slack < SLACK_LOW ? PRICE_STEP : 1;
                    cost += (perSecond - before) * s.runtimeS();
                }
                int m = s.mark();
                if (!move(s)) {
                    continue;
                }
                s.refresh();
                if (s.overflowBytes() >= PlanState.INVALID / 2 || !s.runtimeOk()) {
                    s.rollback(m);
                    continue;
                }
                double now = s.overflowBytes() + perSecond * s.runtimeS();
                double delta = now - cost;
                if (delta <= 0 || random.nextDouble() < Math.exp(-delta / temperature)) {
                    s.commit();
                    cost = now;
                    if (s.feasible()) {
                        return s.toStagePlan();
                    }
                } else {
                    s.rollback(m);
                }
            }
        }
        return null;
    }

    /** One random move; false when the chosen stage offers none. */
    private boolean move(PlanState s) {
        int n = s.n;
        if (random.nextDouble() < REMOVE_SHARE) {
            for (int attempt = 0; attempt < REMOVE_ATTEMPTS; attempt++) {
                int t = 1 + random.nextInt(n - 1);
                int chosen = -1;
                int seen = 0;
                for (int i = 0; i < t; i++) {
                    if (s.r[t][i] && random.nextInt(++seen) == 0) {
                        chosen = i;
                    }
                }
                if (chosen >= 0) {
                    s.setR(t, chosen, false);
                    return true;
                }
            }
            return false;
        }
        int t = overStage(s);
        if (t < 0) {
            return false;
        }
        int chosen = -1;
        int seen = 0;
        for (int i = 0; i < t; i++) {
            if (s.k[t][i] && random.nextInt(++seen) == 0) {
                chosen = i;
            }
        }
        if (chosen < 0) {
            return false;
        }
        int d = s.dem[t][chosen] ? t : s.nextDemand(chosen, t);
        if (d < 0) {
            return false;
        }
        Repair.Fix fix = Repair.recomputeFix(s, chosen, d, t, Math.max(1, s.peak[t] - s.ramBudget),
                MAX_CHAIN, scratch);
        if (fix == null) {
            return false;
        }
        Repair.apply(s, fix);
        return true;
    }

    /** A random stage over the budget, or -1. */
    private int overStage(PlanState s) {
        int chosen = -1;
        int seen = 0;
        for (int t = 0; t < s.n; t++) {
            if (s.peak[t] > s.ramBudget && random.nextInt(++seen) == 0) {
                chosen = t;
            }
        }
        return chosen;
    }
}

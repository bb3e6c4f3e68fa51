package org.poetexplorer.solver.heuristic;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.StagePlan;

/**
 * Simulated annealing over where outputs are recomputed, for budgets with recomputation and
 * without paging. There a plan is its recomputations alone: {@link PlanState} derives what is
 * kept (each output stays in RAM from a computation to the uses it serves). A move adds a
 * recomputation of an output in a stage that uses it (it need not be kept until then, its
 * inputs must be) or removes one (the output is kept from its previous computation instead).
 * Moves may pass over the RAM budget at a price per byte over it, so the search crosses the
 * infeasible plans between two that fit, which the {@link Improver}'s and {@link RuinRecreate}'s
 * moves (each from a plan that fits to one that fits) cannot.
 *
 * <p>The search runs in cycles of a fixed number of moves, each from the best plan found so
 * far, its temperature falling geometrically from {@link #HOT} to {@link #COLD} per node's
 * share of the plain energy while the price of RAM over the budget rises. At the end of a cycle
 * its best plan that fits, when cheaper than the best so far, goes to the caller; after a
 * cycle that found none, the {@link Improver}'s moves that keep an output over a stretch instead
 * of recomputing it are tried from the best plan, once per best plan.
 * Deterministic for a seed, apart from where the stop signal cuts it short.
 *
 * <p>Measured on Moccasin's random_layered_n100_w0.27 at 0.8 of the plain peak (m4, 1 ms a
 * unit): ruin and recreate stops at 1.04059x the plain energy; the first cycles from there
 * reach 1.02296x within a few seconds (Moccasin's CP-SAT model, which computes each node at
 * most twice, proves 1.023x optimal).
 */
public final class RecomputeAnnealing {
    /**
     * Start temperature of a cycle, in units of the plain energy per node. Measured on the
     * bundled suite's 250-node graph at 0.8 (30 s from ruin and recreate's plan, one run each,
     * load 3 to 5): 0.5 gave 1.0524x and 1.0537x (two runs), 1.0 gave 1.0583x.
     */
    static final double HOT = 0.5;
    /** End temperature of a cycle, in the same units. */
    static final double COLD = 0.005;
    /** Moves per cycle, per node of the graph, within {@link #MIN_CYCLE_MOVES} and {@link #MAX_CYCLE_MOVES}. */
    static final int MOVES_PER_NODE = 400;
    static final int MIN_CYCLE_MOVES = 20_000;
    /**
     * A move costs more on larger graphs (the columns and stages it changes grow with n), so a
     * cycle is capped: on the bundled suite's 1,000-node graph at 0.8, 25 s from ruin and
     * recreate's plan, 100,000 moves a cycle (about 12 s) gave 1.0324x to 1.0263x the plain
     * energy, 50,000 1.0365x to 1.0196x; on its 500-node graph 1.1270x to 1.1229x and 1.1469x to
     * 1.1235x.
     */
    static final int MAX_CYCLE_MOVES = 50_000;
    /**
     * Price of the RAM over budget at the start of a cycle: this many plain energies per
     * budget's worth of bytes over it. It rises geometrically to {@link #LAST_PRICE} at the end
     * of the cycle: with one fixed price the cycles settled a few hundred bytes over the budget
     * and handed on nothing (a generated 100-node graph at 0.8: none of four cycles; rising, the
     * first took 1.305x to 1.092x).
     */
    static final double FIRST_PRICE = 0.3;
    /** Price of the RAM over budget at the end of a cycle, in the same units. */
    static final double LAST_PRICE = 30;
    /** Cycles in a row without a better plan after which the search ends. */
    public static final int IDLE_CYCLES = 8;
    private static final double EPS = 1e-12;

    private final TrainingGraph g;
    private final Budget b;
    private final SplittableRandom random;

    /** What a search did: cycles run, how many lowered the best plan, and whether it ended after {@link #IDLE_CYCLES} idle ones. */
    public record Summary(int cycles, int improvements, boolean exhausted) {
    }

    public RecomputeAnnealing(TrainingGraph g, Budget b, long seed) {
        if (b.paging() || !b.remat()) {
            throw new IllegalArgumentException("annealing over recomputations needs recomputation without paging");
        }
        this.g = g;
        this.b = b;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Cycles from {@code start} (a valid plan of this graph and budget) until {@code stop} says
     * so or {@link #IDLE_CYCLES} cycles in a row find nothing; each plan cheaper than the best so
     * far goes to {@code onBetter}.
     */
    public Summary run(StagePlan start, BooleanSupplier stop, Consumer<StagePlan> onBetter) {
        return run(start, Integer.MAX_VALUE, stop, onBetter);
    }

    /** As {@link #run(StagePlan, BooleanSupplier, Consumer)}, for at most {@code maxCycles} cycles. */
    Summary run(StagePlan start, int maxCycles, BooleanSupplier stop, Consumer<StagePlan> onBetter) {
        return run(start, false, maxCycles, stop, onBetter);
    }

    /**
     * As {@link #run(StagePlan, BooleanSupplier, Consumer)} from {@code start}, which may be over
     * the RAM budget (within the runtime budget): the first cycle's price of RAM over the budget
     * brings it within; each plan that fits and is cheaper than the best that fits so far goes
     * to {@code onBetter}.
     */
    public Summary runFromOverBudget(StagePlan start, BooleanSupplier stop, Consumer<StagePlan> onBetter) {
        return runFromOverBudget(start, Integer.MAX_VALUE, stop, onBetter);
    }

    /** As {@link #runFromOverBudget(StagePlan, BooleanSupplier, Consumer)}, for at most {@code maxCycles} cycles. */
    Summary runFromOverBudget(StagePlan start, int maxCycles, BooleanSupplier stop, Consumer<StagePlan> onBetter) {
        return run(start, true, Double.POSITIVE_INFINITY, IDLE_CYCLES, maxCycles, stop, onBetter);
    }

    /**
     * As {@link #runFromOverBudget(StagePlan, BooleanSupplier, Consumer)}, as a restart beside a
     * known schedule of {@code ceilingJ}: the run still goes down from its own best plan (each
     * cheaper one goes to {@code onBetter}, over the ceiling or not), but a cycle counts as idle
     * unless it finds a plan cheaper than the ceiling (which that plan then lowers), and the run
     * ends after {@code idleCycles} idle cycles in a row. Without the ceiling every plan that
     * fits counts at first, and a start that settles in a dearer basin than the known schedule
     * runs as long as it goes down there, and {@link #IDLE_CYCLES} cycles more.
     */
    public Summary runFromOverBudget(StagePlan start, double ceilingJ, int idleCycles, BooleanSupplier stop,
            Consumer<StagePlan> onBetter) {
        return run(start, true, ceilingJ, idleCycles, Integer.MAX_VALUE, stop, onBetter);
    }

    private Summary run(StagePlan start, boolean overBudgetStart, int maxCycles, BooleanSupplier stop,
            Consumer<StagePlan> onBetter) {
        return run(start, overBudgetStart, Double.POSITIVE_INFINITY, IDLE_CYCLES, maxCycles, stop, onBetter);
    }

    private Summary run(StagePlan start, boolean overBudgetStart, double ceilingJ, int idleCycles, int maxCycles,
            BooleanSupplier stop, Consumer<StagePlan> onBetter) {
        StagePlan best = start;
        StagePlan keptFrom = null; // the best plan the keep moves last started from
        double bestJ = Double.NaN;
        int cycles = 0;
        int improvements = 0;
        int idle = 0;
        while (cycles < maxCycles && idle < idleCycles && !stop.getAsBoolean()) {
            PlanState s;
            try {
                s = new PlanState(g, b, false, best, stop);
            } catch (PlanState.Stopped stopped) {
                break;
            }
            s.commit();
            s.deriveLocally();
            if (Double.isNaN(bestJ)) {
                if (!s.runtimeOk() || !s.feasible() && !overBudgetStart) {
                    return new Summary(0, 0, false);
                }
                bestJ = s.feasible() ? s.exactEnergyJ() : Double.POSITIVE_INFINITY;
            }
            cycles++;
            StagePlan found = cycle(s, bestJ, stop);
            if (found == null && best != keptFrom) {
                keptFrom = best;
                found = keptInsteadOfRecomputed(best, stop);
            }
            if (found == null) {
                idle++;
                continue;
            }
            PlanState check = new PlanState(g, b, false, found, () -> false);
            check.commit();
            double e = check.exactEnergyJ();
            if (check.feasible() && e < bestJ * (1 - EPS)) {
                best = found;
                bestJ = e;
                improvements++;
                onBetter.accept(found);
                if (e < ceilingJ * (1 - EPS)) {
                    ceilingJ = e;
                    idle = 0;
                } else {
                    idle++;
                }
            } else {
                idle++;
            }
        }
        return new Summary(cycles, improvements, idle >= idleCycles);
    }

    /**
     * After a cycle that found nothing: the {@link Improver}'s moves that keep an output over a
     * stretch instead of recomputing it and make room there by other means, from {@code best}
     * (which fits); the plan they reach when it costs less, else null. A cycle seldom makes such
     * a move: keeping the output loads every stage of the stretch at once, and only several
     * moves that each pay for that load bring the plan back within the budget. On a generated
     * 100-node graph at 0.8 of the plain peak the cycles had stopped at 1.09195x the plain
     * energy for 400 s; this took it to 1.08270x.
     */
    private StagePlan keptInsteadOfRecomputed(StagePlan best, BooleanSupplier stop) {
        PlanState s;
        try {
            s = new PlanState(g, b, false, best, stop);
        } catch (PlanState.Stopped stopped) {
            return null;
        }
        s.commit();
        return Improver.keepInsteadOfRecomputing(s, stop) && s.feasible() ? s.toStagePlan() : null;
    }

    /**
     * One cooling cycle from {@code s}; its best plan that fits and costs less than {@code bestJ},
     * or null. The price of RAM over the budget rises as the temperature falls, from
     * {@link #FIRST_PRICE} to {@link #LAST_PRICE}; a cycle that ends over the budget is brought
     * within it by the {@link Repair} and offered when that fits. The best plan is written out
     * once, when the cycle ends, from its recomputations ({@link Recomputations}): written
     * out at each new best, on the bundled suite's 1,000-node graph at 0.8 it took a third of the
     * annealing's time.
     */
    private StagePlan cycle(PlanState s, double bestJ, BooleanSupplier stop) {
        int n = s.n;
        double plainJ = g.plainEnergyJ();
        int moves = Math.min(MAX_CYCLE_MOVES, Math.max(MIN_CYCLE_MOVES, MOVES_PER_NODE * n));
        double temperature = HOT * plainJ / n;
        double cooling = Math.pow(COLD / HOT, 1.0 / moves);
        double price = FIRST_PRICE * plainJ / Math.max(1, b.ramBytes());
        double rising = Math.pow(LAST_PRICE / FIRST_PRICE, 1.0 / moves);
        double found = bestJ;
        Recomputations recomputations = new Recomputations(s);
        double energy = s.energyJ();
        long over = s.overflowBytes();
        for (int q = 0; q < moves; q++, temperature *= cooling, price *= rising) {
            if ((q & 255) == 0 && stop.getAsBoolean()) {
                return recomputations.hasBest() ? recomputations.bestPlan(s) : null;
            }
            int m = s.mark();
            if (!move(s, recomputations)) {
                continue;
            }
            s.refresh();
            if (s.overflowBytes() >= PlanState.INVALID / 2 || !s.runtimeOk()) {
                s.rollback(m);
                recomputations.undoLast();
                continue;
            }
            double delta = s.energyJ() - energy + price * (s.overflowBytes() - over);
            if (delta <= 0 || random.nextDouble() < Math.exp(-delta / temperature)) {
                s.commit();
                energy = s.energyJ();
                over = s.overflowBytes();
                if (over == 0 && energy < found * (1 - EPS)) {
                    found = s.exactEnergyJ();
                    recomputations.keepAsBest();
                }
            } else {
                s.rollback(m);
                recomputations.undoLast();
            }
        }
        StagePlan plan = recomputations.hasBest() ? recomputations.bestPlan(s) : null;
        if (over > 0 && Repair.run(s, -1, stop) && s.runtimeOk()) {
            s.commit();
            if (s.exactEnergyJ() < found * (1 - EPS)) {
                plan = s.toStagePlan();
            }
        }
        return plan;
    }

    /**
     * The recomputations of a cycle's state, kept as a set beside it, and those of its best plan
     * so far: the best plan is written out only at the end, by setting the recomputations in
     * which the state differs from it (few: the state is near its best when a cycle ends), since
     * a state that derives in place derives the same plan from the same recomputations.
     */
    static final class Recomputations {
        private final int n;
        private final Set<Long> now = new HashSet<>();
        private Set<Long> best;
        private long last = -1;
        private boolean lastAdded;

        /** The recomputations of {@code s} as it is. */
        Recomputations(PlanState s) {
            n = s.n;
            for (int t = 0; t < n; t++) {
                for (int i = 0; i < t; i++) {
                    if (s.r[t][i]) {
                        now.add(key(t, i));
                    }
                }
            }
        }

        private long key(int t, int i) {
            return (long) t * n + i;
        }

        /** Notes that the state's {@code r[t][i]} was set to {@code add}. */
        void set(int t, int i, boolean add) {
            last = key(t, i);
            lastAdded = add;
            if (add) {
                now.add(last);
            } else {
                now.remove(last);
            }
        }

        /** Forgets the last change noted (rolled back). */
        void undoLast() {
            if (lastAdded) {
                now.remove(last);
            } else {
                now.add(last);
            }
        }

        /** The state as it is now is the best plan. */
        void keepAsBest() {
            best = new HashSet<>(now);
        }

        /** Whether a best plan was kept. */
        boolean hasBest() {
            return best != null;
        }

        /** The best plan kept, written out from {@code s} (whose recomputations are those noted); {@code s} is left as it is. */
        StagePlan bestPlan(PlanState s) {
            int m = s.mark();
            for (long k : now) {
                if (!best.contains(k)) {
                    s.setR((int) (k / n), (int) (k % n), false);
                }
            }
            for (long k : best) {
                if (!now.contains(k)) {
                    s.setR((int) (k / n), (int) (k % n), true);
                }
            }
            StagePlan plan = s.toStagePlan();
            s.rollback(m);
            return plan;
        }
    }

    /**
     * One random move in a random stage: add a recomputation of an output the stage uses but
     * does not compute, or remove one of its recomputations, noted in {@code noted}. False
     * when the stage offers neither.
     */
    private boolean move(PlanState s, Recomputations noted) {
        int n = s.n;
        int t = 1 + random.nextInt(n - 1);
        boolean add = random.nextBoolean();
        for (int attempt = 0; attempt < 2; attempt++, add = !add) {
            int chosen = -1;
            int seen = 0;
            for (int i = 0; i < t; i++) {
                boolean candidate = add ? s.dem[t][i] && !s.r[t][i] : s.r[t][i];
                if (candidate && random.nextInt(++seen) == 0) {
                    chosen = i;
                }
            }
            if (chosen >= 0) {
                s.setR(t, chosen, add);
                noted.set(t, chosen, add);
                return true;
            }
        }
        return false;
    }
}

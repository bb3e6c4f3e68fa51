package org.poetexplorer.solver.heuristic;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.StagePlan;

/**
 * An improving search that changes the recomputation choices of many stages at once, for the
 * time the solve has left once the first schedules are in. Each round, from the current plan
 * (at first the best): a random few of the outputs that cost extra (recomputed or paged; dearer
 * ones likelier) are kept in RAM throughout instead, the {@link Repair} brings the schedule back
 * within budget by other means (leaving those alone), and the {@link Improver} lowers it. The
 * result is handed on when it costs less than the best, and becomes the current plan when it
 * costs at most {@link #ACCEPT_WORSE} more than the best. The {@link Improver}'s own large moves
 * try one output at a time and always the same ones; these move several together and
 * differently each round, which is what escapes the plans every single move leaves as they are.
 *
 * <p>Deterministic for a seed, apart from where the stop signal cuts it short. Every plan it
 * hands on is a plan of the model as {@link Improver} keeps it (within budget, replayed in the
 * model's accounting); the caller still checks it.
 */
public final class RuinRecreate {
    /** Most outputs one ruin keeps in RAM throughout. */
    static final int MOST_RUINED = 6;
    /**
     * Improvement work per round, in {@code PlanState} units of about n^2 (a full replay).
     * Measured as {@link #ACCEPT_WORSE} on 500 nodes: 2 gave 1.145x (329 rounds), 8 1.127x
     * (45 rounds), 24 1.163x (24 rounds).
     */
    static final int WORK_PER_ROUND = 8;
    /**
     * Rounds in a row without a better plan after which the search ends. Measured on generated
     * graphs of 250 nodes (m4, 100 us, runtime 2x, 0.8 of the plain peak, remat-only): the
     * improvements came within the first 50 rounds, and 1,400 rounds more found none.
     */
    public static final int IDLE_ROUNDS = 150;
    private static final double EPS = 1e-12;
    /**
     * A round's plan becomes the start of the next rounds when it costs at most this much
     * (relative) more than the best, so that the search can pass through plans a little dearer
     * to reach cheaper ones. Measured from the fast heuristic's plan (m4, 100 us, runtime 2x, 0.8
     * of the plain peak, remat-only, 25 s, one run, load 4 to 7): 500 nodes 1.179x plain to
     * 1.127x with it against 1.163x accepting only cheaper plans; 250 nodes 1.0736x to 1.0650x
     * against 1.0700x; 3 % on 250 nodes only to 1.0700x.
     */
    static final double ACCEPT_WORSE = 0.005;

    private final TrainingGraph g;
    private final Budget b;
    private final SplittableRandom random;
    private final double acceptWorse;

    /**
     * What a search did: rounds tried, how many of them lowered the best plan, and whether it
     * ended because {@link #IDLE_ROUNDS} rounds in a row found nothing (or nothing costs extra).
     */
    public record Summary(int rounds, int improvements, boolean exhausted) {
    }

    public RuinRecreate(TrainingGraph g, Budget b, long seed) {
        this(g, b, seed, ACCEPT_WORSE);
    }

    RuinRecreate(TrainingGraph g, Budget b, long seed, double acceptWorse) {
        this.acceptWorse = acceptWorse;
        this.g = g;
        this.b = b;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Rounds from {@code start} (a valid plan of this graph and budget) until {@code stop} says
     * so or {@link #IDLE_ROUNDS} rounds in a row find nothing; each plan cheaper than the best so
     * far goes to {@code onBetter}.
     */
    public Summary run(StagePlan start, BooleanSupplier stop, Consumer<StagePlan> onBetter) {
        return run(start, Integer.MAX_VALUE, stop, onBetter);
    }

    /** As {@link #run(StagePlan, BooleanSupplier, Consumer)}, for at most {@code maxRounds} rounds. */
    Summary run(StagePlan start, int maxRounds, BooleanSupplier stop, Consumer<StagePlan> onBetter) {
        return run(start, maxRounds, IDLE_ROUNDS, stop, onBetter);
    }

    /**
     * As {@link #run(StagePlan, BooleanSupplier, Consumer)}, ending after {@code idleRounds}
     * (instead of {@link #IDLE_ROUNDS}) rounds in a row find nothing.
     */
    public Summary runUntilIdle(StagePlan start, int idleRounds, BooleanSupplier stop, Consumer<StagePlan> onBetter) {
        return run(start, Integer.MAX_VALUE, idleRounds, stop, onBetter);
    }

    private Summary run(StagePlan start, int maxRounds, int idleRounds, BooleanSupplier stop,
            Consumer<StagePlan> onBetter) {
        PlanState s;
        try {
            s = new PlanState(g, b, false, start, stop);
        } catch (PlanState.Stopped stopped) {
            return new Summary(0, 0, false);
        }
        if (!s.runtimeOk() || !s.feasible()) {
            return new Summary(0, 0, false);
        }
        s.commit();
        double bestJ = s.exactEnergyJ();
        StagePlan current = start;
        double currentJ = bestJ;
        int rounds = 0;
        int improvements = 0;
        int idle = 0;
        boolean exhausted = false;
        while (rounds < maxRounds && !stop.getAsBoolean()) {
            if (idle >= idleRounds) {
                exhausted = true;
                break;
            }
            rounds++;
            idle++;
            BitSet ruined = ruin(s);
            if (ruined == null) {
                exhausted = true; // nothing costs extra: the plan is the plain one
                break;
            }
            boolean fits = Repair.run(s, ruined::get, stop);
            if (fits && s.runtimeOk()) {
                s.commit();
                PlanState state = s;
                long workLimit = s.work() + WORK_PER_ROUND * (long) s.n * s.n;
                Improver.run(s, () -> stop.getAsBoolean() || state.work() > workLimit);
                double e = s.exactEnergyJ();
                boolean better = e < bestJ * (1 - EPS);
                boolean nextStart = better
                        || e <= bestJ * (1 + acceptWorse) && Math.abs(e - currentJ) > EPS * currentJ;
                if (s.feasible() && nextStart) {
                    s.dropUnusedRecomputations();
                    current = s.toStagePlan();
                    currentJ = s.exactEnergyJ();
                    if (better) {
                        bestJ = currentJ;
                        improvements++;
                        idle = 0;
                        onBetter.accept(current);
                    }
                    continue;
                }
            }
            if (stop.getAsBoolean()) {
                break;
            }
            try {
                s = new PlanState(g, b, false, current, stop);
            } catch (PlanState.Stopped stopped) {
                break;
            }
            s.commit();
        }
        return new Summary(rounds, improvements, exhausted);
    }

    /**
     * Keeps a random few of the outputs that cost extra in RAM throughout (no recomputation, no
     * page-in after their stage): the first drawn by its extra energy, the others among the
     * outputs recomputed or paged in the stages where the first is (those it competes with for
     * their RAM). The outputs kept, which the repair then leaves alone; null when no output costs
     * extra.
     */
    private BitSet ruin(PlanState s) {
        int n = s.n;
        double[] extra = new double[n];
        double total = 0;
        for (int t = 1; t < n; t++) {
            for (int i = 0; i < t; i++) {
                if (s.r[t][i]) {
                    extra[i] += g.computeJ(i);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            extra[i] += s.pagingJ[i];
            total += extra[i];
        }
        if (total <= 0) {
            return null;
        }
        int first = draw(extra, total);
        List<Integer> near = new ArrayList<>();
        for (int t = first + 1; t < n; t++) {
            if (!s.r[t][first] && !s.pagedIn(t, first)) {
                continue;
            }
            for (int i = 0; i < t; i++) {
                if (i != first && (s.r[t][i] || s.pagedIn(t, i))) {
                    near.add(i);
                }
            }
        }
        int count = 1 + random.nextInt(MOST_RUINED);
        BitSet chosen = new BitSet(n);
        chosen.set(first);
        for (int q = 1; q < count && !near.isEmpty(); q++) {
            chosen.set(near.remove(random.nextInt(near.size())));
        }
        for (int x = chosen.nextSetBit(0); x >= 0; x = chosen.nextSetBit(x + 1)) {
            for (int t = x + 1; t < n; t++) {
                s.setR(t, x, false);
                s.setPin(t, x, false);
            }
        }
        s.refresh();
        return chosen;
    }

    /** An index drawn with probability proportional to its weight. */
    private int draw(double[] weight, double total) {
        double u = random.nextDouble() * total;
        for (int i = 0; i < weight.length; i++) {
            u -= weight[i];
            if (u < 0 && weight[i] > 0) {
                return i;
            }
        }
        for (int i = weight.length - 1; i >= 0; i--) {
            if (weight[i] > 0) {
                return i;
            }
        }
        return 0;
    }
}

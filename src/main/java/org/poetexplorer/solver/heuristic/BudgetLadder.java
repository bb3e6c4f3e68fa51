package org.poetexplorer.solver.heuristic;

import java.util.function.BooleanSupplier;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.StagePlan;

/**
 * A first schedule where the walks fail at a budget with recomputation and without paging, from
 * the plan of a larger budget stepped down: the first walk at a larger RAM budget gives a plan,
 * and the search from plans over the budget ({@link OverBudgetSearch}), started from the last
 * plan, fits it to a budget a small step lower, and again, down to the budget. The walks at the
 * budget fail on the runtime (evictions of outputs that look cheap grow into recomputations of
 * hundreds of nodes); a plan of a slightly larger budget has a sane runtime and passes the lower
 * budget at a few stages only. A step that finds nothing in {@link #STEP_SECONDS} is tried again
 * at half the step with the next seed, and a step that succeeds doubles the next (up to
 * {@link #STEP}); below {@link #MIN_STEP} the ladder gives up.
 *
 * <p>Measured on the four generated graphs at 0.8 of the plain peak, remat-only (m4, 100 us,
 * runtime 2x) where no walk finds a plan, alone on the loaded 2-core machine. Larger steps are
 * slower: from the walks' plan at 0.9 of the plain peak, steps of 0.025 of it took 0.5 s to
 * 1.3 s each and stalled (none in 3 s) at 0.85 or 0.825 on three graphs; steps of 0.01 took
 * 0.04 s to 0.66 s each. Pushing the first walk's plan at 0.85 down to 0.8 at once: 0.3 s to
 * 2.6 s where it worked, none in 10 s on n500 width 0.26 seed 1. This ladder: n500 width 0.26
 * seed 1 in 0.66 s and 0.93 s, n1000 width 0.38 seed 5 in 1.55 s; n1000 width 0.26 seed 5 and
 * width 0.38 seed 1 stall at 1.02 and 1.035 times the budget.
 */
public final class BudgetLadder {
    /** The larger RAM budgets whose first walk gives the ladder's top, as multiples of the budget, in this order. */
    static final double[] TOPS = {1.125, 1.1875, 1.25};
    /** The first step down, as a share of the budget (0.01 of the plain peak at 0.8 of it). */
    static final double STEP = 0.0125;
    /** The smallest step tried, as a share of the budget: below it the ladder gives up. */
    static final double MIN_STEP = STEP / 16;
    /** The most time one step gets before it is tried again at half the step. */
    static final double STEP_SECONDS = 0.4;

    private BudgetLadder() {
    }

    /**
     * A plan within {@code b}, or null when the ladder does not reach it within {@code seconds}
     * or {@code stop} comes first.
     */
    public static StagePlan run(TrainingGraph g, Budget b, long seed, double seconds, BooleanSupplier stop) {
        if (b.paging() || !b.remat()) {
            throw new IllegalArgumentException("the ladder steps plans down by recomputation, without paging");
        }
        long end = System.nanoTime() + (long) (seconds * 1e9);
        BooleanSupplier over = () -> stop.getAsBoolean() || System.nanoTime() > end;
        StagePlan plan = null;
        long ram = 0;
        for (int i = 0; i < TOPS.length && plan == null && !over.getAsBoolean(); i++) {
            ram = Math.round(b.ramBytes() * TOPS[i]);
            plan = ForwardScheduler.firstWalk(g, b.withRam(ram), over).plan();
        }
        long fullStep = Math.round(b.ramBytes() * STEP);
        long step = fullStep;
        long minStep = Math.max(1, Math.round(b.ramBytes() * MIN_STEP));
        long attempt = seed;
        while (plan != null && ram > b.ramBytes() && step >= minStep && !over.getAsBoolean()) {
            long target = Math.max(b.ramBytes(), ram - step);
            long stepEnd = Math.min(end, System.nanoTime() + (long) (STEP_SECONDS * 1e9));
            StagePlan fitted = new OverBudgetSearch(g, b.withRam(target), attempt++)
                    .run(plan, () -> stop.getAsBoolean() || System.nanoTime() > stepEnd);
            if (fitted != null) {
                plan = fitted;
                ram = target;
                step = Math.min(fullStep, 2 * step);
            } else {
                step /= 2;
            }
        }
        return plan != null && ram <= b.ramBytes() ? plan : null;
    }
}

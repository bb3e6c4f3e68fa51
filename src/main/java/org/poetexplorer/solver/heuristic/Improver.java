package org.poetexplorer.solver.heuristic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Lowers the energy of a schedule that fits, keeping it within budget: passes of small moves
 * (keep a paged output in RAM instead, most energy saved per byte and stage first; replace a
 * page-in by a cheaper recomputation; undo a recomputation that is no longer needed) and, when
 * they stop paying, large moves (keep a costly output resident throughout, or over the stretch
 * before one of its recomputations, and repair the rest).
 * Every move is evaluated exactly and kept only when the schedule still fits and costs less.
 * Runs until nothing improves or time is up.
 */
final class Improver {
    private static final double EPS = 1e-12;
    /** The costliest outputs tried per ruin-and-repair round. */
    private static final int RUIN_CANDIDATES = 32;
    /** The costliest recomputations tried per {@link #keepInsteadOfRecomputing} pass. */
    static final int KEEP_CANDIDATES = 32;

    private Improver() {
    }

    static void run(PlanState s, BooleanSupplier timeUp) {
        boolean progress = true;
        while (progress && !timeUp.getAsBoolean()) {
            progress = unpagePass(s, timeUp);
            if (s.remat) {
                progress |= recomputePass(s, timeUp);
                progress |= dropRecomputePass(s, timeUp);
            }
            if (!progress && !timeUp.getAsBoolean()) {
                progress = ruinAndRepairPass(s, timeUp);
            }
            if (!progress && s.remat && !timeUp.getAsBoolean()) {
                progress = keepInsteadOfRecomputing(s, timeUp);
            }
        }
    }

    /**
     * Large moves, one recomputation at a time (most energy first, the costliest
     * {@link #KEEP_CANDIDATES}): undo it, so that its output stays in RAM from its previous
     * computation or use up to that stage, together with the recomputations in that stage that
     * only fed it, and let the {@link Repair} make room on the stretch by other means, never
     * touching that output; kept when the schedule fits and costs less. The
     * {@link #ruinAndRepairPass} keeps an output throughout, which loads every stretch between
     * its uses at once; one stretch at a time fits where that does not. On a generated 100-node
     * graph at 0.8 of the plain peak (the annealing's plan, 1.09195x the plain energy) keeping
     * output 12 from its last read to stage 86 took it to 1.08270x.
     *
     * @return whether some move was kept
     */
    static boolean keepInsteadOfRecomputing(PlanState s, BooleanSupplier timeUp) {
        List<Move> moves = new ArrayList<>();
        for (int t = 1; t < s.n; t++) {
            for (int i = 0; i < t; i++) {
                if (s.r[t][i] && s.g.computeJ(i) > 0) {
                    moves.add(new Move(i, t, s.g.computeJ(i)));
                }
            }
        }
        bestFirst(moves);
        boolean progress = false;
        for (Move mv : moves.subList(0, Math.min(moves.size(), KEEP_CANDIDATES))) {
            if (timeUp.getAsBoolean()) {
                break;
            }
            int i = mv.tensor();
            int t = mv.stage();
            if (!s.r[t][i]) {
                continue; // undone with an output it fed
            }
            double before = s.energyJ();
            int m = s.mark();
            s.undoRecomputation(t, i);
            if (Repair.run(s, i, timeUp) && s.runtimeOk() && s.energyJ() < before - EPS * Math.abs(before)) {
                s.commit();
                progress = true;
            } else {
                s.rollback(m);
            }
        }
        return progress;
    }

    /**
     * Large moves: for each output that costs extra (recomputed or paged; most extra energy
     * first), keep it in RAM throughout instead and let the repair make room by other means;
     * kept when the whole schedule gets cheaper.
     */
    private static boolean ruinAndRepairPass(PlanState s, BooleanSupplier timeUp) {
        double[] extra = new double[s.n];
        for (int t = 0; t < s.n; t++) {
            for (int i = 0; i < t; i++) {
                if (s.r[t][i]) {
                    extra[i] += s.g.computeJ(i);
                }
            }
        }
        List<Move> moves = new ArrayList<>();
        for (int i = 0; i < s.n; i++) {
            extra[i] += s.pagingJ[i];
            if (extra[i] > 0) {
                moves.add(new Move(i, -1, extra[i]));
            }
        }
        moves.sort(Comparator.comparingDouble(Move::score).reversed().thenComparingInt(Move::tensor));
        boolean progress = false;
        for (Move mv : moves.subList(0, Math.min(moves.size(), RUIN_CANDIDATES))) {
            if (timeUp.getAsBoolean()) {
                break;
            }
            int x = mv.tensor();
            double before = s.energyJ();
            int m = s.mark();
            for (int t = x + 1; t < s.n; t++) {
                s.setR(t, x, false);
                s.setPin(t, x, false);
            }
            s.refresh();
            if (Repair.run(s, x, timeUp) && s.energyJ() < before - EPS * Math.abs(before)) {
                s.commit();
                progress = true;
            } else {
                s.rollback(m);
            }
        }
        return progress;
    }

    private record Move(int tensor, int stage, double score) {
    }

    private static boolean tryMove(PlanState s, Runnable move, boolean allowEqual) {
        double before = s.energyJ();
        int m = s.mark();
        move.run();
        s.refresh();
        double after = s.energyJ();
        boolean better = after < before - EPS * Math.abs(before) || (allowEqual && after <= before);
        if (s.feasible() && better) {
            s.commit();
            return true;
        }
        s.rollback(m);
        return false;
    }

    /** Keeps paged outputs in RAM instead, most energy saved per byte and stage first. */
    private static boolean unpagePass(PlanState s, BooleanSupplier timeUp) {
        List<Move> moves = new ArrayList<>();
        for (int t = 1; t < s.n; t++) {
            for (int i = 0; i < t; i++) {
                if (s.pagedIn(t, i)) {
                    double saved = s.g.pageInJ(i) + (s.pageIns[i] == 1 ? s.g.pageOutJ(i) : 0);
                    int len = t - 1 - s.previousEvent(i, t);
                    moves.add(new Move(i, t, saved / (Math.max(1, s.g.ram(i)) * (double) Math.max(1, len))));
                }
            }
        }
        return tryBestFirst(moves, timeUp, mv -> s.pagedIn(mv.stage(), mv.tensor())
                && tryMove(s, () -> s.setPin(mv.stage(), mv.tensor(), false), false));
    }

    /**
     * Replaces page-ins by recomputations where that costs less (and recomputes free nodes
     * anywhere): first of the output alone, its missing inputs paged in; then, where it still
     * pays, together with the missing inputs that are cheaper to compute than to page in.
     */
    private static boolean recomputePass(PlanState s, BooleanSupplier timeUp) {
        boolean progress = recomputePass(s, timeUp, false);
        if (!timeUp.getAsBoolean()) {
            progress |= recomputePass(s, timeUp, true);
        }
        return progress;
    }

    private static boolean recomputePass(PlanState s, BooleanSupplier timeUp, boolean chains) {
        Repair.ChainScratch scratch = chains ? new Repair.ChainScratch(s.n) : null;
        List<Move> moves = new ArrayList<>();
        for (int t = 1; t < s.n; t++) {
            for (int i = 0; i < t; i++) {
                if (!s.dem[t][i]) {
                    continue;
                }
                boolean free = isFree(s, i);
                if (!free && !s.pagedIn(t, i)) {
                    continue;
                }
                double saved = s.pagedIn(t, i) ? s.g.pageInJ(i) + (s.pageIns[i] == 1 ? s.g.pageOutJ(i) : 0) : 0;
                Repair.Fix fix = fix(s, i, t, scratch);
                boolean tried = chains && fix != null && fix.chain().length == 1; // the first round's move
                if (fix != null && !tried && (fix.score() < saved || free)) {
                    moves.add(new Move(i, t, saved - fix.score()));
                }
            }
        }
        return tryBestFirst(moves, timeUp, mv -> {
            int i = mv.tensor();
            int t = mv.stage();
            Repair.Fix fix = s.dem[t][i] ? fix(s, i, t, scratch) : null;
            if (fix == null) {
                return false;
            }
            boolean free = isFree(s, i);
            return tryMove(s, () -> Repair.apply(s, fix), free) && !free;
        });
    }

    /** Largest saving first; ties by stage, then tensor, so that runs are repeatable. */
    private static void bestFirst(List<Move> moves) {
        moves.sort(Comparator.comparingDouble(Move::score).reversed().thenComparingInt(Move::stage)
                .thenComparingInt(Move::tensor));
    }

    private static boolean isFree(PlanState s, int i) {
        return s.g.computeJ(i) == 0 && s.g.runtime(i) == 0 && s.g.deps(i).length == 0;
    }

    /**
     * Recomputing i in stage t, alone or, with {@code chains} (work arrays for them, null: alone),
     * with a chain of inputs; score = estimated energy; null if over runtime.
     */
    private static Repair.Fix fix(PlanState s, int i, int t, Repair.ChainScratch chains) {
        if (chains != null) {
            return Repair.recomputeFix(s, i, t, t, 1, chains); // excess 1: the score is the energy
        }
        if (s.runtimeS() + s.g.runtime(i) > s.runtimeLimit) {
            return null;
        }
        double cost = s.g.computeJ(i);
        for (int j : s.g.deps(i)) {
            if (!s.available(t, j)) {
                cost += s.paging ? s.g.pageInJ(j) : 0;
            }
        }
        return new Repair.Fix(i, t, new int[] {i}, cost);
    }

    /** Undoes recomputations whose output can be kept or paged in instead for less energy. */
    private static boolean dropRecomputePass(PlanState s, BooleanSupplier timeUp) {
        List<Move> moves = new ArrayList<>();
        for (int t = 1; t < s.n; t++) {
            for (int i = 0; i < t; i++) {
                if (s.r[t][i] && s.g.computeJ(i) > 0) {
                    moves.add(new Move(i, t, s.g.computeJ(i)));
                }
            }
        }
        return tryBestFirst(moves, timeUp, mv -> {
            int i = mv.tensor();
            int t = mv.stage();
            if (!s.r[t][i]) {
                return false;
            }
            boolean done = tryMove(s, () -> {
                s.setR(t, i, false);
                s.setPin(t, i, false);
            }, false);
            if (!done && s.paging) {
                done = tryMove(s, () -> {
                    s.setR(t, i, false);
                    s.setPin(t, i, true);
                }, false);
            }
            return done;
        });
    }

    /** Tries the moves, largest saving first, until time is up; true when any of them was kept. */
    private static boolean tryBestFirst(List<Move> moves, BooleanSupplier timeUp, Predicate<Move> attempt) {
        bestFirst(moves);
        boolean progress = false;
        for (Move mv : moves) {
            if (timeUp.getAsBoolean()) {
                break;
            }
            progress |= attempt.test(mv);
        }
        return progress;
    }
}

package org.poetexplorer.solver.heuristic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntToDoubleFunction;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.StagePlan;

/**
 * A schedule under construction, held as its decisions and evaluated incrementally.
 *
 * <p>Decisions: {@code r[t][i]} (node i computed in stage t) and {@code pin[t][i]} (when i is
 * needed in stage t and has been away from RAM, bring it back by a page-in during stage t-1
 * rather than keeping it since its previous use). Everything else is derived exactly as
 * docs/model.md section 4 defines it: i is <em>demanded</em> in stage t when a node computed in
 * t uses it and t does not compute it itself; demanded tensors are in RAM at the start of the
 * stage ({@code k} = SRam), bridged from their previous computation or demand by keeping them
 * in RAM or by paging them in; a tensor with page-ins is paged out once, in the first stage it
 * is in RAM. Memory of each stage is replayed with the model's free rule (an input is freed
 * right after the last node of the stage that uses it, unless it is kept for the next stage).
 *
 * <p>Changes are journalled so that a trial move can be rolled back cheaply.
 */
final class PlanState {
    static final long INVALID = Long.MAX_VALUE / 4;

    final TrainingGraph g;
    final int n;
    final long ramBudget;
    final double runtimeLimit;
    final boolean paging;
    final boolean remat;

    final boolean[][] r;
    final boolean[][] pin;
    final boolean[][] k;
    final boolean[][] dem;
    final long[] peak;
    final double[] pagingJ;
    final int[] firstRes;
    final int[] pageIns;

    private double computeJ;
    private double runtime;
    private long overflow;

    private final int[] lastUse;

    private final boolean[] dirtyColumn;
    private final boolean[] dirtyStage;
    private final int[] dirtyColumns;
    private int dirtyColumnCount;
    private final int[] dirtyStages;
    private int dirtyStageCount;

    private final List<Runnable> journal = new ArrayList<>();

    /** Whether {@link #setR} derives its change in place ({@link #deriveLocally}) instead of marking columns. */
    private boolean local;

    /** Units of evaluation work done so far (stage replays and column derivations, by size). */
    private long work;

    /** Node t computed once in stage t; every gap between uses paged when {@code paged}, else kept. */
    PlanState(TrainingGraph g, Budget b, boolean paged) {
        this(g, b, paged, null, () -> false);
    }

    /**
     * The decisions of {@code hint} (a schedule for another budget, say): its recomputations
     * (when allowed) and, for each use, whether it was paged in or kept. Within budget or not.
     */
    PlanState(TrainingGraph g, Budget b, StagePlan hint) {
        this(g, b, false, hint, () -> false);
    }

    /** Thrown while a state is made once its stop signal says stop (making one takes seconds on thousands of nodes). */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped", null, false, false);
        }
    }

    /** As the constructors above ({@code hint} may be null); throws {@link Stopped} once {@code stop} says so. */
    PlanState(TrainingGraph g, Budget b, boolean paged, StagePlan hint, BooleanSupplier stop) {
        this.g = g;
        this.n = g.size();
        this.ramBudget = b.ramBytes();
        this.runtimeLimit = b.runtimeRatio() * g.plainRuntimeS();
        this.paging = b.paging();
        this.remat = b.remat();
        r = new boolean[n][n];
        pin = new boolean[n][n];
        k = new boolean[n][n];
        dem = new boolean[n][n];
        peak = new long[n];
        pagingJ = new double[n];
        firstRes = new int[n];
        pageIns = new int[n];
        lastUse = new int[n];
        dirtyColumn = new boolean[n];
        dirtyStage = new boolean[n];
        dirtyColumns = new int[n];
        dirtyStages = new int[n];
        for (int t = 0; t < n; t++) {
            r[t][t] = true;
            if (hint != null && remat) {
                for (int i : hint.computed(t)) {
                    r[t][i] = true;
                }
            }
            if (hint != null && paging && t > 0) {
                for (int i : hint.pageIns(t - 1)) {
                    pin[t][i] = true;
                }
            }
            for (int i = 0; i <= t; i++) {
                if (r[t][i]) {
                    computeJ += g.computeJ(i);
                    runtime += g.runtime(i);
                }
            }
        }
        if (paging && paged) {
            for (int t = 0; t < n; t++) {
                Arrays.fill(pin[t], 0, t, true);
            }
        }
        for (int i = 0; i < n; i++) {
            if (stop.getAsBoolean()) {
                throw new Stopped();
            }
            deriveColumn(i, false);
        }
        for (int t = 0; t < n; t++) {
            if (stop.getAsBoolean()) {
                throw new Stopped();
            }
            peak[t] = simulate(t);
            overflow += over(peak[t]);
            dirtyStage[t] = false;
        }
        dirtyStageCount = 0;
    }

    // ---- figures ----

    double energyJ() {
        if (!paging) {
            return computeJ; // nothing is paged: every pagingJ is 0
        }
        double e = computeJ;
        for (double p : pagingJ) {
            e += p;
        }
        return e;
    }

    /** Energy summed afresh from the decisions (no accumulated rounding). */
    double exactEnergyJ() {
        double e = sumOverComputations(g::computeJ);
        for (double p : pagingJ) {
            e += p;
        }
        return e;
    }

    double runtimeS() {
        return runtime;
    }

    /** Compute time summed afresh from the decisions. */
    double exactRuntimeS() {
        return sumOverComputations(g::runtime);
    }

    /** The sum of {@code cost} over every computation, stage by stage in node order. */
    private double sumOverComputations(IntToDoubleFunction cost) {
        double sum = 0;
        for (int t = 0; t < n; t++) {
            for (int i = 0; i <= t; i++) {
                if (r[t][i]) {
                    sum += cost.applyAsDouble(i);
                }
            }
        }
        return sum;
    }

    long overflowBytes() {
        return overflow;
    }

    boolean runtimeOk() {
        if (runtime < runtimeLimit * (1 - 1e-9)) {
            return true;
        }
        // near the limit, do not trust the running sum's rounding
        return exactRuntimeS() <= runtimeLimit;
    }

    boolean feasible() {
        return overflow == 0 && runtimeOk();
    }

    long peakRam() {
        long m = 0;
        for (long p : peak) {
            m = Math.max(m, p);
        }
        return m;
    }

    /** Stage with the largest excess over the budget (lowest index on ties), or -1. */
    int worstStage() {
        int best = -1;
        long worst = 0;
        for (int t = 0; t < n; t++) {
            long o = over(peak[t]);
            if (o > worst) {
                worst = o;
                best = t;
            }
        }
        return best;
    }

    private long over(long p) {
        return p == INVALID ? INVALID : Math.max(0, p - ramBudget);
    }

    /** i's output is usable by a node computed in stage t: resident or computed earlier in t. */
    boolean available(int t, int i) {
        return k[t][i] || r[t][i];
    }

    /** Next stage after {@code after} in which i is demanded, or -1. */
    int nextDemand(int i, int after) {
        for (int t = after + 1; t < n; t++) {
            if (dem[t][i]) {
                return t;
            }
        }
        return -1;
    }

    /** Stage of the event (computation or demand) of i before stage t: where a bridge to t starts. */
    int previousEvent(int i, int t) {
        for (int s = t - 1; s > i; s--) {
            if (r[s][i] || dem[s][i]) {
                return s;
            }
        }
        return i;
    }

    /**
     * Whether i is computed or demanded in a stage from {@code from} to before {@code to}: the
     * same as {@code previousEvent(i, to) >= from} (its own stage counts as its computation),
     * in the time of that range rather than of every stage back to i.
     */
    boolean eventIn(int i, int from, int to) {
        for (int s = to - 1; s >= Math.max(from, i); s--) {
            if (r[s][i] || dem[s][i]) {
                return true;
            }
        }
        return false;
    }

    /** A demand of i at t is served by a page-in (rather than kept or carried). */
    boolean pagedIn(int t, int i) {
        return dem[t][i] && k[t][i] && !k[t - 1][i] && !r[t - 1][i];
    }

    // ---- decisions ----

    void setR(int t, int i, boolean v) {
        if (r[t][i] == v) {
            return;
        }
        if (t == i) {
            throw new IllegalArgumentException("stage " + t + " always computes node " + t);
        }
        boolean old = r[t][i];
        r[t][i] = v;
        double sign = v ? 1 : -1;
        computeJ += sign * g.computeJ(i);
        runtime += sign * g.runtime(i);
        journal.add(() -> {
            r[t][i] = old;
            computeJ -= sign * g.computeJ(i);
            runtime -= sign * g.runtime(i);
        });
        markStage(t);
        if (local) {
            deriveAt(t, i);
            for (int d : g.deps(i)) {
                deriveAt(t, d);
            }
            return;
        }
        markColumn(i);
        for (int d : g.deps(i)) {
            markColumn(d);
        }
    }

    /**
     * From now on (the state has no paging) {@link #setR} derives what it changes in place, in
     * the time of the columns' gaps around its stage rather than of whole columns: a
     * recomputation of i in stage t changes what is demanded only in stage t, and only of i and
     * its inputs. Every figure stays what {@link #deriveColumn} gives; only {@link #work()}
     * counts less, which is why the searches that ration their moves by it (the {@link Improver}
     * in {@link FastScheduler} and {@link RuinRecreate}) do not use it: their results would change.
     */
    void deriveLocally() {
        if (paging) {
            throw new IllegalStateException("local derivation is for states without paging");
        }
        refresh();
        local = true;
    }

    /**
     * Without paging, column c after its computation or demand in stage t may have changed
     * ({@code r[t][c]} is already set). c is in RAM at the start of a stage s > c exactly when
     * its first event (computation or demand) from s on is a demand, so {@code k[.][c]} is the
     * same on every stage after the previous event up to t, before and after the change: when
     * its value at t changes, it flips on that whole run.
     */
    private void deriveAt(int t, int c) {
        boolean oldDem = dem[t][c];
        boolean newDem = !r[t][c] && usedIn(t, c);
        if (newDem != oldDem) {
            dem[t][c] = newDem;
            journal.add(() -> dem[t][c] = oldDem);
        }
        boolean was = k[t][c];
        boolean now = newDem || !r[t][c] && t + 1 < n && k[t + 1][c];
        if (now == was) {
            return;
        }
        int prev = t - 1;
        while (prev > c && !r[prev][c] && !dem[prev][c]) {
            prev--;
        }
        work += t - prev;
        long size = now ? g.ram(c) : -g.ram(c);
        for (int s = prev + 1; s < t; s++) {
            k[s][c] = now;
            // no event of c in stage s: it stays for the whole stage, its peak moves by its size
            if (peak[s] == INVALID) {
                markStage(s);
            } else {
                shiftPeak(s, size);
            }
        }
        k[t][c] = now;
        // whether c is kept for the stage after decides whether that stage frees it after its last use
        markStage(prev);
        int from = prev + 1;
        journal.add(() -> {
            for (int s = from; s <= t; s++) {
                k[s][c] = was;
            }
        });
    }

    /** A node computed in stage t uses c's output. */
    private boolean usedIn(int t, int c) {
        boolean[] rt = r[t];
        for (int j : g.succs(c)) {
            if (j > t) {
                return false;
            }
            if (rt[j]) {
                return true;
            }
        }
        return false;
    }

    void setPin(int t, int i, boolean v) {
        if (pin[t][i] == v) {
            return;
        }
        boolean old = pin[t][i];
        pin[t][i] = v;
        journal.add(() -> pin[t][i] = old);
        markColumn(i);
    }

    long work() {
        return work;
    }

    int mark() {
        return journal.size();
    }

    /** Undoes every change after {@code mark} (decisions and derived state). */
    void rollback(int mark) {
        refresh();
        for (int j = journal.size() - 1; j >= mark; j--) {
            journal.remove(j).run();
        }
    }

    void commit() {
        refresh();
        journal.clear();
    }

    private void markColumn(int i) {
        if (!dirtyColumn[i]) {
            dirtyColumn[i] = true;
            dirtyColumns[dirtyColumnCount++] = i;
        }
    }

    private void markStage(int t) {
        if (t >= 0 && t < n && !dirtyStage[t]) {
            dirtyStage[t] = true;
            dirtyStages[dirtyStageCount++] = t;
        }
    }

    /** Re-derives changed columns and replays the stages they touch. */
    void refresh() {
        for (int c = 0; c < dirtyColumnCount; c++) {
            int i = dirtyColumns[c];
            dirtyColumn[i] = false;
            deriveColumn(i, true);
        }
        dirtyColumnCount = 0;
        for (int c = 0; c < dirtyStageCount; c++) {
            int t = dirtyStages[c];
            dirtyStage[t] = false;
            long old = peak[t];
            long now = simulate(t);
            if (now != old) {
                peak[t] = now;
                overflow += over(now) - over(old);
                journal.add(() -> {
                    overflow += over(old) - over(peak[t]);
                    peak[t] = old;
                });
            }
        }
        dirtyStageCount = 0;
    }

    // ---- derivation ----

    private void deriveColumn(int i, boolean journalled) {
        work += n;
        boolean[] newDem = new boolean[n];
        boolean[] newK = new boolean[n];
        int[] succ = g.succs(i);
        for (int t = i + 1; t < n; t++) {
            if (r[t][i]) {
                continue;
            }
            for (int j : succ) {
                if (j > t) {
                    break;
                }
                if (r[t][j]) {
                    newDem[t] = true;
                    break;
                }
            }
        }
        int last = i;
        int first = -1;
        int ins = 0;
        for (int t = i + 1; t < n; t++) {
            if (r[t][i]) {
                last = t;
                continue;
            }
            if (!newDem[t]) {
                continue;
            }
            if (t == last + 1) {
                newK[t] = true;
            } else if (paging && pin[t][i]) {
                if (first == -1 || first > t - 2) {
                    if (last + 1 <= t - 2) {
                        newK[last + 1] = true;
                        if (first == -1) {
                            first = last + 1;
                        }
                    } else {
                        Arrays.fill(newK, last + 1, t, true);
                    }
                }
                if (!newK[t - 1]) {
                    ins++;
                }
                newK[t] = true;
            } else {
                Arrays.fill(newK, last + 1, t + 1, true);
            }
            if (first == -1) {
                for (int s = last + 1; s <= t; s++) {
                    if (newK[s]) {
                        first = s;
                        break;
                    }
                }
            }
            last = t;
        }
        double pj = ins == 0 ? 0 : g.pageOutJ(i) + ins * g.pageInJ(i);
        boolean[] oldDem = new boolean[n];
        boolean[] oldK = new boolean[n];
        for (int t = i + 1; t < n; t++) {
            oldDem[t] = dem[t][i];
            oldK[t] = k[t][i];
            dem[t][i] = newDem[t];
        }
        for (int t = i + 1; t < n; t++) {
            if (oldK[t] == newK[t]) {
                continue;
            }
            k[t][i] = newK[t];
            if (!journalled) {
                continue; // the constructor replays every stage afterwards
            }
            // An output resident in a stage that neither uses nor computes it stays for the
            // whole stage: the stage's peak moves by exactly its size. Otherwise replay.
            if (newDem[t] || oldDem[t] || r[t][i] || peak[t] == INVALID) {
                markStage(t);
            } else {
                shiftPeak(t, newK[t] ? g.ram(i) : -g.ram(i));
            }
            // whether i is kept for stage t decides if stage t-1 frees it after its last use there
            if (newDem[t - 1] || oldDem[t - 1] || r[t - 1][i]) {
                markStage(t - 1);
            }
        }
        double oldPj = pagingJ[i];
        int oldFirst = firstRes[i];
        int oldIns = pageIns[i];
        pagingJ[i] = pj;
        firstRes[i] = ins == 0 ? -1 : first;
        pageIns[i] = ins;
        if (journalled) {
            journal.add(() -> {
                for (int t = i + 1; t < n; t++) {
                    dem[t][i] = oldDem[t];
                    k[t][i] = oldK[t];
                }
                pagingJ[i] = oldPj;
                firstRes[i] = oldFirst;
                pageIns[i] = oldIns;
            });
        }
    }

    private void shiftPeak(int t, long delta) {
        long old = peak[t];
        long now = old + delta;
        peak[t] = now;
        overflow += over(now) - over(old);
        journal.add(() -> {
            overflow += over(old) - over(peak[t]);
            peak[t] = old;
        });
    }

    /** Peak RAM of stage t under the model's accounting, or INVALID if a dependency is missing. */
    long simulate(int t) {
        work += t + 1;
        boolean[] kt = k[t];
        boolean[] rt = r[t];
        boolean[] next = t + 1 < n ? k[t + 1] : null;
        long mem = 0;
        for (int i = 0; i < t; i++) {
            if (kt[i]) {
                mem += g.ram(i);
            }
        }
        for (int kk = 0; kk <= t; kk++) {
            if (rt[kk]) {
                for (int d : g.deps(kk)) {
                    lastUse[d] = kk;
                }
            }
        }
        long pk = mem;
        for (int kk = 0; kk <= t; kk++) {
            if (!rt[kk]) {
                continue;
            }
            if (kt[kk]) {
                return INVALID;
            }
            int[] deps = g.deps(kk);
            for (int d : deps) {
                if (!kt[d] && !rt[d]) {
                    return INVALID;
                }
            }
            mem += g.ram(kk);
            pk = Math.max(pk, mem);
            for (int d : deps) {
                if (lastUse[d] == kk && (next == null || !next[d])) {
                    mem -= g.ram(d);
                }
            }
        }
        return pk;
    }

    // ---- output ----

    /**
     * Drops recomputations nobody uses (no later node of the stage reads them and they are not
     * kept): free ones can be left behind when the recomputation that read them is undone.
     * Dropping one never breaks a schedule, and costs nothing.
     */
    void dropUnusedRecomputations() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int t = 0; t < n; t++) {
                for (int i = 0; i < t; i++) {
                    if (r[t][i] && !usedAfter(t, i)) {
                        setR(t, i, false);
                        refresh();
                        changed = true;
                    }
                }
            }
        }
        commit();
    }

    /**
     * Undoes the recomputation of i in stage t (i is kept from its previous computation or
     * demand instead), and with it each recomputation in stage t of one of its inputs that nothing
     * uses any more, and so on down; refreshed.
     */
    void undoRecomputation(int t, int i) {
        setR(t, i, false);
        refresh();
        for (int d : g.deps(i)) {
            if (r[t][d] && !usedAfter(t, d)) {
                undoRecomputation(t, d);
            }
        }
    }

    private boolean usedAfter(int t, int i) {
        if (t + 1 < n && k[t + 1][i]) {
            return true;
        }
        for (int j : g.succs(i)) {
            if (j > t) {
                break;
            }
            if (r[t][j]) {
                return true;
            }
        }
        return false;
    }

    StagePlan toStagePlan() {
        refresh();
        StagePlan.Builder plan = StagePlan.builder(n);
        for (int t = 0; t < n; t++) {
            for (int i = 0; i <= t; i++) {
                plan.setR(t, i, r[t][i]).setSRam(t, i, k[t][i]);
            }
        }
        for (int i = 0; i < n; i++) {
            if (pageIns[i] == 0) {
                continue;
            }
            int f = firstRes[i];
            plan.setMOut(f, i, true).store(i, f + 1, n - 1, true);
            for (int t = f + 1; t < n; t++) {
                if (k[t][i] && !k[t - 1][i] && !r[t - 1][i]) {
                    plan.setMIn(t - 1, i, true);
                }
            }
        }
        return plan.build();
    }

    int recomputeCount() {
        int c = 0;
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < t; i++) {
                if (r[t][i]) {
                    c++;
                }
            }
        }
        return c;
    }

    int pageInCount() {
        int c = 0;
        for (int p : pageIns) {
            c += p;
        }
        return c;
    }
}

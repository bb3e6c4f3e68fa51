package org.poetexplorer.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.poetexplorer.ReferenceData;
import org.poetexplorer.model.Budget;
import org.poetexplorer.model.TrainingGraph;
import org.poetexplorer.schedule.Plans;
import org.poetexplorer.schedule.ScheduleSummary;
import org.poetexplorer.solver.heuristic.FastScheduler;
import org.poetexplorer.solver.phases.CoverBound;

/**
 * The incumbent is what a backend's callback thread and the solving thread share: whatever the
 * interleaving, it keeps the cheapest schedule and the highest bound, and the listener hears of
 * each better schedule in order, each with a bound and gap of the same moment.
 */
class IncumbentTest {
    private static final TrainingGraph LINEAR = ReferenceData.graph("linear", "m0");

    @Test
    void offersAndBoundRaisesFromManyThreadsKeepTheCheapestScheduleAndTheHighestBound() throws Exception {
        long plainPeak = Plans.plainPeakBytes(LINEAR);
        Budget budget = new Budget((long) (0.5 * plainPeak), 1.5, true, true);
        Verifier verifier = new Verifier(LINEAR, budget);
        // valid schedules at several energies: the fast scheduler's answers to this and tighter budgets
        List<Verifier.Verified> schedules = new ArrayList<>();
        for (double fraction : new double[] {0.5, 0.47, 0.44, 0.41, 0.38, 0.35}) {
            Budget tighter = budget.withRam((long) (fraction * plainPeak));
            new FastScheduler().schedule(LINEAR, tighter).ifPresent(h -> schedules.add(verifier.verify(h.plan()).verified()));
        }
        assertTrue(schedules.stream().map(Verifier.Verified::energyJ).distinct().count() >= 3, "schedules " + schedules);
        double cheapest = schedules.stream().mapToDouble(Verifier.Verified::energyJ).min().orElseThrow();
        // proven bounds: the cover bound, and everything between the plain energy and it
        double cover = CoverBound.energyJ(LINEAR, budget);
        double plain = LINEAR.plainEnergyJ();
        assertTrue(cover > plain && cover <= cheapest, "bound " + cover + ", plain " + plain + ", cheapest " + cheapest);
        int steps = 400_000;

        List<SolveResult> heard = Collections.synchronizedList(new ArrayList<>());
        SolveListener listener = new SolveListener() {
            @Override
            public void onIncumbent(SolveResult incumbent) {
                heard.add(incumbent);
            }
        };
        for (int round = 0; round < 5; round++) {
            heard.clear();
            Incumbent incumbent = new Incumbent(LINEAR, budget, "scip", listener, () -> 0);
            AtomicInteger lost = new AtomicInteger();
            int threads = 4;
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(round * 31L + t);
                int first = t;
                List<Verifier.Verified> offers = new ArrayList<>(schedules);
                Collections.shuffle(offers, random);
                runs.add(CompletableFuture.runAsync(() -> {
                    await(start);
                    double raised = Double.NEGATIVE_INFINITY;
                    double offered = Double.POSITIVE_INFINITY;
                    // every thread raises its own rising share of the bounds, so that most raises write
                    int share = steps / threads;
                    for (int k = 0; k < share; k++) {
                        int step = first + 1 + k * threads;
                        double bound = step == steps ? cover : plain + (cover - plain) * step / steps;
                        incumbent.raiseBound(bound);
                        raised = Math.max(raised, bound);
                        // what this thread raised is never lost to another thread's write
                        if (incumbent.lowerBoundJ() < raised) {
                            lost.incrementAndGet();
                        }
                        if (k % (share / offers.size()) == 0 && k / (share / offers.size()) < offers.size()) {
                            Verifier.Verified v = offers.get(k / (share / offers.size()));
                            incumbent.offer(v);
                            offered = Math.min(offered, v.energyJ());
                            if (incumbent.best().energyJ() > offered) {
                                lost.incrementAndGet();
                            }
                        }
                    }
                }, pool));
            }
            CompletableFuture.allOf(runs.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
            assertEquals(0, lost.get(), "round " + round + ": raised bounds or offered schedules lost");
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));

            assertEquals(cover, incumbent.lowerBoundJ(), 0.0, "round " + round + ": the highest bound raised is kept");
            assertEquals(cheapest, incumbent.best().energyJ(), 0.0, "round " + round + ": the cheapest schedule is kept");
            double last = Double.POSITIVE_INFINITY;
            for (SolveResult r : heard) {
                double energy = ScheduleSummary.of(r.schedule()).energyJ();
                assertTrue(energy < last, "round " + round + ": an incumbent got more expensive: " + energy + " after " + last);
                last = energy;
                assertNotNull(r.lowerBoundJ());
                assertTrue(r.lowerBoundJ() <= energy, "a bound above its own schedule");
                assertEquals((energy - r.lowerBoundJ()) / energy, r.gap(), 1e-15, "gap of the same moment");
            }
            assertEquals(cheapest, last, 0.0);
            SolveResult end = incumbent.result(SolveStatus.FEASIBLE, null);
            assertEquals(cover, end.lowerBoundJ(), 0.0);
        }
    }

    /**
     * While a better schedule is being reported to the listener (on a backend's callback thread,
     * say), a bound raised by another thread waits: the report carries the schedule, the bound
     * and the gap of one moment, and no raise is lost.
     */
    @Test
    void aBoundRaisedWhileAScheduleIsReportedWaitsForTheReport() throws Exception {
        Budget budget = new Budget((long) (0.5 * Plans.plainPeakBytes(LINEAR)), 1.5, true, true);
        Verifier.Verified schedule = new Verifier(LINEAR, budget)
                .verify(new FastScheduler().schedule(LINEAR, budget).orElseThrow().plan()).verified();
        double bound = CoverBound.energyJ(LINEAR, budget);
        List<Thread.State> raiserDuringReport = new ArrayList<>();
        List<SolveResult> reports = new ArrayList<>();
        Incumbent[] shared = new Incumbent[1];
        Thread[] raiser = new Thread[1];
        SolveListener listener = new SolveListener() {
            @Override
            public void onIncumbent(SolveResult report) {
                reports.add(report);
                raiser[0] = new Thread(() -> shared[0].raiseBound(bound), "raiser");
                raiser[0].start();
                raiserDuringReport.add(settledState(raiser[0]));
            }
        };
        shared[0] = new Incumbent(LINEAR, budget, "cpsat", listener, () -> 0);
        Thread callback = new Thread(() -> shared[0].offer(schedule), "backend-callback");
        callback.start();
        callback.join(30_000);
        raiser[0].join(30_000);
        assertEquals(List.of(Thread.State.BLOCKED), raiserDuringReport, "the raise waited for the report");
        assertEquals(LINEAR.plainEnergyJ(), reports.get(0).lowerBoundJ(), 0.0, "the report's bound is of its moment");
        assertEquals(bound, shared[0].lowerBoundJ(), 0.0, "and the raise is kept after it");
    }

    /** The state of a just started thread once it has blocked, waited or ended (polled, up to 30 s). */
    private static Thread.State settledState(Thread t) {
        long end = System.nanoTime() + 30_000_000_000L;
        Thread.State s = t.getState();
        while ((s == Thread.State.NEW || s == Thread.State.RUNNABLE) && System.nanoTime() < end) {
            Thread.onSpinWait();
            s = t.getState();
        }
        return s;
    }

    @Test
    void aBoundThatIsNotFiniteSaysNothingAndALowerOneChangesNothing() {
        Incumbent incumbent = new Incumbent(LINEAR, new Budget(3500, 1.2, true, true), "scip", SolveListener.NONE, () -> 0);
        double plain = LINEAR.plainEnergyJ();
        assertEquals(plain, incumbent.lowerBoundJ(), 0.0, "every schedule computes every node once");
        incumbent.raiseBound(Double.NaN);
        incumbent.raiseBound(Double.POSITIVE_INFINITY);
        incumbent.raiseBound(Double.NEGATIVE_INFINITY);
        incumbent.raiseBound(plain / 2);
        assertEquals(plain, incumbent.lowerBoundJ(), 0.0);
        SolveResult r = incumbent.stopped("time limit reached");
        assertEquals(SolveStatus.UNKNOWN, r.status());
        assertEquals("time limit reached", r.message());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

/**
 * Fast answers around the exact MILP of docs/model.md section 4.
 *
 * <ul>
 * <li>{@link org.poetexplorer.milp.heuristic.FastScheduler}: a valid schedule (as a
 * {@link org.poetexplorer.schedule.StagePlan}) for any budget in well under half a second, with
 * low energy: the first schedule the app shows, and the MILP's starting hint and upper bound.</li>
 * <li>{@link org.poetexplorer.milp.heuristic.LowerBounds}: proven lower bounds on the energy of
 * any schedule, and proofs that no schedule fits.</li>
 * <li>{@link org.poetexplorer.milp.heuristic.MinimalRam}: how little RAM a step can take, so
 * that the app can say "raise RAM to at least X".</li>
 * </ul>
 *
 * <p>Inside: {@code PlanState} holds a schedule as its decisions (which node each stage
 * recomputes; for each use of an output, kept in RAM since the previous use or paged in) and
 * derives the rest exactly as section 4 does, evaluating changes incrementally;
 * {@code Repair} makes a schedule fit; {@code Improver} lowers its energy.
 */
package org.poetexplorer.milp.heuristic;

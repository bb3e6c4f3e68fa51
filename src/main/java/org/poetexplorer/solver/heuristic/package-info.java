/**
 * The fast heuristic: a good valid schedule for any budget in well under half a second.
 *
 * <p>{@link org.poetexplorer.solver.heuristic.FastScheduler} returns a schedule (as a
 * {@link org.poetexplorer.schedule.StagePlan}) with low energy: the first schedule the app
 * shows, and the MILP's starting hint and upper bound.
 *
 * <p>Inside: {@code PlanState} holds a schedule as its decisions (which node each stage
 * recomputes; for each use of an output, kept in RAM since the previous use or paged in) and
 * derives the rest exactly as section 4 does, evaluating changes incrementally (its figures
 * agree with {@link org.poetexplorer.schedule.PlanReplay}, which tests check);
 * {@code Repair} makes a schedule fit; {@code Improver} lowers its energy.
 * {@link org.poetexplorer.solver.heuristic.ForwardScheduler} walks the stages in order and
 * evicts by score, for any graph shape and in memory that grows with the schedule rather than
 * with n^2: the start when the repair finds nothing, and the whole answer on graphs too large
 * for {@code PlanState}'s n x n tables.
 */
package org.poetexplorer.solver.heuristic;

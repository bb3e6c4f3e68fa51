package org.poetexplorer.solver.backends;

import java.util.List;
import java.util.Locale;

/**
 * The solvers behind {@link PoetSolver}, by the names {@link SolveOptions#solver()} accepts:
 * <ul>
 * <li>{@code scip}: SCIP through MPSolver; interruptible, takes the paging schedule as a hint,
 *   returns its incumbent and bound at a time limit. Single-threaded.</li>
 * <li>{@code cpsat}: CP-SAT on the all-integer model; streams every improving schedule, uses
 *   the threads given, but its bound on the hard cases stays weak.</li>
 * <li>{@code highs}: HiGHS through the model builder; fast when it proves optimality, but the
 *   OR-Tools 9.15 bridge returns nothing at a time limit, takes no hint and cannot be
 *   interrupted (see {@link HighsBackend}).</li>
 * </ul>
 */
public final class Backends {
    /**
     * The default: SCIP. Measured on the reference cases (2 shared cores): all three prove the
     * easy cases in about a second; on vgg16_cifar/a72 at 1.5 MB and 1.5x SCIP reached the
     * lowest energy and the smallest gap within the same time limit.
     */
    public static final String DEFAULT = "scip";

    private static final List<String> NAMES = List.of("highs", "scip", "cpsat");

    private Backends() {
    }

    public static List<String> names() {
        return NAMES;
    }

    /** @throws IllegalArgumentException naming the known solvers for an unknown name */
    public static Backend byName(String name) {
        String key = name == null ? DEFAULT : name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "highs":
                return new HighsBackend();
            case "scip":
                return new ScipBackend();
            case "cpsat":
                return new CpSatBackend();
            default:
                throw new IllegalArgumentException("solver: unknown solver \"" + name + "\" (known: "
                        + String.join(", ", NAMES) + ")");
        }
    }
}

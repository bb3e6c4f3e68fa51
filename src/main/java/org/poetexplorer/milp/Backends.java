package org.poetexplorer.milp;

import java.util.List;
import java.util.Locale;

/** The solvers behind {@link PoetSolver}, by the names {@link SolveOptions#solver()} accepts. */
public final class Backends {
    /** The default solver (chosen by measurement on the reference cases; see the README). */
    public static final String DEFAULT = "highs";

    private static final List<String> NAMES = List.of("highs", "scip", "cpsat");

    private Backends() {
    }

    public static List<String> names() {
        return NAMES;
    }

    /** @throws IllegalArgumentException naming the known solvers for an unknown name */
    static Backend byName(String name) {
        String key = name == null ? DEFAULT : name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "highs":
                return new MipBackend("highs", "highs");
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

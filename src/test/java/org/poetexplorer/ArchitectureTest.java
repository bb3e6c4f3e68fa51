package org.poetexplorer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward: the engine (model, catalog, schedule, solver, io, chart) knows
 * nothing of the desktop app or the command line, and nothing outside {@code app} uses JavaFX.
 * Inside the solver, the backends know nothing of the phases, the phases nothing of the
 * pipeline, and the heuristic only plans. Read from the sources, so a forbidden import fails the
 * build.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/poetexplorer");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern FULL_NAME = Pattern.compile("org\\.poetexplorer\\.([a-z][\\w.]*?)\\.[A-Z]");

    /**
     * For each package: the project packages it may use besides itself, each with the packages
     * below it. A file belongs to the most specific package named here that holds it.
     */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("model", Set.of()),
            Map.entry("catalog", Set.of("model")),
            Map.entry("schedule", Set.of("model")),
            Map.entry("solver.backends", Set.of()),
            Map.entry("solver.heuristic", Set.of("model", "schedule")),
            Map.entry("solver.phases", Set.of("model", "schedule", "solver.backends")),
            Map.entry("solver", Set.of("model", "schedule", "solver.backends", "solver.phases", "solver.heuristic")),
            Map.entry("io", Set.of("model", "catalog", "schedule", "solver", "chart")),
            Map.entry("chart", Set.of("model", "schedule", "solver")),
            Map.entry("cli", Set.of("model", "catalog", "schedule", "solver", "io", "chart")),
            Map.entry("app", Set.of("model", "catalog", "schedule", "solver", "io", "chart")));

    /** The independent checker is written from the schedule format alone: it uses nothing of the plan account. */
    private static final Set<String> PLAN_ACCOUNT = Set.of("StagePlan", "Plans", "PlanReplay", "PlanTidy", "Timeline");

    @Test
    void packagesOnlyUseTheLayersBelowThem() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String pkg : ALLOWED.keySet()) {
            assertTrue(Files.isDirectory(MAIN.resolve(pkg.replace('.', '/'))), "no folder for package " + pkg);
        }
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String own = packageOf(MAIN.relativize(f.getParent()).toString().replace('/', '.').replace('\\', '.'));
                if (own == null) {
                    continue;
                }
                String src = Files.readString(f);
                Matcher m = IMPORT.matcher(src);
                while (m.find()) {
                    String imp = m.group(1);
                    check(f, own, imp, violations);
                    if (!own.equals("app") && (imp.startsWith("javafx.") || imp.startsWith("org.controlsfx")
                            || imp.startsWith("org.jfree.fx"))) {
                        violations.add(f + " uses JavaFX: " + imp);
                    }
                    if (!own.equals("cli") && imp.startsWith("picocli.")) {
                        violations.add(f + " uses picocli: " + imp);
                    }
                }
                Matcher full = FULL_NAME.matcher(src.replaceAll("(?m)^(import|package) .*$", ""));
                while (full.find()) {
                    check(f, own, "org.poetexplorer." + full.group(1) + ".X", violations);
                }
            }
        }
        assertTrue(violations.isEmpty(), () -> "layering violations:\n" + String.join("\n", violations));
    }

    @Test
    void theReplayCheckerIsIndependentOfThePlanAccount() throws IOException {
        for (String file : List.of("ReplayChecker.java", "ReplayReport.java")) {
            String src = Files.readString(MAIN.resolve("schedule").resolve(file));
            for (String name : PLAN_ACCOUNT) {
                assertTrue(!Pattern.compile("\\b" + name + "\\b").matcher(src).find(), file + " mentions " + name);
            }
        }
    }

    private static void check(Path f, String own, String imported, List<String> violations) {
        if (!imported.startsWith("org.poetexplorer.")) {
            return;
        }
        String rest = imported.substring("org.poetexplorer.".length());
        String used = packageOf(rest.substring(0, Math.max(0, rest.lastIndexOf('.'))));
        if (used != null && !used.equals(own) && !allowed(own, used)) {
            violations.add(f + " uses " + imported);
        }
    }

    private static boolean allowed(String own, String used) {
        for (String p : ALLOWED.get(own)) {
            if (used.equals(p) || used.startsWith(p + ".")) {
                return true;
            }
        }
        return false;
    }

    /** The most specific package of {@link #ALLOWED} that holds {@code pkg}, or null. */
    private static String packageOf(String pkg) {
        String best = null;
        for (String p : ALLOWED.keySet()) {
            if ((pkg.equals(p) || pkg.startsWith(p + ".")) && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        return best;
    }
}

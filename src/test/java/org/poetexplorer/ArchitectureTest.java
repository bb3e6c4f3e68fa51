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
 * Read from the sources, so a forbidden import fails the build.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/poetexplorer");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    /** For each package: the project packages it may use (besides itself). */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "model", Set.of(),
            "catalog", Set.of("model"),
            "schedule", Set.of("model"),
            "solver", Set.of("model", "schedule"),
            "io", Set.of("model", "catalog", "schedule", "solver", "chart"),
            "chart", Set.of("model", "schedule", "solver"),
            "cli", Set.of("model", "catalog", "schedule", "solver", "io", "chart"),
            "app", Set.of("model", "catalog", "schedule", "solver", "io", "chart"));

    @Test
    void packagesOnlyUseTheLayersBelowThem() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
            Path dir = MAIN.resolve(e.getKey());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String src = Files.readString(f);
                    Matcher m = IMPORT.matcher(src);
                    while (m.find()) {
                        String imp = m.group(1);
                        if (imp.startsWith("org.poetexplorer.")) {
                            String pkg = imp.substring("org.poetexplorer.".length()).split("\\.")[0];
                            if (!pkg.equals(e.getKey()) && !e.getValue().contains(pkg)) {
                                violations.add(f + " imports " + imp);
                            }
                        }
                        if (!e.getKey().equals("app") && (imp.startsWith("javafx.") || imp.startsWith("org.controlsfx")
                                || imp.startsWith("org.jfree.fx"))) {
                            violations.add(f + " uses JavaFX: " + imp);
                        }
                        if (!e.getKey().equals("cli") && imp.startsWith("picocli.")) {
                            violations.add(f + " uses picocli: " + imp);
                        }
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), () -> "layering violations:\n" + String.join("\n", violations));
    }
}

package org.poetexplorer;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.poetexplorer.io.InputException;

/**
 * The layers of the application, read from the compiled classes (so a class named with its full
 * package name counts like an import). Every package belongs to a layer; a layer uses only the
 * layers below it (the engine knows nothing of files, charts, the desktop app or the command
 * line); JavaFX is used by the app alone, picocli by the command line alone; and no packages
 * depend on each other in a cycle.
 */
class ArchitectureTest {
    private static final String ROOT = "org.poetexplorer";

    /** Each layer and its packages, bottom first. A new package is added to one of them. */
    private static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("model", List.of(ROOT + ".model.."));
        LAYERS.put("catalog", List.of(ROOT + ".catalog.."));
        LAYERS.put("schedule", List.of(ROOT + ".schedule..", ROOT + ".plan.."));
        LAYERS.put("engine", List.of(ROOT + ".milp..", ROOT + ".solver..", ROOT + ".heuristic.."));
        LAYERS.put("chart", List.of(ROOT + ".chart.."));
        LAYERS.put("io", List.of(ROOT + ".io.."));
        LAYERS.put("cli", List.of(ROOT + ".cli.."));
        LAYERS.put("app", List.of(ROOT + ".app.."));
        LAYERS.put("launcher", List.of(ROOT));
    }

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    private static String[] packages(String... layers) {
        return Arrays.stream(layers).flatMap(l -> LAYERS.get(l).stream()).toArray(String[]::new);
    }

    @Test
    void everyLayerHasClasses() {
        List<String> empty = new ArrayList<>();
        for (String layer : LAYERS.keySet()) {
            if (CLASSES.stream().noneMatch(resideInAnyPackage(packages(layer))::test)) {
                empty.add(layer + " " + LAYERS.get(layer));
            }
        }
        assertTrue(empty.isEmpty(), () -> "layers without classes (a folder moved or missing?): " + empty);
    }

    @Test
    void everyPackageBelongsToALayer() {
        classes().that().resideInAPackage(ROOT + "..")
                .should().resideInAnyPackage(packages(LAYERS.keySet().toArray(String[]::new)))
                .because("a new package is placed in a layer of this test")
                .check(CLASSES);
    }

    @Test
    void layersUseOnlyTheLayersBelowThem() {
        LayeredArchitecture layers = layeredArchitecture()
                .consideringOnlyDependenciesInLayers();
        for (Map.Entry<String, List<String>> e : LAYERS.entrySet()) {
            layers = layers.layer(e.getKey()).definedBy(e.getValue().toArray(String[]::new));
        }
        layers.whereLayer("model").mayNotAccessAnyLayer()
                .whereLayer("catalog").mayOnlyAccessLayers("model")
                .whereLayer("schedule").mayOnlyAccessLayers("model")
                .whereLayer("engine").mayOnlyAccessLayers("model", "schedule")
                .whereLayer("chart").mayOnlyAccessLayers("model", "schedule", "engine")
                .whereLayer("io").mayOnlyAccessLayers("model", "catalog", "schedule", "engine", "chart")
                .whereLayer("cli").mayOnlyAccessLayers("model", "catalog", "schedule", "engine", "chart", "io")
                .whereLayer("app").mayOnlyAccessLayers("model", "catalog", "schedule", "engine", "chart", "io")
                .whereLayer("launcher").mayOnlyAccessLayers("app", "cli")
                .check(CLASSES);
    }

    @Test
    void javaFxOnlyInTheApp() {
        noClasses().that().resideOutsideOfPackages(packages("app"))
                .and().doNotHaveFullyQualifiedName(Main.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree.fx..")
                .because("only the desktop app (and Main, which launches it) runs on JavaFX")
                .check(CLASSES);
    }

    @Test
    void picocliOnlyInTheCommandLine() {
        noClasses().that().resideOutsideOfPackages(packages("cli"))
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(CLASSES);
    }

    /**
     * No two packages depend on each other, directly or round about. The ONNX reader reports a
     * bad model with the exception of the file formats it belongs to; that use of its parent
     * package is no cycle between concerns.
     */
    @Test
    void noCyclesBetweenPackages() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles()
                .ignoreDependency(resideInAPackage(ROOT + ".io.onnx.."),
                        describe("InputException", (JavaClass c) -> c.isEquivalentTo(InputException.class)))
                .check(CLASSES);
    }
}

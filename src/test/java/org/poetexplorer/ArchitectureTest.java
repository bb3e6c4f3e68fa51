package org.poetexplorer;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.poetexplorer.io.InputException;

/**
 * The layers of the application, read from the compiled classes (so a class named with its full
 * package name counts like an import). Every package belongs to a layer; a layer uses only the
 * layers below it (the engine knows nothing of files, charts, the desktop app or the command
 * line); JavaFX is used by the app alone, picocli by the command line alone; and no packages
 * depend on each other in a cycle. Inside the engine, the backends know nothing of the project,
 * the phases nothing of the pipeline, and the heuristic only the model and plans. The replay
 * checker stays independent of the plan account it checks.
 */
class ArchitectureTest {
    private static final String ROOT = "org.poetexplorer";
    private static final String SOLVER = ROOT + ".solver";

    /** Each layer and its packages, bottom first. A new package is added to one of them. */
    private static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("model", List.of(ROOT + ".model.."));
        LAYERS.put("catalog", List.of(ROOT + ".catalog..", ROOT + ".generator.."));
        LAYERS.put("schedule", List.of(ROOT + ".schedule.."));
        LAYERS.put("engine", List.of(SOLVER + ".."));
        LAYERS.put("chart", List.of(ROOT + ".chart.."));
        LAYERS.put("io", List.of(ROOT + ".io.."));
        LAYERS.put("cli", List.of(ROOT + ".cli.."));
        LAYERS.put("app", List.of(ROOT + ".app.."));
        LAYERS.put("launcher", List.of(ROOT));
    }

    /** The engine's own packages: the pipeline ({@code solver}) and what it runs. */
    private static final List<String> ENGINE_PACKAGES = List.of(SOLVER + ".backends..", SOLVER + ".phases..",
            SOLVER + ".heuristic..");

    /** The schedule package's account of plans, which the independent replay checker must not use. */
    private static final Set<String> PLAN_ACCOUNT = Set.of("StagePlan", "Plans", "PlanReplay", "PlanTidy", "Timeline");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    private static String[] packages(String... layers) {
        return Arrays.stream(layers).flatMap(l -> LAYERS.get(l).stream()).toArray(String[]::new);
    }

    /** Every package this test names holds classes: a folder moved or missing fails instead of being skipped. */
    @Test
    void everyNamedPackageHasClasses() {
        List<String> named = new ArrayList<>();
        LAYERS.values().forEach(named::addAll);
        named.addAll(ENGINE_PACKAGES);
        List<String> empty = new ArrayList<>();
        for (String pkg : named) {
            if (CLASSES.stream().noneMatch(resideInAPackage(pkg)::test)) {
                empty.add(pkg);
            }
        }
        assertTrue(empty.isEmpty(), () -> "packages without classes (a folder moved or missing?): " + empty);
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

    /** The classes outside the project, or inside one of {@code packages}. */
    private static DescribedPredicate<JavaClass> outsideTheProjectOrIn(String... packages) {
        return resideOutsideOfPackage(ROOT + "..").or(resideInAnyPackage(packages));
    }

    @Test
    void backendsUseNoProjectPackage() {
        classes().that().resideInAPackage(SOLVER + ".backends..")
                .should().onlyDependOnClassesThat(outsideTheProjectOrIn(SOLVER + ".backends.."))
                .because("a backend solves any linear model it is given and knows nothing of training schedules")
                .check(CLASSES);
    }

    @Test
    void phasesDoNotUseThePipeline() {
        classes().that().resideInAPackage(SOLVER + ".phases..")
                .should().onlyDependOnClassesThat(outsideTheProjectOrIn(ROOT + ".model..", ROOT + ".schedule..",
                        SOLVER + ".backends..", SOLVER + ".phases.."))
                .because("the pipeline runs the phases; a phase neither calls the pipeline nor another stage of it")
                .check(CLASSES);
    }

    @Test
    void theHeuristicUsesOnlyTheModelAndPlans() {
        classes().that().resideInAPackage(SOLVER + ".heuristic..")
                .should().onlyDependOnClassesThat(outsideTheProjectOrIn(ROOT + ".model..", ROOT + ".schedule..",
                        SOLVER + ".heuristic.."))
                .check(CLASSES);
    }

    @Test
    void theReplayCheckerIsIndependentOfThePlanAccount() {
        noClasses().that().haveNameMatching("\\Q" + ROOT + ".schedule.\\E(ReplayChecker|ReplayReport)(\\$.*)?")
                .should().dependOnClassesThat(describe("belong to the plan account " + PLAN_ACCOUNT,
                        (JavaClass c) -> c.getPackageName().equals(ROOT + ".schedule")
                                && PLAN_ACCOUNT.contains(topLevelName(c))))
                .because("the checker is written from the schedule format alone, so it judges the plans independently")
                .check(CLASSES);
    }

    private static String topLevelName(JavaClass c) {
        String name = c.getName().substring(c.getPackageName().length() + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
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

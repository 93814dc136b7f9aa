package org.stancekit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package rules of {@code docs/architecture.md}, checked on the compiled classes of
 * every module (this test module sees them all). A failing rule names the class and the
 * dependency that breaks it.
 */
class ArchitectureTest {

    /** The packages of the core module, {@code model}. */
    private static final String[] CORE = {"org.stancekit.domain..", "org.stancekit.text..", "org.stancekit.features..",
        "org.stancekit.network..", "org.stancekit.model..", "org.stancekit.bundle..", "org.stancekit.transformer..",
        "org.stancekit.runtime..", "org.stancekit.evaluation..", "org.stancekit.cli.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Test classes are no part of the architecture: the test directories, and the model's test jar
        // (a reactor build such as `mvn install` puts it on the class path as a jar, not a directory).
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.stancekit");
    }

    @Test
    void theCoreDependsOnNeitherWing() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.stancekit.training..", "org.stancekit.inference..",
                        "org.stancekit.spark..")
                .because("model is the core both wings build on").check(classes);
    }

    @Test
    void scoringNeverDependsOnTraining() {
        noClasses().that().resideInAnyPackage("org.stancekit.inference..", "org.stancekit.spark..")
                .should().dependOnClassesThat().resideInAPackage("org.stancekit.training..")
                .because("scoring runs without Weka or the trainer on its class path").check(classes);
    }

    @Test
    void onlyTheSparkModuleUsesSpark() {
        // The command line's other verbs never load a Spark class: spark-score alone needs Spark on the class path.
        noClasses().that().resideOutsideOfPackage("org.stancekit.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .because("score, bench, train, evaluate and dataset run without Spark").check(classes);
    }

    @Test
    void theSparkModuleIsPresent() {
        // The rules above cover the spark module only if its classes were imported.
        org.junit.jupiter.api.Assertions.assertTrue(classes.contain("org.stancekit.spark.StanceKitSpark"),
                "the spark module's classes are on this test's class path");
    }

    @Test
    void scoringPackagesFollowTheDataFlow() {
        // Each stage may use the stages before it, never one after it.
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("read").definedBy("org.stancekit.inference.read..")
                .layer("aggregate").definedBy("org.stancekit.inference.aggregate..")
                .layer("pipeline").definedBy("org.stancekit.inference.pipeline..")
                .layer("facade").definedBy("org.stancekit.inference")
                .layer("write").definedBy("org.stancekit.inference.write..")
                .layer("batch").definedBy("org.stancekit.inference.batch..")
                .layer("commands").definedBy("org.stancekit.inference.cli..", "org.stancekit.inference.bench..")
                .whereLayer("commands").mayNotBeAccessedByAnyLayer()
                .whereLayer("batch").mayOnlyBeAccessedByLayers("commands")
                .whereLayer("write").mayOnlyBeAccessedByLayers("batch", "commands")
                .whereLayer("facade").mayOnlyBeAccessedByLayers("write", "batch", "commands")
                .whereLayer("pipeline").mayOnlyBeAccessedByLayers("facade", "write", "batch", "commands")
                .whereLayer("aggregate").mayOnlyBeAccessedByLayers("pipeline", "facade", "write", "batch", "commands")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.stancekit.(**)").should().beFreeOfCycles().check(classes);
    }
}

package dev.refract.mongo.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The adapter's packages stay acyclic, and rendering and value conversion stay apart from execution. */
class PackageDependenciesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.refract.mongo");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.refract.mongo.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void renderingAndCodecsUseBsonOnlyNeverTheDriversClientOrExecution() {
        noClasses().that().resideInAnyPackage("dev.refract.mongo.render..", "dev.refract.mongo.codec..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "dev.refract.mongo.execute..",
                        "reactor..")
                .check(CLASSES);
    }
}

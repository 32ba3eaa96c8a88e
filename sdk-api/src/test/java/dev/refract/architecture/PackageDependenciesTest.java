package dev.refract.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The packages of the runtime core stay acyclic, and the data packages stay free of the runtime. */
class PackageDependenciesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.refract");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.refract.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void queryModelAndMetadataDependOnNoRuntimePackage() {
        noClasses().that().resideInAnyPackage("dev.refract.query..", "dev.refract.meta..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.refract.client..", "dev.refract.spi..",
                        "dev.refract.builder..", "reactor..")
                .check(CLASSES);
    }

    @Test
    void nothingButTheClientDependsOnTheClient() {
        noClasses().that().resideOutsideOfPackage("dev.refract.client..")
                .should().dependOnClassesThat().resideInAPackage("dev.refract.client..")
                .check(CLASSES);
    }
}

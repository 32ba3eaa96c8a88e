package dev.refract.codegen.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The code generator is a pipeline — source → syntax tree → definitions → Java — and its packages
 * depend only on earlier stages, never on later ones or on the tools that drive them.
 */
class PipelineDependenciesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.refract.codegen");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.refract.codegen.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void schemaStagesKnowNothingOfGenerationOrTools() {
        noClasses().that().resideInAnyPackage("dev.refract.codegen.source..", "dev.refract.codegen.ast..",
                        "dev.refract.codegen.parse..", "dev.refract.codegen.validate..",
                        "dev.refract.codegen.definition..", "dev.refract.codegen.format..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.refract.codegen.generate..",
                        "dev.refract.codegen.compiler..", "dev.refract.codegen.cli..", "com.palantir.javapoet..",
                        "picocli..")
                .check(CLASSES);
    }

    @Test
    void definitionsStandApartFromTheSyntaxTree() {
        noClasses().that().resideInAPackage("dev.refract.codegen.definition..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.refract.codegen.ast..",
                        "dev.refract.codegen.parse..", "dev.refract.codegen.validate..")
                .check(CLASSES);
    }

    @Test
    void generatorReadsOnlyDefinitions() {
        noClasses().that().resideInAPackage("dev.refract.codegen.generate..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.refract.codegen.ast..",
                        "dev.refract.codegen.parse..", "dev.refract.codegen.validate..", "dev.refract.codegen.format..",
                        "dev.refract.codegen.compiler..", "dev.refract.codegen.cli..")
                .check(CLASSES);
    }

    @Test
    void namingDependsOnNoOtherStage() {
        noClasses().that().resideInAPackage("dev.refract.codegen.naming..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.refract.codegen..", "com.palantir.javapoet..")
                .andShould().dependOnClassesThat().resideOutsideOfPackages("dev.refract.codegen.naming..", "java..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("dev.refract.codegen.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(CLASSES);
    }
}

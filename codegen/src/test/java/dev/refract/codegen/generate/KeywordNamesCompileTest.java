package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.source.Diagnostic;
import dev.refract.codegen.validate.ValidationResult;
import org.junit.jupiter.api.Test;

/**
 * Prisma allows Java keywords as field names, enum values and block names, and existing schemas use
 * them: the validator only warns, and the generator's escaped names compile.
 */
class KeywordNamesCompileTest {

    private static final String MODELS = """
            enum Visibility {
              public
              private
              protected
              record
            }

            model class {
              id       Int        @id @default(autoincrement())
              default  Boolean    @default(false)
              public   Visibility @default(public)
              static   String?
              new      Int?
              switch   Float
              Package  String
              var      String?
              objects  Object[]
            }

            model Object {
              id      Int    @id
              final   Boolean
              classId Int
              owner   class  @relation(fields: [classId], references: [id])
            }

            model Void {
              id     Int    @id
              return String
            }
            """;

    @Test
    void keywordFieldNamesAndEnumValuesValidateWithWarningsOnlyAndCompile() {
        ValidationResult validated = SchemaText.validate(MODELS);

        assertThat(validated.errors()).extracting(Diagnostic::render).isEmpty();
        assertThat(validated.warnings()).extracting(Diagnostic::message).contains(
                "Value \"public\" of enum \"Visibility\" is a reserved word in Java; the generated code names it"
                        + " \"public_\".",
                "Value \"record\" of enum \"Visibility\" is a reserved word in Java; the generated code names it"
                        + " \"record_\".",
                "Model name \"class\" is a reserved word in Java; the generated code names it \"Class\".",
                "Field name \"default\" of model \"class\" is a reserved word in Java; the generated code names it"
                        + " \"default_\".",
                "Field name \"Package\" of model \"class\" is a reserved word in Java; the generated code names it"
                        + " \"package_\".",
                "Field name \"return\" of model \"Void\" is a reserved word in Java; the generated code names it"
                        + " \"return_\".");
        assertThat(validated.warnings()).hasSize(14);

        SchemaText.assertCompiles(new JavaGenerator().generate(validated.definition()));
    }
}

package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.SchemaMeta;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A model without {@code @id} is identified, as in Prisma, by its first unique key: that key is
 * the runtime metadata's id and a unique look-up of its own, and the other keys stay uniques.
 */
class UniqueKeyIdentityTest {

    private static final String SCHEMA = """
            model VerificationToken {
              identifier String
              token      String   @unique
              expires    DateTime
              code       String

              @@unique([identifier, token])
              @@unique([identifier, code])
            }

            model Session {
              id      String @id
              tokenId String
            }
            """;

    @Test
    void firstUniqueKeyServesAsTheIdOfAModelWithoutOne() throws ReflectiveOperationException {
        List<GeneratedFile> files = SchemaText.generate(SCHEMA);

        InMemoryCompiler.Result compiled = SchemaText.assertCompiles(files);
        SchemaMeta schema = (SchemaMeta) compiled.classLoader().loadClass("com.example.db.RefractClientMetadata")
                .getField("SCHEMA").get(null);
        ModelMeta token = schema.models().get(0);
        assertThat(token.name()).isEqualTo("VerificationToken");
        // @unique on token is declared first, on the field, so it is the first unique key.
        assertThat(token.id().fields()).containsExactly(1);
        assertThat(token.uniques()).extracting(KeyMeta::fields)
                .containsExactly(List.of(0, 1), List.of(0, 3));
    }

    @Test
    void everyUniqueKeyOfAModelWithoutIdPicksOneRecord() {
        String whereUnique = SchemaText.file(SchemaText.generate(SCHEMA), "VerificationTokenWhereUnique");

        assertThat(whereUnique).contains("public VerificationTokenWhereUnique token(String token)")
                .contains("public VerificationTokenWhereUnique identifierToken(String identifier, String token)")
                .contains("public VerificationTokenWhereUnique identifierCode(String identifier, String code)");
    }
}

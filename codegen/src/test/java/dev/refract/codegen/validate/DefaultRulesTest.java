package dev.refract.codegen.validate;

import static dev.refract.codegen.validate.Validation.singleError;
import static dev.refract.codegen.validate.Validation.valid;
import static dev.refract.codegen.validate.Validation.withDatasources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.codegen.source.Diagnostic;
import dev.refract.meta.DefaultValue;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultRulesTest {

    /** A model on line 5 whose field of interest is on line 7. */
    private static ValidationResult field(String line) {
        return withDatasources("""
                model A {
                  key Int @id
                %s
                }
                enum Status {
                  PENDING
                  DONE
                }
                """.formatted(line));
    }

    @Test
    void rejectsUnknownFunctionSuggestingTheClosest() {
        Diagnostic error = singleError(field("  id String @unique @default(uuidv4())"),
                "Unknown function \"uuidv4()\" in @default of field \"id\" of model \"A\".", 7, 30);
        assertThat(error.hint()).isEqualTo("Did you mean \"uuid()\"?");
    }

    @Test
    void rejectsStringDefaultOnInt() {
        Diagnostic error = singleError(field("  count Int @default(\"0\")"),
                "The default value (a string) does not fit field \"count\" of model \"A\", which is Int.", 7, 22);
        assertThat(error.hint()).isEqualTo("Write a whole number that fits 32 bits, e.g. @default(0).");
    }

    @Test
    void rejectsAutoincrementOnString() {
        Diagnostic error = singleError(field("  code String @default(autoincrement())"),
                "autoincrement() cannot be the default of field \"code\" of model \"A\", which is String.", 7, 24);
        assertThat(error.hint()).startsWith("autoincrement() fits Int and BigInt fields");
    }

    @Test
    void rejectsGeneratedIdsOnNonStringFields() {
        for (String function : List.of("cuid", "uuid", "ulid", "nanoid")) {
            singleError(field("  code Int @default(" + function + "())"), function
                    + "() cannot be the default of field \"code\" of model \"A\", which is Int.", 7, 21);
        }
    }

    @Test
    void rejectsNowOnNonDateTime() {
        singleError(field("  at String @default(now())"),
                "now() cannot be the default of field \"at\" of model \"A\", which is String.", 7, 22);
    }

    @Test
    void rejectsEnumDefaultThatIsNotAValue() {
        Diagnostic error = singleError(field("  status Status @default(DONNE)"),
                "The default \"DONNE\" of field \"status\" of model \"A\" is not a value of enum \"Status\".", 7, 26);
        assertThat(error.hint()).isEqualTo("Did you mean \"DONE\"?");
    }

    @Test
    void rejectsAutoOutsideMongoObjectIdIds() {
        Diagnostic error = singleError(field("  ref String @unique @default(auto())"),
                "auto() cannot be the default of field \"ref\" of model \"A\": it is only for MongoDB ids stored as "
                        + "ObjectId.", 7, 31);
        assertThat(error.hint()).startsWith("Use it as id String @id @default(auto()) @map(\"_id\") @db.ObjectId");
    }

    @Test
    void rejectsUpdatedAtOnNonDateTime() {
        singleError(field("  changed String @updatedAt"),
                "@updatedAt cannot be used on field \"changed\" of model \"A\", which is String.", 7, 18);
    }

    @Test
    void rejectsUnknownUuidVersion() {
        singleError(field("  id String @unique @default(uuid(5))"),
                "uuid() takes version 4 or 7, not the number 5.", 7, 35);
    }

    @Test
    void resolvesEveryKindOfDefault() {
        ModelDefinition model = valid(withDatasources("""
                model A {
                  id      String   @id @default(nanoid(10))
                  other   String   @default(ulid())
                  sql     String   @default(dbgenerated("gen_random_uuid()"))
                  flag    Boolean  @default(false)
                  price   Decimal  @default(1.5)
                  big     BigInt   @default(10)
                  counter Int      @default(autoincrement())
                  tags    String[] @default(["a", "b"])
                  at      DateTime @default("2024-01-01T00:00:00Z")
                  status  Status   @default(DONE)
                  cuid2   String   @default(cuid(2))
                }
                enum Status {
                  DONE
                }
                """)).definition().model("A").orElseThrow();
        assertThat(model.fields()).extracting(f -> f.defaultValue()).containsExactly(
                new DefaultValue.Nanoid(10), new DefaultValue.Ulid(),
                new DefaultValue.DbGenerated("gen_random_uuid()"), new DefaultValue.Literal(false),
                new DefaultValue.Literal(new BigDecimal("1.5")), new DefaultValue.Literal(10L),
                new DefaultValue.Autoincrement(), new DefaultValue.Literal(List.of("a", "b")),
                new DefaultValue.Literal("2024-01-01T00:00:00Z"), new DefaultValue.Literal("DONE"),
                new DefaultValue.Cuid(2));
    }

    @Test
    void rejectsDefaultOnRelationField() {
        singleError(withDatasources("""
                model User {
                  id    Int    @id
                  posts Post[]
                }
                model Post {
                  id       Int  @id
                  authorId Int
                  author   User @relation(fields: [authorId], references: [id]) @default(1)
                }
                """), "@default cannot be used on field \"author\" of model \"Post\", which is a relation field.",
                12, 65);
    }

    @Test
    void rejectsScalarDefaultOnListField() {
        singleError(field("  tags String[] @default(\"a\")"),
                "The default of the list field \"tags\" of model \"A\" must be a list.", 7, 26);
    }

    @Test
    void rejectsDbGeneratedWithoutExpression() {
        singleError(field("  id String @unique @default(dbgenerated(1))"),
                "dbgenerated() takes one SQL expression in double quotes.", 7, 30);
    }

    @Test
    void rejectsNanoidLengthOutOfRange() {
        singleError(field("  id String @unique @default(nanoid(1))"),
                "nanoid() takes a length between 2 and 255, not the number 1.", 7, 37);
    }

    @Test
    void rejectsArgumentsToNow() {
        singleError(field("  at DateTime @default(now(1))"), "now() takes no arguments.", 7, 28);
    }

    @Test
    void rejectsDateTimeDefaultThatIsNotIsoDateTime() {
        singleError(field("  at DateTime @default(\"yesterday\")"),
                "The default value (a string) does not fit field \"at\" of model \"A\", which is DateTime.", 7, 24);
    }

    @Test
    void rejectsEnumDefaultWrittenAsString() {
        Diagnostic error = singleError(field("  status Status @default(\"DONE\")"),
                "The default of field \"status\" of model \"A\" names the value \"DONE\" of enum \"Status\" as a "
                        + "string.", 7, 26);
        assertThat(error.hint()).isEqualTo("Write it without quotes: @default(DONE).");
    }
}

package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A model, enum or type whose name equals a class generated for another model keeps its name, and
 * the generated class takes its alternative name, the same in every file that refers to it.
 */
class NameCollisionTest {

    static Stream<Arguments> collisions() {
        return Stream.of(
                Arguments.of("Form", "FormField", "FormModelField"),
                Arguments.of("Product", "ProductGroup", "ProductModelGroup"),
                Arguments.of("Order", "OrderUpdate", "OrderModelUpdate"),
                Arguments.of("Order", "OrderCreate", "OrderModelCreate"),
                Arguments.of("Report", "ReportAggregate", "ReportModelAggregate"),
                Arguments.of("User", "UserWhere", "UserModelWhere"),
                Arguments.of("Team", "TeamRelationCounts", "TeamModelRelationCounts"),
                Arguments.of("Team", "TeamGroupOrderBy", "TeamModelGroupOrderBy"));
    }

    /** Two related models, {@code owner} and {@code other}, each with a few scalar fields. */
    private static String schema(String owner, String other) {
        return """
                model %1$s {
                  id      Int     @id
                  title   String
                  amount  Int
                  items   %2$s[]
                }

                model %2$s {
                  id      Int     @id
                  label   String
                  ownerId Int
                  owner   %1$s    @relation(fields: [ownerId], references: [id])
                }
                """.formatted(owner, other);
    }

    @ParameterizedTest(name = "{1} beside {0}")
    @MethodSource("collisions")
    void schemaNameKeepsItsNameAndTheGeneratedClassTakesItsAlternative(String owner, String other, String alternative) {
        List<GeneratedFile> files = SchemaText.generate(schema(owner, other));

        SchemaText.assertCompiles(files);
        assertThat(SchemaText.file(files, other)).contains("public record " + other + "(");
        assertThat(SchemaText.file(files, alternative)).containsPattern("(class|record|enum) " + alternative + "\\b");
        assertThat(files).filteredOn(f -> !f.relativePath().endsWith("/" + alternative + ".java"))
                .as("files that refer to " + alternative)
                .anySatisfy(f -> assertThat(f.content()).containsPattern("\\b" + alternative + "\\b"));
    }

    @Test
    void fieldsNamedLikeTheCountComponentsKeepTheirNamesAndTheCountsGiveWay() {
        List<GeneratedFile> files = SchemaText.generate("""
                model Board {
                  id             Int    @id
                  counts         Int
                  relationCounts String
                  cards          Card[]
                }

                model Card {
                  id      Int    @id
                  boardId Int
                  board   Board  @relation(fields: [boardId], references: [id])
                }
                """);

        SchemaText.assertCompiles(files);
        assertThat(SchemaText.file(files, "Board")).contains("String relationCounts,")
                .contains("Board.Counts relationCounts_)");
        assertThat(SchemaText.file(files, "BoardGroup")).contains("Integer counts,")
                .contains("BoardAggregate.Counts counts_)");
        assertThat(SchemaText.file(files, "BoardAggregate")).contains("BoardAggregate.Counts counts)");
    }

    @Test
    void relationNamedLikeTheCountsComponentStillCompiles() {
        List<GeneratedFile> files = SchemaText.generate("""
                model Board {
                  id             Int    @id
                  relationCounts Card[]
                  count          Card[] @relation("Second")
                }

                model Card {
                  id       Int   @id
                  boardId  Int
                  board    Board @relation(fields: [boardId], references: [id])
                  secondId Int
                  second   Board @relation("Second", fields: [secondId], references: [id])
                }
                """);

        SchemaText.assertCompiles(files);
        assertThat(SchemaText.file(files, "Board")).contains("Relation<List<Card>> relationCounts")
                .contains("Board.Counts relationCounts_)")
                .contains("record Counts(Long relationCounts, Long count)");
        assertThat(SchemaText.file(files, "BoardInclude")).contains("public BoardInclude count_()")
                .contains("public BoardInclude count(Consumer<BoardRelationCounts> counts)");
    }

    @Test
    void modelNamedCountsNestsItsRelationCountsUnderAnotherName() {
        List<GeneratedFile> files = SchemaText.generate("""
                model Counts {
                  id    Int    @id
                  tally Tally[]
                }

                model Tally {
                  id       Int    @id
                  countsId Int
                  counts   Counts @relation(fields: [countsId], references: [id])
                }
                """);

        SchemaText.assertCompiles(files);
        assertThat(SchemaText.file(files, "Counts")).contains("record RelationCounts(Long tally)");
    }

    @Test
    void enumAndCompositeNamesWinOverGeneratedClassesToo() {
        List<GeneratedFile> files = SchemaText.generate("""
                enum TaskWhere {
                  OPEN
                  DONE
                }

                model Task {
                  id    Int       @id
                  state TaskWhere
                }
                """);

        SchemaText.assertCompiles(files);
        assertThat(SchemaText.file(files, "TaskWhere")).contains("public enum TaskWhere");
        assertThat(SchemaText.file(files, "TaskModelWhere")).contains("class TaskModelWhere");
    }

    @Test
    void modelNamedLikeACompositeTypesWhereBuilderKeepsItsName() {
        List<GeneratedFile> files = new JavaGenerator().generate(SchemaText.mongoDefinition("""
                type Address {
                  city String
                }

                model AddressWhere {
                  id   String  @id @default(auto()) @map("_id") @db.ObjectId
                  home Address
                }
                """));

        SchemaText.assertCompiles(files);
        assertThat(SchemaText.file(files, "AddressWhere")).contains("public record AddressWhere(");
        assertThat(SchemaText.file(files, "AddressTypeWhere")).contains("class AddressTypeWhere");
        assertThat(SchemaText.file(files, "AddressWhereWhere"))
                .contains("CompositeFilter.Single<AddressWhereWhere, Address, AddressTypeWhere> home()");
    }

    @Test
    void compositeFieldsWhoseBuilderMethodsShareANameAreRefused() {
        String schema = """
                type Options {
                  and  Boolean
                  and_ Boolean
                }

                model Poll {
                  id      String  @id @default(auto()) @map("_id") @db.ObjectId
                  options Options
                }
                """;

        assertThatThrownBy(() -> new JavaGenerator().generate(SchemaText.mongoDefinition(schema)))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("Fields 'and' and 'and_' of type Options both become 'and_' in Java");
    }

    @Test
    void modelNamedLikeTheClientsMetadataKeepsItsName() {
        List<GeneratedFile> files = SchemaText.generate("""
                model RefractClientMetadata {
                  id Int @id
                }
                """);

        SchemaText.assertCompiles(files);
        assertThat(SchemaText.file(files, "RefractClientMetadata")).contains("public record RefractClientMetadata(");
        assertThat(SchemaText.file(files, "RefractClient")).contains("RefractClientSchemaMetadata.SCHEMA");
    }

    @Test
    void alternativeNeverTakesTheFirstChoiceOfAnotherModelsClass() {
        // FormModelField is the first choice of FormModel's field enum, so Form's field enum finds no free name.
        String schema = """
                model Form {
                  id Int @id
                }

                model FormField {
                  id Int @id
                }

                model FormModel {
                  id Int @id
                }
                """;

        assertThatThrownBy(() -> SchemaText.generate(schema)).isInstanceOf(GenerationException.class)
                .hasMessageContaining("FormField would serve both model FormField and model Form")
                .hasMessageContaining("no alternative is free (FormModelField)");
    }

    @Test
    void failsWhenEveryCandidateIsTaken() {
        String schema = """
                model Form {
                  id Int @id
                }

                model FormField {
                  id Int @id
                }

                model FormModelField {
                  id Int @id
                }
                """;

        assertThatThrownBy(() -> SchemaText.generate(schema)).isInstanceOf(GenerationException.class)
                .hasMessageContaining("FormField would serve both model FormField and model Form")
                .hasMessageContaining("no alternative is free (FormModelField)")
                .hasMessageContaining("rename one of them");
    }
}

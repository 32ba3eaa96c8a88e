package dev.refract.codegen.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.parse.ParseResult;
import dev.refract.codegen.parse.SchemaParser;
import dev.refract.codegen.source.Diagnostic;
import dev.refract.codegen.source.SourceFile;
import java.util.List;

/** Parses and validates small schema texts, and asserts what came out. */
final class Validation {

    /**
     * Datasources {@code db} (postgresql), {@code docs} (mongodb) and {@code cache} (redis), and the
     * Java generator: four lines, so the blocks of a test start on line 5.
     */
    static final String DATASOURCES = """
            datasource db { provider = "postgresql" url = env("DATABASE_URL") }
            datasource docs { provider = "mongodb" url = env("MONGODB_URL") }
            datasource cache { provider = "redis" url = env("REDIS_URL") }
            generator client { provider = "refract-java" package = "com.example.db" }
            """;

    /** A MongoDB model Tag holding the ids of its posts in a list, its side of a many-to-many relation. */
    static final String MONGO_TAG = """
            model Tag {
              id      String   @id @default(auto()) @map("_id") @db.ObjectId
              postIds String[] @db.ObjectId
              posts   Post[]   @relation(fields: [postIds], references: [id])
              @@datasource(docs)
            }
            """;

    /** The id list of a valid MongoDB model Post, for {@link #mongoPostAndTag}. */
    static final String ID_LIST = "tagIds String[] @db.ObjectId";

    /** The relation field of a valid MongoDB model Post, for {@link #mongoPostAndTag}. */
    static final String TAGS = "tags   Tag[]    @relation(fields: [tagIds], references: [id])";

    private Validation() {
    }

    /** Validates {@code text}, which must parse without errors. */
    static ValidationResult validate(String text) {
        ParseResult parsed = SchemaParser.parse(new SourceFile("schema.prisma", text));
        assertThat(parsed.diagnostics()).as("syntax errors in the test schema").filteredOn(Diagnostic::isError)
                .isEmpty();
        return SchemaValidator.validate(parsed.schema());
    }

    /** Validates the standard datasources and generator followed by {@code blocks}. */
    static ValidationResult withDatasources(String blocks) {
        return validate(DATASOURCES + blocks);
    }

    /**
     * Validates a MongoDB model Post (lines 5 to 10) with the given id list (line 7) and relation
     * field (line 8), followed by {@link #MONGO_TAG}; {@code mongoPostAndTag(ID_LIST, TAGS)} is a
     * valid many-to-many relation.
     */
    static ValidationResult mongoPostAndTag(String idList, String tags) {
        return withDatasources("model Post {\n  id     String   @id @default(auto()) @map(\"_id\") @db.ObjectId\n  "
                + idList + "\n  " + tags + "\n  @@datasource(docs)\n}\n" + MONGO_TAG);
    }

    /** Asserts exactly one error, with that message at that line and column, and returns it. */
    static Diagnostic singleError(ValidationResult result, String message, int line, int column) {
        List<Diagnostic> errors = result.errors();
        assertThat(errors).as(render(errors)).hasSize(1);
        Diagnostic error = errors.get(0);
        assertThat(error.message()).isEqualTo(message);
        assertThat(error.line()).as("line of: " + error.render()).isEqualTo(line);
        assertThat(error.column()).as("column of: " + error.render()).isEqualTo(column);
        assertThat(result.definition()).isNull();
        return error;
    }

    /** Asserts no error and exactly one warning, with that message at that line and column, and returns it. */
    static Diagnostic singleWarning(ValidationResult result, String message, int line, int column) {
        valid(result);
        assertThat(result.warnings()).as(render(result.warnings())).hasSize(1);
        Diagnostic warning = result.warnings().get(0);
        assertThat(warning.message()).isEqualTo(message);
        assertThat(warning.line()).as("line of: " + warning.render()).isEqualTo(line);
        assertThat(warning.column()).as("column of: " + warning.render()).isEqualTo(column);
        return warning;
    }

    /** Asserts no errors and returns the result. */
    static ValidationResult valid(ValidationResult result) {
        assertThat(result.errors()).as(render(result.errors())).isEmpty();
        assertThat(result.definition()).isNotNull();
        return result;
    }

    static String render(List<Diagnostic> diagnostics) {
        StringBuilder text = new StringBuilder();
        diagnostics.forEach(d -> text.append(d.render()));
        return text.toString();
    }
}

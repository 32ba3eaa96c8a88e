package dev.refract.codegen.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.SeedSchemaFile;
import dev.refract.codegen.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaFormatterTest {

    private final SchemaFormatter formatter = new SchemaFormatter();

    private String format(String text) {
        FormatResult result = formatter.format(new SourceFile("schema.prisma", text));
        assertThat(result.hasErrors()).as("syntax errors: %s", result.diagnostics()).isFalse();
        return result.formatted();
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void alignsFieldNamesTypesAndAttributesInColumns() {
        String formatted = format(lines(
                "model User {",
                "id Int @id @default(autoincrement())",
                "   email    String @unique",
                "name String?",
                "posts Post[]",
                "}"));

        assertThat(formatted).isEqualTo(lines(
                "model User {",
                "  id    Int     @id @default(autoincrement())",
                "  email String  @unique",
                "  name  String?",
                "  posts Post[]",
                "}"));
    }

    @Test
    void startsANewAlignmentGroupAfterABlankLine() {
        String formatted = format(lines(
                "model User {",
                "  id Int @id",
                "",
                "",
                "  createdAt DateTime @default(now())",
                "  updatedAtTimestamp DateTime @updatedAt",
                "}"));

        assertThat(formatted).isEqualTo(lines(
                "model User {",
                "  id Int @id",
                "",
                "  createdAt          DateTime @default(now())",
                "  updatedAtTimestamp DateTime @updatedAt",
                "}"));
    }

    @Test
    void keepsExpiresAtInTheAttributeColumn() {
        String formatted = format(lines(
                "model Pass {",
                "id String @id",
                "validUntil   DateTime?   @expiresAt",
                "@@ttl(60)",
                "}"));

        assertThat(formatted).isEqualTo(lines(
                "model Pass {",
                "  id         String    @id",
                "  validUntil DateTime? @expiresAt",
                "",
                "  @@ttl(60)",
                "}"));
    }

    @Test
    void keepsCommentAndDocLinesInsideAnAlignmentGroupAsPrismaDoes() {
        String formatted = format(lines(
                "model User {",
                "  id Int @id",
                "  // contact details",
                "  /// The address mail goes to.",
                "  email String @unique",
                "}"));

        assertThat(formatted).isEqualTo(lines(
                "model User {",
                "  id    Int    @id",
                "  // contact details",
                "  /// The address mail goes to.",
                "  email String @unique",
                "}"));
    }

    @Test
    void keepsTrailingCommentsAfterTheLastColumn() {
        String formatted = format(lines(
                "model User {",
                "  id Int @id // the key",
                "  nickname String? // optional",
                "  @@map(\"users\")   // table name",
                "}"));

        assertThat(formatted).isEqualTo(lines(
                "model User {",
                "  id       Int     @id // the key",
                "  nickname String? // optional",
                "",
                "  @@map(\"users\") // table name",
                "}"));
    }

    @Test
    void movesBlockAttributesAfterTheFieldsBehindOneBlankLine() {
        String formatted = format(lines(
                "model Step {",
                "  @@map(\"steps\")",
                "  id String @id",
                "  runId String",
                "  position Int",
                "  @@unique([runId, position])",
                "",
                "",
                "}"));

        assertThat(formatted).isEqualTo(lines(
                "model Step {",
                "  id       String @id",
                "  runId    String",
                "  position Int",
                "",
                "  @@map(\"steps\")",
                "  @@unique([runId, position])",
                "}"));
    }

    @Test
    void movesTheCommentsDirectlyAboveABlockAttributeWithIt() {
        String formatted = format(lines(
                "model Run {",
                "  id String @id",
                "  // looked up by status",
                "  @@index([status])",
                "  status String",
                "}"));

        assertThat(formatted).isEqualTo(lines(
                "model Run {",
                "  id     String @id",
                "  status String",
                "",
                "  // looked up by status",
                "  @@index([status])",
                "}"));
    }

    @Test
    void expandsAOneLineDatasourceAndAlignsTheEqualsSigns() {
        String formatted = format(
                "datasource db { provider = \"postgresql\" url = env(\"DATABASE_URL\") poolSize = 20 }\n");

        assertThat(formatted).isEqualTo(lines(
                "datasource db {",
                "  provider = \"postgresql\"",
                "  url      = env(\"DATABASE_URL\")",
                "  poolSize = 20",
                "}"));
    }

    @Test
    void keepsConfigPropertyCommentsAndNormalisesSpacing() {
        String formatted = format(lines(
                "generator client {",
                "provider=\"refract-java\"   //the Java client",
                "      package    =   \"com.example.db\"",
                "}"));

        assertThat(formatted).isEqualTo(lines(
                "generator client {",
                "  provider = \"refract-java\" // the Java client",
                "  package  = \"com.example.db\"",
                "}"));
    }

    @Test
    void writesEnumValuesOnePerLineWithTheirAttributesAligned() {
        String formatted = format(lines(
                "/// Where a run stands.",
                "enum Status {",
                "  PENDING @map(\"pending\")",
                "  IN_PROGRESS    @map(\"in_progress\") // busy",
                "  /// Done.",
                "  DONE",
                "  @@map(\"status\")",
                "}"));

        assertThat(formatted).isEqualTo(lines(
                "/// Where a run stands.",
                "enum Status {",
                "  PENDING     @map(\"pending\")",
                "  IN_PROGRESS @map(\"in_progress\") // busy",
                "  /// Done.",
                "  DONE",
                "",
                "  @@map(\"status\")",
                "}"));
    }

    @Test
    void separatesTopLevelBlocksByExactlyOneBlankLineAndEndsWithANewline() {
        String formatted = format("\n\n// top\n\n\n\nenum A {\n  X\n}\nenum B {\n  Y\n}\n\n\n\n\nenum C {\n  Z\n}");

        assertThat(formatted).isEqualTo(lines(
                "// top",
                "",
                "enum A {",
                "  X",
                "}",
                "",
                "enum B {",
                "  Y",
                "}",
                "",
                "enum C {",
                "  Z",
                "}"));
    }

    @Test
    void keepsCommentsAttachedToTheBlockBelowThem() {
        String formatted = format(lines(
                "// lives in MongoDB",
                "//no space after the slashes",
                "model Item {",
                "  id String @id",
                "}"));

        assertThat(formatted).isEqualTo(lines(
                "// lives in MongoDB",
                "// no space after the slashes",
                "model Item {",
                "  id String @id",
                "}"));
    }

    @Test
    void writesStringsWithTheirEscapesAndExpressionsInCanonicalSpacing() {
        String formatted = format(lines(
                "model Post {",
                "  title String @default(\"say \\\"hi\\\"\\n\")",
                "  tags String[] @default([\"a\",\"b\" ,  \"c\"])",
                "  author User @relation(fields:[authorId],references:[id],onDelete:Cascade)",
                "  authorId Int",
                "  @@index([title ,authorId],map:\"by_title\")",
                "}"));

        assertThat(formatted).isEqualTo(lines(
                "model Post {",
                "  title    String   @default(\"say \\\"hi\\\"\\n\")",
                "  tags     String[] @default([\"a\", \"b\", \"c\"])",
                "  author   User     @relation(fields: [authorId], references: [id], onDelete: Cascade)",
                "  authorId Int",
                "",
                "  @@index([title, authorId], map: \"by_title\")",
                "}"));
    }

    @Test
    void dropsTrailingCommasInListsAndArguments() {
        String formatted = format(lines("model A {", "  id Int @id @default(dbgenerated(\"x\",))", "  @@index([id, ],)", "}"));

        assertThat(formatted).isEqualTo(lines("model A {", "  id Int @id @default(dbgenerated(\"x\"))", "", "  @@index([id])",
                "}"));
    }

    @Test
    void keepsStringsAsTheAuthorWroteThem() {
        String formatted = format(lines("model A {", "  name String @default(\"caf\\u00e9\\t\")", "}"));

        assertThat(formatted).isEqualTo(lines("model A {", "  name String @default(\"caf\\u00e9\\t\")", "}"));
    }

    @Test
    void keepsADocLineThatDocumentsNothingAsADocLine() {
        String formatted = format(lines(
                "model A {",
                "  id Int @id",
                "  /// nothing below",
                "}"));

        assertThat(formatted).isEqualTo(lines(
                "model A {",
                "  id Int @id",
                "  /// nothing below",
                "}"));
    }

    @Test
    void formatsACompositeTypeLikeAModel() {
        String formatted = format(lines("type Point {", "x Float", "label String?", "}"));

        assertThat(formatted).isEqualTo(lines("type Point {", "  x     Float", "  label String?", "}"));
    }

    @Test
    void leavesTheSeedSchemaAsItIs() throws IOException {
        String seed = Files.readString(SeedSchemaFile.path());

        FormatResult result = formatter.format(new SourceFile("schema.prisma", seed));

        assertThat(result.formatted()).isEqualTo(seed);
        assertThat(result.changed()).isFalse();
    }

    @Test
    void refusesToFormatAFileWithSyntaxErrors() {
        String broken = lines("model User {", "  id Int @id", "  name String @default(\"open", "}");

        FormatResult result = formatter.format(new SourceFile("schema.prisma", broken));

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.formatted()).isNull();
        assertThat(result.changed()).isFalse();
        assertThat(result.diagnostics()).anySatisfy(d -> assertThat(d.isError()).isTrue());
    }

    @ParameterizedTest
    @MethodSource("variedSchemas")
    void formattingTwiceGivesTheSameTextAndKeepsEveryNonBlankCharacter(String schema) {
        String once = format(schema);
        String twice = format(once);

        assertThat(twice).isEqualTo(once);
        assertThat(FormatterChecks.nonBlankCharacters(once)).isEqualTo(FormatterChecks.nonBlankCharacters(schema));
    }

    @ParameterizedTest
    @MethodSource("corpusSchemas")
    void formatsEveryCorpusSchemaIdempotentlyWithoutLosingText(Path schema) throws IOException {
        String text = Files.readString(schema);
        FormatResult first = formatter.format(new SourceFile(schema.toString(), text));
        if (first.hasErrors()) {
            // Corpus files with syntax errors exist to test the parser; they must be refused, never rewritten.
            assertThat(first.formatted()).isNull();
            return;
        }

        assertThat(format(first.formatted())).isEqualTo(first.formatted());
        assertThat(FormatterChecks.nonBlankCharacters(first.formatted()))
                .isEqualTo(FormatterChecks.nonBlankCharacters(text));
    }

    static Stream<Path> corpusSchemas() throws IOException {
        Path corpus = Path.of("src", "test", "resources", "corpus");
        if (!Files.isDirectory(corpus)) {
            return Stream.of(SeedSchemaFile.path());
        }
        List<Path> files;
        try (Stream<Path> listed = Files.walk(corpus)) {
            files = listed.filter(p -> p.toString().endsWith(".prisma")).sorted().toList();
        }
        return Stream.concat(Stream.of(SeedSchemaFile.path()), files.stream());
    }

    @Test
    void formatsAFileWithWindowsLineEndingsWithUnixOnes() {
        String formatted = format("model A {\r\n  id   Int @id\r\n}\r\n");

        assertThat(formatted).isEqualTo("model A {\n  id Int @id\n}\n");
    }

    static Stream<String> variedSchemas() throws IOException {
        return Stream.of(
                lines("// every construct",
                        "datasource db { provider = \"postgresql\" url = env(\"DATABASE_URL\") poolSize = 20 }",
                        "datasource docs { provider = \"mongodb\" url = env(\"MONGODB_URL\") } // documents",
                        "generator client {",
                        "  provider = \"refract-java\"",
                        "  package = \"com.example.db\"",
                        "  previewFeatures = [\"views\", \"multiSchema\"]",
                        "  strict = true",
                        "}",
                        "model User {",
                        "  id String @id @default(dbgenerated(\"gen_random_uuid()\")) @db.Uuid",
                        "  note String @default(\"tab\\tquote\\\" backslash\\\\ caf\u00e9 \u2603\")",
                        "  area Unsupported(\"polygon\")?",
                        "  @@index([id(sort: Desc), note], map: \"idx\", type: BTree)",
                        "  @@unique(fields: [id, note], name: \"pair\")",
                        "  @@ignore",
                        "}"),
                Files.readString(SeedSchemaFile.path()),
                lines("datasource db { provider = \"mysql\" url = \"mysql://localhost/app\" }",
                        "generator client { provider = \"refract-java\" package = \"a.b\" output = \"../gen\" }"),
                lines("model Weird {", "", "", "  // only a comment", "", "}", "", "", "", "// trailing file comment"),
                lines("model A {", "  @@id([x, y])", "  x Int", "  y Int", "  // after", "  @@map(\"a\") // table", "}"),
                lines("/// doc 1", "/// doc 2", "model Doc {", "  /// field doc", "  ///", "  id Int @id /// late doc",
                        "}"),
                lines("enum E {", "  A", "", "  // group two", "  B @map(\"b\")", "  C", "}"),
                lines("model U {", "  id Unsupported(\"circle\")? @default(dbgenerated(\"gen()\"))",
                        "  n Decimal @db.Decimal(10, 2)", "  f Float @default(-1.5e3)", "  b Boolean @default(true)",
                        "}"),
                lines("model Empty {", "}"),
                lines("type Address {", "street String", "city   String", "zip String? // optional", "}"));
    }
}

package dev.refract.codegen.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.BlankLine;
import dev.refract.codegen.ast.CommentLine;
import dev.refract.codegen.ast.ConfigBlock;
import dev.refract.codegen.ast.ConfigProperty;
import dev.refract.codegen.ast.EnumBlock;
import dev.refract.codegen.ast.EnumValue;
import dev.refract.codegen.ast.Expression;
import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.Member;
import dev.refract.codegen.ast.ModelBlock;
import dev.refract.codegen.ast.Schema;
import dev.refract.codegen.ast.TopLevelItem;
import dev.refract.codegen.ast.TypeRef;
import dev.refract.codegen.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The constructs of the schema language parse into the tree they stand for. */
class SyntaxFeaturesTest {

    @Test
    void parsesAWholeConfigBlockOnOneLine() {
        Schema schema = parseClean(
                "datasource db { provider = \"postgresql\" url = env(\"DATABASE_URL\") poolSize = 20 }\n");
        ConfigBlock db = schema.datasources().get(0);
        assertThat(db.properties()).extracting(p -> p.key().name()).containsExactly("provider", "url", "poolSize");
        assertThat(db.property("poolSize").orElseThrow().value()).isEqualTo(
                new Expression.NumberLiteral("20", db.property("poolSize").orElseThrow().value().span()));
        assertThat(text(schema, db.span().start(), db.span().end())).endsWith("poolSize = 20 }");
    }

    @Test
    void parsesSeveralPropertiesPerLineInAMultiLineBlock() {
        ConfigBlock client = parseClean("generator client {\n  provider = \"refract-java\" package = \"a.b\"\n"
                + "  output = \"gen\"\n}\n").generators().get(0);
        assertThat(client.properties()).extracting(p -> p.key().name())
                .containsExactly("provider", "package", "output");
    }

    @Test
    void parsesOneLineBlocksOneAfterAnother() {
        Schema schema = parseClean("datasource db { provider = \"postgresql\" url = env(\"A\") }\n"
                + "datasource cache { provider = \"redis\" url = env(\"B\") }\n"
                + "generator client { provider = \"refract-java\" package = \"x\" }\n");
        assertThat(schema.blocks()).extracting(b -> b.name().name()).containsExactly("db", "cache", "client");
    }

    @Test
    void treatsCrlfLineBreaksLikeLineFeeds() {
        String lf = "/// A user.\nmodel User {\n  id   Int    @id // key\n\n\n  name String\n}\n\nenum E {\n  A\n}\n";
        Schema unix = parseClean(lf);
        Schema windows = parseClean(lf.replace("\n", "\r\n"));
        ModelBlock user = windows.models().get(0);
        assertThat(user.doc()).isEqualTo("A user.");
        assertThat(user.field("id").orElseThrow().trailingComment()).isEqualTo("key");
        assertThat(user.members()).extracting(Member::getClass)
                .containsExactly(Field.class, BlankLine.class, Field.class);
        assertThat(windows.items()).extracting(TopLevelItem::getClass)
                .isEqualTo(unix.items().stream().map(TopLevelItem::getClass).toList());
        SourceFile file = windows.file();
        assertThat(file.line(user.field("name").orElseThrow().span().start())).isEqualTo(6);
    }

    @Test
    void reportsErrorPositionsInCrlfFilesByLineAndColumn() {
        ParseResult result = SchemaParser.parse(new SourceFile("s.prisma", "model A {\r\n  id\r\n}\r\n"));
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.column()).isEqualTo(3);
            assertThat(d.render()).contains("   2 |   id\n");
        });
    }

    @Test
    void collapsesConsecutiveBlankLinesIntoOne() {
        Schema schema = parseClean("\n\n// a\n\n\n\nmodel A {\n  id Int\n\n\n\n  b Int\n}\n");
        assertThat(schema.items()).extracting(TopLevelItem::getClass)
                .containsExactly(BlankLine.class, CommentLine.class, BlankLine.class, ModelBlock.class);
        assertThat(schema.models().get(0).members()).extracting(Member::getClass)
                .containsExactly(Field.class, BlankLine.class, Field.class);
    }

    @Test
    void joinsDocLinesOfBlocksFieldsAndEnumValues() {
        Schema schema = parseClean("""
                /// First line.
                ///Second line.
                ///
                /// Fourth line.
                model A {
                  /// The key.
                  id Int
                  /// Doc of b.
                  b Int /// More doc of b.
                }

                /// Roles.
                enum Role {
                  /// An ordinary user.
                  USER
                  ADMIN // can do anything
                }
                """);
        ModelBlock a = schema.models().get(0);
        assertThat(a.doc()).isEqualTo("First line.\nSecond line.\n\nFourth line.");
        assertThat(a.field("id").orElseThrow().doc()).isEqualTo("The key.");
        assertThat(a.field("b").orElseThrow().doc()).isEqualTo("Doc of b.\nMore doc of b.");
        EnumBlock role = schema.enums().get(0);
        assertThat(role.doc()).isEqualTo("Roles.");
        assertThat(role.values()).extracting(EnumValue::doc).containsExactly("An ordinary user.", "");
        assertThat(role.values()).extracting(EnumValue::trailingComment).containsExactly(null, "can do anything");
    }

    @Test
    void keepsDocLinesThatDocumentNothingAsCommentLines() {
        Schema schema = parseClean(
                "/// Orphan.\n\nmodel A {\n  id Int\n  /// Before an attribute.\n  @@map(\"a\")\n}\n");
        assertThat(schema.items().get(0)).isInstanceOfSatisfying(CommentLine.class,
                c -> assertThat(c.text()).isEqualTo("/ Orphan."));
        assertThat(schema.models().get(0).doc()).isEmpty();
        assertThat(schema.models().get(0).members().get(1)).isInstanceOfSatisfying(CommentLine.class,
                c -> assertThat(c.text()).isEqualTo("/ Before an attribute."));
    }

    @Test
    void attachesTrailingCommentsToTheirLine() {
        Schema schema = parseClean("""
                datasource db { // the main database
                  provider = "postgresql" // or mysql
                  url      = env("DATABASE_URL")
                }

                model A {
                  // a comment line
                  id Int @id //   the key  \s
                  @@map("a") // table name
                } // end of A
                """);
        ConfigBlock db = schema.datasources().get(0);
        assertThat(db.members().get(0)).isInstanceOfSatisfying(CommentLine.class,
                c -> assertThat(c.text()).isEqualTo("the main database"));
        assertThat(db.properties()).extracting(ConfigProperty::trailingComment).containsExactly("or mysql", null);
        ModelBlock a = schema.models().get(0);
        assertThat(a.members().get(0)).isInstanceOfSatisfying(CommentLine.class,
                c -> assertThat(c.text()).isEqualTo("a comment line"));
        assertThat(a.field("id").orElseThrow().trailingComment()).isEqualTo("  the key");
        assertThat(a.attributes("map").get(0).trailingComment()).isEqualTo("table name");
        assertThat(schema.items().get(schema.items().size() - 1)).isInstanceOfSatisfying(CommentLine.class,
                c -> assertThat(c.text()).isEqualTo("end of A"));
    }

    @Test
    void parsesUnsupportedTypesWithTheirArity() {
        ModelBlock a = parseClean("model A {\n  id Int @id\n  area Unsupported(\"polygon\")?\n"
                + "  path Unsupported(\"path\")[]\n  box Unsupported(\"box\")\n}\n").models().get(0);
        TypeRef area = a.field("area").orElseThrow().type();
        assertThat(area.isUnsupported()).isTrue();
        assertThat(area.unsupported()).isEqualTo("polygon");
        assertThat(area.name().name()).isEqualTo("Unsupported");
        assertThat(area.arity()).isEqualTo(TypeRef.Arity.OPTIONAL);
        assertThat(a.field("path").orElseThrow().type().arity()).isEqualTo(TypeRef.Arity.LIST);
        assertThat(a.field("box").orElseThrow().type().arity()).isEqualTo(TypeRef.Arity.REQUIRED);
        assertThat(a.field("id").orElseThrow().type().isUnsupported()).isFalse();
    }

    @Test
    void parsesNestedArraysAndCallsInsideArrays() {
        ModelBlock a = parseClean("model A {\n  a Int\n  b Int\n  @@index([a(sort: Desc), b], map: \"ix\")\n"
                + "  @@unique(fields: [[a], [b, [a]]],)\n}\n").models().get(0);
        Expression index = a.attributes("index").get(0).arguments().get(0).value();
        assertThat(index).isInstanceOfSatisfying(Expression.ArrayLiteral.class, array -> {
            assertThat(array.elements().get(0)).isInstanceOfSatisfying(Expression.FunctionCall.class, call -> {
                assertThat(call.name()).isEqualTo("a");
                assertThat(call.arguments().get(0).name().name()).isEqualTo("sort");
                assertThat(call.arguments().get(0).value()).isInstanceOf(Expression.ConstantRef.class);
            });
            assertThat(array.elements().get(1)).isInstanceOf(Expression.ConstantRef.class);
        });
        Expression nested = a.attributes("unique").get(0).argument("fields").orElseThrow().value();
        assertThat(nested).isInstanceOfSatisfying(Expression.ArrayLiteral.class, array -> {
            assertThat(array.elements()).hasSize(2).allMatch(Expression.ArrayLiteral.class::isInstance);
            Expression.ArrayLiteral second = (Expression.ArrayLiteral) array.elements().get(1);
            assertThat(second.elements().get(1)).isInstanceOf(Expression.ArrayLiteral.class);
        });
        assertThat(a.attributes("unique").get(0).arguments()).hasSize(1);
    }

    @Test
    void parsesNegativeDecimalAndExponentNumbers() {
        ModelBlock a = parseClean("""
                model A {
                  a Int    @default(-1)
                  b Float  @default(-1.5)
                  c Float  @default(0.25)
                  d Float  @default(1e3)
                  e Float  @default(-2.5E-3)
                  f Float  @default(6.02e+23)
                }
                """).models().get(0);
        assertThat(a.fields()).extracting(f -> ((Expression.NumberLiteral) f.attribute("default").orElseThrow()
                .arguments().get(0).value()).text())
                .containsExactly("-1", "-1.5", "0.25", "1e3", "-2.5E-3", "6.02e+23");
    }

    @Test
    void resolvesStringEscapes() {
        ConfigBlock db = parseClean("datasource db {\n  a = \"q\\\"b\\\\s\\nl\\tt\\rr\\u00e9\\u0041\"\n"
                + "  b = \"\"\n  c = \"caf\u00e9 \u2603 \ud83d\ude00\"\n}\n").datasources().get(0);
        assertThat(string(db, "a")).isEqualTo("q\"b\\s\nl\tt\rr\u00e9A");
        assertThat(string(db, "b")).isEmpty();
        assertThat(string(db, "c")).isEqualTo("caf\u00e9 \u2603 \ud83d\ude00");
    }

    @Test
    void parsesBooleansConstantsAndFunctionCalls() {
        ModelBlock a = parseClean("""
                model A {
                  id     String  @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid
                  active Boolean @default(true)
                  off    Boolean @default(false)
                  name   String  @db.VarChar(255)
                  bytes  Bytes   @default(env())
                }
                """).models().get(0);
        Attribute generated = a.field("id").orElseThrow().attribute("default").orElseThrow();
        assertThat(generated.arguments().get(0).value()).isInstanceOfSatisfying(Expression.FunctionCall.class,
                call -> assertThat(call.arguments().get(0).value()).isInstanceOfSatisfying(
                        Expression.StringLiteral.class, s -> assertThat(s.value()).isEqualTo("gen_random_uuid()")));
        assertThat(a.field("active").orElseThrow().attribute("default").orElseThrow().arguments().get(0).value())
                .isInstanceOfSatisfying(Expression.BooleanLiteral.class, b -> assertThat(b.value()).isTrue());
        assertThat(a.field("off").orElseThrow().attribute("default").orElseThrow().arguments().get(0).value())
                .isInstanceOfSatisfying(Expression.BooleanLiteral.class, b -> assertThat(b.value()).isFalse());
        Attribute varchar = a.field("name").orElseThrow().attribute("db.VarChar").orElseThrow();
        assertThat(varchar.arguments().get(0).value()).isInstanceOf(Expression.NumberLiteral.class);
        assertThat(a.field("id").orElseThrow().attribute("db.Uuid").orElseThrow().hasParentheses()).isFalse();
    }

    @Test
    void recordsWhetherAnAttributeHasParentheses() {
        ModelBlock a = parseClean("model A {\n  id Int @id()\n  b Int @unique\n  @@ignore\n  @@ignore()\n}\n")
                .models().get(0);
        assertThat(a.field("id").orElseThrow().attribute("id").orElseThrow().hasParentheses()).isTrue();
        assertThat(a.field("b").orElseThrow().attribute("unique").orElseThrow().hasParentheses()).isFalse();
        assertThat(a.attributes("ignore")).extracting(Attribute::hasParentheses).containsExactly(false, true);
    }

    @Test
    void parsesCompositeTypesAndMultiDatasourceAttributes() {
        Schema schema = parseClean("""
                type Address {
                  street String
                  zip    String?
                }

                model Session {
                  id      String  @id @default(uuid())
                  address Address
                  @@datasource(cache)
                  @@ttl(3600)
                  @@cache(cache, ttl: 60)
                }
                """);
        ModelBlock address = schema.models().get(0);
        assertThat(address.kind()).isEqualTo(ModelBlock.Kind.COMPOSITE_TYPE);
        assertThat(address.fields()).hasSize(2);
        ModelBlock session = schema.models().get(1);
        assertThat(session.attributes()).extracting(Attribute::name).containsExactly("datasource", "ttl", "cache");
    }

    @Test
    void parsesEnumValueAttributesAndEnumBlockAttributes() {
        EnumBlock status = parseClean("enum Status {\n  IN_PROGRESS @map(\"in_progress\")\n  DONE\n\n"
                + "  @@map(\"status\")\n}\n").enums().get(0);
        assertThat(status.values().get(0).attributes()).extracting(Attribute::name).containsExactly("map");
        assertThat(status.attributes()).extracting(Attribute::displayName).containsExactly("@@map");
        assertThat(status.members()).hasSize(4);
    }

    @Test
    void givesEveryNodeTheSpanOfItsText() {
        Schema schema = parseClean("model A {\n  id Int? @default(cuid()) // c\n}\n");
        Field id = schema.models().get(0).field("id").orElseThrow();
        assertThat(text(schema, id.span().start(), id.span().end())).isEqualTo("id Int? @default(cuid())");
        assertThat(text(schema, id.type().span().start(), id.type().span().end())).isEqualTo("Int?");
        Attribute dflt = id.attributes().get(0);
        assertThat(text(schema, dflt.span().start(), dflt.span().end())).isEqualTo("@default(cuid())");
        Expression call = dflt.arguments().get(0).value();
        assertThat(text(schema, call.span().start(), call.span().end())).isEqualTo("cuid()");
    }

    @Test
    void ignoresAByteOrderMarkAndParsesAnEmptyFile() {
        assertThat(parseClean("\uFEFFmodel A {\n  id Int\n}\n").models()).hasSize(1);
        assertThat(parseClean("").items()).isEmpty();
        assertThat(parseClean("// only a comment").items()).containsExactly(new CommentLine("only a comment",
                new dev.refract.codegen.source.Span(0, 17)));
    }

    private static String string(ConfigBlock block, String key) {
        return ((Expression.StringLiteral) block.property(key).orElseThrow().value()).value();
    }

    private static String text(Schema schema, int start, int end) {
        return schema.file().text().substring(start, end);
    }

    private static Schema parseClean(String text) {
        ParseResult result = SchemaParser.parse(new SourceFile("schema.prisma", text));
        assertThat(result.diagnostics()).as("diagnostics").extracting(d -> d.render()).isEqualTo(List.of());
        return result.schema();
    }
}

package dev.refract.r2dbc.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.meta.Arity;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.EnumMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Query;
import dev.refract.test.random.Draw;
import dev.refract.test.random.RandomCases;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever a table, column or enum is called in the database, it comes out as exactly one identifier. */
class HostileIdentifiersTest {

    private record Names(String table, String column, String enumName) {}

    private static SqlRenderer renderer(Names names) {
        SchemaMeta schema = new SchemaMeta(
                List.of(DatasourceMeta.fromEnvironment("db", 0, Provider.POSTGRESQL, "DATABASE_URL", PoolMeta.DEFAULTS)),
                List.of(new ModelMeta("Odd", names.table(), 0, 0, List.of(
                        FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId().withDbName(names.column()),
                        FieldMeta.enumField("state", "State", Arity.REQUIRED)),
                        KeyMeta.of(0), List.of(), List.of(), null, 0)),
                List.of(new EnumMeta("State", names.enumName(), List.of("A"))), List.of());
        return new SqlRenderer(schema, PostgresDialect.INSTANCE);
    }

    @Test
    void randomNamesComeOutAsOneCorrectlyQuotedIdentifierEach() {
        RandomCases.forAll(500, random -> new Names(name(random), name(random), name(random)), names -> {
            SqlStatement statement = renderer(names).render(new Operation.FindMany(0, new Query(
                    new Filter.Comparison(1, Filter.Operator.EQUALS, "A", Filter.Mode.DEFAULT), List.of(), 0, null,
                    null, List.of(), new dev.refract.query.Selection(List.of(0), List.of()))));
            String sql = statement.sql();
            Cursor cursor = new Cursor(sql);
            cursor.expect("SELECT ");
            assertThat(cursor.identifier()).isEqualTo(names.column());
            cursor.expect(" FROM ");
            assertThat(cursor.identifier()).isEqualTo(names.table());
            cursor.expect(" WHERE \"state\" = $1::");
            assertThat(cursor.identifier()).isEqualTo(names.enumName());
            assertThat(cursor.atEnd()).as("nothing follows in %s", sql).isTrue();
        });
    }

    @Test
    void quotesInsideNamesAreDoubled() {
        SqlStatement statement = renderer(new Names("a\"b", "x\"\"y", "E\"")).render(new Operation.FindMany(0,
                new Query(new Filter.Comparison(1, Filter.Operator.EQUALS, "A", Filter.Mode.DEFAULT), List.of(), 0,
                        null, null, List.of(), new dev.refract.query.Selection(List.of(0), List.of()))));

        assertThat(statement.sql())
                .isEqualTo("SELECT \"x\"\"\"\"y\" FROM \"a\"\"b\" WHERE \"state\" = $1::\"E\"\"\"");
    }

    @Test
    void rejectsANameWithNulNamingTheFix() {
        assertThatThrownBy(() -> renderer(new Names("bad\0table", "id", "E")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL")
                .hasMessageContaining("@map");
    }

    private static String name(java.util.SplittableRandom random) {
        String name = Draw.anyString(random, 1, 20).replace('\0', 'z');
        return name.isEmpty() ? "z" : name;
    }

    /** Reads SQL text the way PostgreSQL's lexer reads quoted identifiers. */
    private static final class Cursor {
        private final String sql;
        private int position;

        Cursor(String sql) {
            this.sql = sql;
        }

        void expect(String text) {
            assertThat(sql.startsWith(text, position)).as("%s expected at %d of %s", text, position, sql).isTrue();
            position += text.length();
        }

        String identifier() {
            assertThat(sql.charAt(position)).as("an identifier starts at %d of %s", position, sql).isEqualTo('"');
            StringBuilder name = new StringBuilder();
            int i = position + 1;
            while (true) {
                assertThat(i).as("the identifier closes in %s", sql).isLessThan(sql.length());
                char c = sql.charAt(i);
                if (c == '"') {
                    if (i + 1 < sql.length() && sql.charAt(i + 1) == '"') {
                        name.append('"');
                        i += 2;
                        continue;
                    }
                    position = i + 1;
                    return name.toString();
                }
                name.append(c);
                i++;
            }
        }

        boolean atEnd() {
            return position == sql.length();
        }
    }
}

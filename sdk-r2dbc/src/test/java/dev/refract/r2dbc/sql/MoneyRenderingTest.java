package dev.refract.r2dbc.sql;

import static dev.refract.r2dbc.sql.Statements.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.meta.Arity;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Aggregations;
import dev.refract.query.Filter;
import dev.refract.query.Filter.Operator;
import dev.refract.query.Operation;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL {@code money} column is read as {@code numeric} (the driver decodes no money), in
 * every place a statement returns it, and stays {@code money} where it is compared, written or sorted.
 */
class MoneyRenderingTest {

    private static final int ACCOUNT = 0;
    private static final int ID = 0;
    private static final int NAME = 1;
    private static final int BALANCE = 2;
    private static final int FIELDS = 3;

    /** An account whose balance is {@code Decimal @db.Money}, stored in the column {@code opening_balance}. */
    private static final SchemaMeta SCHEMA = new SchemaMeta(
            List.of(DatasourceMeta.fromEnvironment("db", 0, Provider.POSTGRESQL, "DATABASE_URL", PoolMeta.DEFAULTS)),
            List.of(new ModelMeta("Account", "Account", ACCOUNT, 0, List.of(
                            FieldMeta.scalar("id", ScalarType.INT, Arity.REQUIRED).asId(),
                            FieldMeta.scalar("name", ScalarType.STRING, Arity.REQUIRED),
                            FieldMeta.scalar("balance", ScalarType.DECIMAL, Arity.OPTIONAL)
                                    .withDbName("opening_balance").withNativeType("Money")),
                    KeyMeta.of(ID), List.of(), List.of(), null, 0)),
            List.of(), List.of());

    private static final SqlRenderer MONEY = new SqlRenderer(SCHEMA, PostgresDialect.INSTANCE);

    private static final String READ_COLUMNS = "\"id\", \"name\", \"opening_balance\"::numeric AS \"opening_balance\"";

    @Test
    void selectReadsMoneyAsNumericAndComparesAndSortsItAsMoney() {
        Query query = new Query(compare(BALANCE, Operator.GT, new BigDecimal("10.00")), List.of(desc(BALANCE)), 0,
                null, null, List.of(), Selection.ALL);

        SqlStatement statement = MONEY.render(new Operation.FindMany(ACCOUNT, query));

        assertThat(statement.sql()).isEqualTo("SELECT " + READ_COLUMNS + " FROM \"Account\""
                + " WHERE \"opening_balance\" > $1::money ORDER BY \"opening_balance\" DESC");
        assertThat(statement.result()).isEqualTo(new ResultShape.Rows(ACCOUNT, List.of(ID, NAME, BALANCE)));
    }

    @Test
    void findUniqueOfASelectedMoneyFieldReadsItAsNumeric() {
        assertThat(MONEY.render(new Operation.FindUnique(ACCOUNT, eq(ID, 1), fields(BALANCE, ID))).sql())
                .isEqualTo("SELECT \"opening_balance\"::numeric AS \"opening_balance\", \"id\" FROM \"Account\""
                        + " WHERE \"id\" = $1");
    }

    @Test
    void cursorPagesQualifyTheReadExpressionAndKeepTheAlias() {
        Query query = new Query(Filter.ALL, List.of(asc(ID)), 0, 2, eq(ID, 5), List.of(), fields(ID, BALANCE));

        assertThat(MONEY.render(new Operation.FindMany(ACCOUNT, query)).sql()).startsWith("SELECT \"Account\".\"id\","
                + " \"Account\".\"opening_balance\"::numeric AS \"opening_balance\" FROM \"Account\", (SELECT");
    }

    @Test
    void writesBindMoneyAndReturnItAsNumeric() {
        SqlStatement create = MONEY.render(new Operation.Create(ACCOUNT, data(set(ID, 1), set(NAME, "cash"),
                set(BALANCE, new BigDecimal("1234.56"))), Selection.ALL));
        SqlStatement update = MONEY.render(new Operation.Update(ACCOUNT, eq(ID, 1),
                data(set(BALANCE, new BigDecimal("7.5"))), fields(BALANCE)));
        SqlStatement delete = MONEY.render(new Operation.Delete(ACCOUNT, eq(ID, 1), Selection.ALL));

        assertThat(create.sql()).isEqualTo("INSERT INTO \"Account\" (\"id\", \"name\", \"opening_balance\")"
                + " VALUES ($1, $2, $3::money) RETURNING " + READ_COLUMNS);
        assertThat(update.sql()).isEqualTo("UPDATE \"Account\" SET \"opening_balance\" = $1::money"
                + " WHERE \"id\" = $2 RETURNING \"opening_balance\"::numeric AS \"opening_balance\"");
        assertThat(delete.sql()).isEqualTo("DELETE FROM \"Account\" WHERE \"id\" = $1 RETURNING " + READ_COLUMNS);
    }

    @Test
    void arithmeticOnMoneyComputesInNumericAndStoresMoney() {
        SqlStatement increment = MONEY.render(new Operation.UpdateMany(ACCOUNT, eq(ID, 1), new WriteData(List.of(
                new WriteData.FieldWrite(BALANCE, WriteData.WriteOp.INCREMENT, new BigDecimal("10.25"))))));
        SqlStatement multiply = MONEY.render(new Operation.UpdateMany(ACCOUNT, eq(ID, 1), new WriteData(List.of(
                new WriteData.FieldWrite(BALANCE, WriteData.WriteOp.MULTIPLY, new BigDecimal("1.5"))))));

        assertThat(increment.sql()).isEqualTo("UPDATE \"Account\" SET \"opening_balance\" ="
                + " (\"opening_balance\"::numeric + $1)::money WHERE \"id\" = $2");
        assertThat(multiply.sql()).isEqualTo("UPDATE \"Account\" SET \"opening_balance\" ="
                + " (\"opening_balance\"::numeric * $1)::money WHERE \"id\" = $2");
    }

    @Test
    void distinctReadsMoneyAsNumericOnlyInTheOuterSelect() {
        Query query = new Query(Filter.ALL, List.of(desc(BALANCE)), 0, null, null, List.of(NAME),
                fields(ID, BALANCE));

        assertThat(MONEY.render(new Operation.FindMany(ACCOUNT, query)).sql()).isEqualTo(
                "SELECT \"id\", \"opening_balance\"::numeric AS \"opening_balance\" FROM (SELECT DISTINCT ON (\"name\")"
                        + " \"id\", \"opening_balance\" FROM \"Account\" ORDER BY \"name\", \"opening_balance\" DESC)"
                        + " AS \"refract_distinct\" ORDER BY \"opening_balance\" DESC");
    }

    @Test
    void aggregatesOfMoneyComputeOverNumeric() {
        SqlStatement statement = MONEY.render(new Operation.Aggregate(ACCOUNT, Query.ALL, new Aggregations(true,
                List.of(BALANCE), List.of(BALANCE), List.of(BALANCE), List.of(BALANCE))));

        assertThat(statement.sql()).isEqualTo("SELECT count(*), sum(\"opening_balance\"::numeric),"
                + " avg(\"opening_balance\"::numeric), min(\"opening_balance\"::numeric),"
                + " max(\"opening_balance\"::numeric) FROM \"Account\"");
    }

    @Test
    void aggregateOverAPageReadsTheStoredColumnInTheSubquery() {
        Query page = new Query(Filter.ALL, List.of(asc(ID)), 0, 5, null, List.of(), Selection.ALL);

        assertThat(MONEY.render(new Operation.Aggregate(ACCOUNT, page, new Aggregations(false, List.of(BALANCE),
                List.of(), List.of(), List.of()))).sql()).isEqualTo("SELECT sum(\"opening_balance\"::numeric) FROM"
                + " (SELECT \"id\", \"name\", \"opening_balance\" FROM \"Account\" ORDER BY \"id\" LIMIT $1)"
                + " AS \"refract_aggregate\"");
    }

    @Test
    void groupByAMoneyKeyReadsItAsNumericAndHavingComparesTheAggregate() {
        int sumOfBalance = Aggregations.index(Aggregations.Function.SUM, BALANCE, FIELDS, FIELDS);
        SqlStatement statement = MONEY.render(new Operation.GroupBy(ACCOUNT, List.of(BALANCE), Filter.ALL,
                compare(sumOfBalance, Operator.GT, new BigDecimal("100")), List.of(asc(BALANCE)), 0, null,
                new Aggregations(false, List.of(BALANCE), List.of(), List.of(), List.of())));

        assertThat(statement.sql()).isEqualTo("SELECT \"opening_balance\"::numeric AS \"opening_balance\","
                + " sum(\"opening_balance\"::numeric) FROM \"Account\" GROUP BY \"opening_balance\""
                + " HAVING sum(\"opening_balance\"::numeric) > $1::money ORDER BY \"opening_balance\"");
    }

    @Test
    void otherDialectsReadTheColumnItself() {
        Dialect plain = new Dialect() {
            @Override public void identifier(StringBuilder sql, String name) { sql.append(name); }
            @Override public void placeholder(StringBuilder sql, int position) { }
            @Override public boolean reusesPlaceholders() { return false; }
            @Override public boolean supportsReturning() { return false; }
            @Override public boolean supportsDistinctOn() { return false; }
            @Override public String valueCast(ColumnType type) { return ""; }
            @Override public String elementCast(ColumnType type) { return ""; }
            @Override public String insensitiveLike() { return null; }
            @Override public String caseFold() { return "lower"; }
            @Override public char likeEscape() { return '\\'; }
            @Override public String likeEscapeClause() { return ""; }
            @Override public void nullsOrder(StringBuilder sql, dev.refract.query.OrderBy.Direction direction,
                    dev.refract.query.OrderBy.Nulls nulls) { }
            @Override public boolean nullsFirstByDefault(dev.refract.query.OrderBy.Direction direction) { return false; }
            @Override public void limitOffset(SqlBuilder sql, Integer take, int skip) { }
            @Override public String insertInto(boolean skipDuplicates) { return "INSERT INTO "; }
            @Override public String skipDuplicatesSuffix() { return ""; }
            @Override public void upsertUpdate(StringBuilder sql, List<String> conflictColumns) { }
            @Override public void listCondition(SqlBuilder sql, String column, ColumnType type, Operator operator,
                    Object value) { }
            @Override public void jsonPathCondition(SqlBuilder sql, String column, List<String> path,
                    Filter.JsonOperator operator, Object value, String pattern) { }
            @Override public String aggregateCast(Aggregations.Function function, ColumnType type) { return ""; }
        };

        assertThat(plain.readExpression("`opening_balance`", ColumnType.scalar(ScalarType.DECIMAL, false, "Money")))
                .isEqualTo("`opening_balance`");
        assertThat(PostgresDialect.INSTANCE.readExpression("\"b\"", ColumnType.scalar(ScalarType.DECIMAL, false,
                "Decimal(10, 2)"))).isEqualTo("\"b\"");
        assertThat(PostgresDialect.INSTANCE.readExpression("\"b\"", ColumnType.scalar(ScalarType.DECIMAL, true,
                "Money"))).isEqualTo("\"b\"::numeric[]");
    }
}

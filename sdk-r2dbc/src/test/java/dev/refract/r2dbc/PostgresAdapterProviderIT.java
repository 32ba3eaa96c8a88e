package dev.refract.r2dbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.error.RecordNotFoundException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.json.Json;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.query.Aggregations;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.FieldWrite;
import dev.refract.query.WriteData.WriteOp;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Row;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The provider found by {@link ServiceLoader}, its adapter running statements of the real SQL renderer. */
@RefractTestDatabases
class PostgresAdapterProviderIT {

    private final PostgresNamespace postgres;
    private Adapter adapter;

    PostgresAdapterProviderIT(PostgresNamespace postgres) {
        this.postgres = postgres;
    }

    @BeforeAll
    static void createTables(PostgresNamespace postgres) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute(TestSchema.DDL);
        }
    }

    @BeforeEach
    void createAdapter() {
        AdapterProvider provider = ServiceLoader.load(AdapterProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.supports(Provider.POSTGRESQL))
                .findFirst().orElseThrow();
        assertThat(provider).isInstanceOf(R2dbcAdapterProvider.class);
        adapter = provider.create(TestSchema.config(postgres.r2dbcUrl(), PoolMeta.DEFAULTS));
    }

    @AfterEach
    void closeAdapter() {
        adapter.close().block();
    }

    private static FieldWrite set(int field, Object value) {
        return new FieldWrite(field, WriteOp.SET, value);
    }

    private static Filter idIs(Object id) {
        return new Filter.Comparison(0, Filter.Operator.EQUALS, id, Filter.Mode.DEFAULT);
    }

    @Test
    void createsAndReadsBackEveryTypeThroughTheRenderedStatements() {
        Instant at = Instant.parse("2024-05-06T07:08:09.123456Z");
        Json doc = Json.of(Map.of("k", List.of("v", 1)));
        WriteData values = new WriteData(List.of(set(0, 1L), set(1, "first"), set(2, new BigDecimal("9.500000")),
                set(3, 1L << 40), set(4, new byte[] {7, 8}), set(5, at), set(6, at), set(7, doc),
                set(8, List.of("x", "y")), set(9, List.of()), set(10, "HAPPY"), set(11, false), set(12, 2.5d),
                set(13, 3)));
        StepVerifier.create(adapter.execute(new Operation.Create(TestSchema.VALUES, values, Selection.ALL)))
                .assertNext(result -> {
                    Row row = result.rows().get(0);
                    assertThat(row.get(1)).isEqualTo("first");
                    assertThat(row.get(2)).isEqualTo(new BigDecimal("9.500000"));
                    assertThat(row.get(3)).isEqualTo(1L << 40);
                    assertThat((byte[]) row.get(4)).containsExactly(7, 8);
                    assertThat(row.get(5)).isEqualTo(at);
                    assertThat(row.get(7)).isEqualTo(doc);
                    assertThat(row.getList(8)).containsExactly("x", "y");
                    assertThat(row.getList(9)).isEmpty();
                    assertThat(row.get(10)).isEqualTo("HAPPY");
                })
                .verifyComplete();
        Query byTag = new Query(new Filter.Comparison(8, Filter.Operator.HAS, "y", Filter.Mode.DEFAULT), List.of(), 0,
                null, null, List.of(), Selection.ALL);
        StepVerifier.create(adapter.stream(new Operation.FindMany(TestSchema.VALUES, byTag)))
                .assertNext(row -> assertThat(row.get(0)).isEqualTo(1L))
                .verifyComplete();
    }

    @Test
    void countsAggregatesAndStreamsOrderedRows() {
        for (int i = 1; i <= 5; i++) {
            WriteData owner = new WriteData(List.of(set(0, 100 + i), set(1, "o" + i + "@x"), set(2, "Owner " + i)));
            StepVerifier.create(adapter.execute(new Operation.Create(TestSchema.OWNER, owner, Selection.ALL)))
                    .expectNextCount(1).verifyComplete();
        }
        StepVerifier.create(adapter.execute(new Operation.Count(TestSchema.OWNER, Query.ALL)))
                .assertNext(result -> assertThat(result.count()).isEqualTo(5))
                .verifyComplete();
        Query descending = new Query(Filter.ALL, List.of(new OrderBy(0, OrderBy.Direction.DESC, OrderBy.Nulls.DEFAULT)), 0, 2, null, List.of(), Selection.ALL);
        StepVerifier.create(adapter.stream(new Operation.FindMany(TestSchema.OWNER, descending)))
                .assertNext(row -> assertThat(row.get(0)).isEqualTo(105))
                .assertNext(row -> assertThat(row.get(0)).isEqualTo(104))
                .verifyComplete();
        Aggregations aggregations = new Aggregations(true, List.of(0), List.of(), List.of(2), List.of(0));
        StepVerifier.create(adapter.execute(new Operation.Aggregate(TestSchema.OWNER, Query.ALL, aggregations)))
                .assertNext(result -> {
                    Row row = result.rows().get(0);
                    int fields = 4;
                    assertThat(row.get(Aggregations.countIndex(0))).isEqualTo(5L);
                    assertThat(row.get(Aggregations.index(Aggregations.Function.SUM, 0, 0, fields))).isEqualTo(515L);
                    assertThat(row.get(Aggregations.index(Aggregations.Function.MIN, 2, 0, fields)))
                            .isEqualTo("Owner 1");
                    assertThat(row.get(Aggregations.index(Aggregations.Function.MAX, 0, 0, fields))).isEqualTo(105);
                })
                .verifyComplete();
    }

    @Test
    void renderedWritesReportMissingRecordsAndDuplicateKeysTyped() {
        WriteData rename = new WriteData(List.of(set(2, "renamed")));
        StepVerifier.create(adapter.execute(new Operation.Update(TestSchema.OWNER, idIs(-1), rename, Selection.ALL)))
                .expectError(RecordNotFoundException.class)
                .verify();
        WriteData first = new WriteData(List.of(set(0, 201), set(1, "same@x"), set(2, "A")));
        WriteData second = new WriteData(List.of(set(0, 202), set(1, "same@x"), set(2, "B")));
        StepVerifier.create(adapter.execute(new Operation.Create(TestSchema.OWNER, first, Selection.ALL))
                        .then(adapter.execute(new Operation.Create(TestSchema.OWNER, second, Selection.ALL))))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(UniqueConstraintViolationException.class);
                    assertThat(((UniqueConstraintViolationException) error).fields()).containsExactly("email");
                })
                .verify();
    }
}

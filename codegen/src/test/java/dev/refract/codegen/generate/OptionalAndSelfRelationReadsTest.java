package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.meta.Provider;
import dev.refract.query.Filter;
import dev.refract.query.Filter.Comparison;
import dev.refract.query.Filter.Mode;
import dev.refract.query.Filter.Operator;
import dev.refract.query.Filter.Quantifier;
import dev.refract.query.Filter.Related;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.OrderBy.Direction;
import dev.refract.query.OrderBy.Key;
import dev.refract.query.OrderBy.Nulls;
import dev.refract.query.Selection;
import dev.refract.spi.Row;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Relation reads over optional, self and many-to-many relations, deeper than the seed schema goes:
 * null checks of optional to-one relations, sort keys through two relations, and a record counting
 * several to-many relations at once.
 */
class OptionalAndSelfRelationReadsTest {

    /** User: 0 id, 1 name, 2 manager, 3 managerId, 4 reports, 5 posts, 6 edited. Post: 0 id, 1 title, 2 author,
     *  3 authorId, 4 editor, 5 editorId, 6 tags. Tag: 0 id, 1 name, 2 posts. */
    private static final String SCHEMA = """
            model User {
              id        Int    @id
              name      String
              manager   User?  @relation("Reporting", fields: [managerId], references: [id])
              managerId Int?
              reports   User[] @relation("Reporting")
              posts     Post[] @relation("Written")
              edited    Post[] @relation("Edited")
            }

            model Post {
              id       Int    @id
              title    String
              author   User   @relation("Written", fields: [authorId], references: [id])
              authorId Int
              editor   User?  @relation("Edited", fields: [editorId], references: [id])
              editorId Int?
              tags     Tag[]
            }

            model Tag {
              id    Int    @id
              name  String @unique
              posts Post[]
            }
            """;

    private static final String SCENARIOS = """
            package com.example.app;

            import com.example.db.RefractClient;
            import dev.refract.spi.AdapterProvider;
            import org.reactivestreams.Publisher;

            public final class Scenarios {

                private Scenarios() {}

                private static RefractClient client(AdapterProvider provider) {
                    return RefractClient.builder().adapterProvider(provider).datasource("db", "r2dbc:postgresql://x/app").build();
                }

                public static Publisher<?> uneditedPostsOfManagedAuthors(AdapterProvider provider) {
                    return client(provider).post().findMany(q -> q
                            .where(w -> w.editor().isNull()
                                    .author().is(a -> a.manager().isNotNull()
                                            .posts().some(p -> p.tags().none(t -> t.name().eq("draft"))))));
                }

                public static Publisher<?> postsSortedByTheirEditorsManager(AdapterProvider provider) {
                    return client(provider).post().findMany(q -> q
                            .orderBy(o -> o.editor(e -> e.manager(m -> m.name().asc().reports().count().desc()))
                                    .tags().count().asc()));
                }

                public static Publisher<?> usersWithEveryCount(AdapterProvider provider) {
                    return client(provider).user().findMany(q -> q
                            .include(i -> i.count(c -> c.edited().reports(r -> r.name().startsWith("A")).posts())));
                }
            }
            """;

    private static SeedScenarios scenarios;

    @BeforeAll
    static void compile() {
        scenarios = SeedScenarios.compile(SchemaText.generate(SCHEMA), "com.example.app.Scenarios", SCENARIOS);
    }

    private static RecordingAdapter adapter(Row... rows) {
        return new RecordingAdapter(Provider.POSTGRESQL, List.of(rows));
    }

    @Test
    void optionalToOneChecksWhetherItIsSetAtAnyDepth() throws Exception {
        RecordingAdapter adapter = adapter();

        SeedScenarios.collect(scenarios.run("uneditedPostsOfManagedAuthors", adapter));

        Filter where = ((Operation.FindMany) adapter.operations().get(0)).query().where();
        assertThat(where).isEqualTo(new Filter.And(List.of(
                new Related(4, Quantifier.IS_NOT, Filter.ALL),
                new Related(2, Quantifier.IS, new Filter.And(List.of(
                        new Related(2, Quantifier.IS, Filter.ALL),
                        new Related(5, Quantifier.SOME, new Related(6, Quantifier.NONE,
                                new Comparison(1, Operator.EQUALS, "draft", Mode.DEFAULT)))))))));
    }

    @Test
    void sortKeysFollowTwoRelationsOfTheSameModel() throws Exception {
        RecordingAdapter adapter = adapter();

        SeedScenarios.collect(scenarios.run("postsSortedByTheirEditorsManager", adapter));

        List<OrderBy> orderBy = ((Operation.FindMany) adapter.operations().get(0)).query().orderBy();
        assertThat(orderBy).containsExactly(
                new OrderBy(new Key.RelatedField(List.of(4, 2), 1), Direction.ASC, Nulls.DEFAULT),
                new OrderBy(new Key.RelationCount(List.of(4, 2, 4)), Direction.DESC, Nulls.DEFAULT),
                new OrderBy(new Key.RelationCount(List.of(6)), Direction.ASC, Nulls.DEFAULT));
    }

    @Test
    void severalRelationsAreCountedAndMappedInDeclarationOrder() throws Exception {
        Map<Integer, Long> counts = new HashMap<>();
        counts.put(4, 2L);
        counts.put(5, 7L);
        counts.put(6, 0L);
        RecordingAdapter adapter = adapter(Row.of(1, "Ada", null, null, null, null, null, counts));

        Object user = SeedScenarios.collect(scenarios.run("usersWithEveryCount", adapter)).get(0);

        Selection selection = ((Operation.FindMany) adapter.operations().get(0)).query().selection();
        assertThat(selection.counts()).containsExactly(
                new Selection.RelationCount(6, Filter.ALL),
                new Selection.RelationCount(4, new Comparison(1, Operator.STARTS_WITH, "A", Mode.DEFAULT)),
                new Selection.RelationCount(5, Filter.ALL));
        assertThat(user.getClass().getMethod("relationCounts").invoke(user).toString())
                .isEqualTo("Counts[reports=2, posts=7, edited=0]");
    }

    @Test
    void nullCheckOfARequiredToOneRelationDoesNotCompile() {
        String misuse = SCENARIOS.replace("w.editor().isNull()", "w.author().isNull()");
        assertThat(misuse).isNotEqualTo(SCENARIOS);

        Map<String, String> sources = new HashMap<>(InMemoryCompiler.sources(SchemaText.generate(SCHEMA)));
        sources.put("com/example/app/Scenarios.java", misuse);

        assertThat(InMemoryCompiler.compile(sources).success()).isFalse();
    }
}

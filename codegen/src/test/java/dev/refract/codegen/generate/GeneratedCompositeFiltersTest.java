package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.json.Json;
import dev.refract.meta.Provider;
import dev.refract.query.Filter;
import dev.refract.query.Filter.Comparison;
import dev.refract.query.Filter.Embedded;
import dev.refract.query.Filter.IsNull;
import dev.refract.query.Filter.Mode;
import dev.refract.query.Filter.Operator;
import dev.refract.query.Filter.Quantifier;
import dev.refract.query.Operation;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.FieldWrite;
import dev.refract.query.WriteData.WriteOp;
import dev.refract.spi.Row;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conditions on composite values and writes of them, through the client generated for a MongoDB
 * schema: the {@link Filter} a generated where builder makes, its field indexes counted in each
 * composite type, and the {@link WriteData} a create or update builder makes.
 */
class GeneratedCompositeFiltersTest {

    /**
     * Field indexes: Venue id 0, name 1, address 2, mailing 3, hours 4, extra 5; Address street 0,
     * city 1, zip 2, location 3, tags 4; GeoPoint kind 0, coordinates 1; OpeningHours day 0, opens 1,
     * closes 2, breaks 3; Pause from 0, until 1, note 2.
     */
    static final String SCHEMA = """
            enum Weekday {
              MON @map("mon")
              TUE @map("tue")
            }

            type GeoPoint {
              kind        String  @default("Point")
              coordinates Float[]
            }

            type Address {
              street   String
              city     String
              zip      String?
              location GeoPoint?
              tags     String[]
            }

            type Pause {
              from  String
              until String
              note  Json?
            }

            type OpeningHours {
              day    Weekday
              opens  String
              closes String
              breaks Pause[]
            }

            model Venue {
              id      String         @id @default(auto()) @map("_id") @db.ObjectId
              name    String
              address Address
              mailing Address?
              hours   OpeningHours[]
              extra   Json?
              reviews Review[]
            }

            model Review {
              id      String @id @default(auto()) @map("_id") @db.ObjectId
              text    String
              venue   Venue  @relation(fields: [venueId], references: [id])
              venueId String @db.ObjectId
            }
            """;

    private static final String SCENARIOS = """
            package com.example.app;

            import com.example.db.Address;
            import com.example.db.GeoPoint;
            import com.example.db.OpeningHours;
            import com.example.db.Pause;
            import com.example.db.RefractClient;
            import com.example.db.ReviewWhere;
            import com.example.db.VenueCreate;
            import com.example.db.VenueUpdate;
            import com.example.db.VenueWhere;
            import com.example.db.Weekday;
            import dev.refract.json.Json;
            import dev.refract.query.Filter;
            import dev.refract.query.WriteData;
            import dev.refract.spi.AdapterProvider;
            import java.util.List;
            import org.reactivestreams.Publisher;

            public final class Scenarios {

                private Scenarios() {}

                static final Address BERLIN = new Address("Main St", "Berlin", null,
                        new GeoPoint("Point", List.of(13.4, 52.5)), List.of("old"));

                static final OpeningHours MONDAY = new OpeningHours(Weekday.MON, "09:00", "17:00",
                        List.of(new Pause("12:00", "13:00", null)));

                public static Filter addressEquals() {
                    return new VenueWhere().address().equals(BERLIN).build();
                }

                public static Filter addressIsNested() {
                    return new VenueWhere().address().is(a -> a
                            .city().eq("Berlin")
                            .location().is(l -> l.kind().eq("Point").coordinates().has(13.4))
                            .tags().has("old")).build();
                }

                public static Filter mailingIsNotAndSet() {
                    return new VenueWhere().mailing().isNot(a -> a.zip().isNull()).mailing().isSet(true).build();
                }

                public static Filter mailingNotSet() {
                    return new VenueWhere().mailing().isSet(false).build();
                }

                public static Filter addressGroups() {
                    return new VenueWhere().address().is(a -> a.or(x -> x.city().eq("Berlin"), x -> x.city().eq("Paris"))
                            .not(x -> x.street().startsWith("Old"))).build();
                }

                public static Filter hoursQuantified() {
                    return new VenueWhere()
                            .hours().some(h -> h.day().eq(Weekday.MON))
                            .hours().every(h -> h.opens().gte("08:00"))
                            .hours().none(h -> h.breaks().some(p -> p.from().eq("11:00")))
                            .build();
                }

                public static Filter jsonInsideAListInsideAList() {
                    return new VenueWhere().hours().some(h -> h.breaks().some(p -> p.note().path("reason")
                            .eq(Json.of("lunch")))).build();
                }

                public static Filter hoursEqualsAndEmptiness() {
                    return new VenueWhere().hours().equals(List.of(MONDAY)).hours().isEmpty(false).build();
                }

                public static Filter hoursEmpty() {
                    return new VenueWhere().hours().isEmpty(true).build();
                }

                public static Filter throughARelation() {
                    return new ReviewWhere().venue().is(v -> v.address().is(a -> a.city().eq("Berlin"))).build();
                }

                public static Filter nullWhole() {
                    return new VenueWhere().mailing().equals((Address) null).build();
                }

                public static Publisher<?> findMondayVenues(AdapterProvider provider) {
                    RefractClient db = RefractClient.builder().adapterProvider(provider)
                            .datasource("db", "mongodb://localhost/guide").build();
                    return db.venue().findMany(q -> q.where(w -> w.hours().some(h -> h.day().eq(Weekday.TUE))));
                }

                public static WriteData createWithWholeValues() {
                    return new VenueCreate().name("Mitte").address(BERLIN).mailing(BERLIN).hours(List.of(MONDAY)).build();
                }

                public static WriteData unsetMailingAndClearHours() {
                    return new VenueUpdate().mailing(null).hours(List.of()).build();
                }

                public static WriteData replaceAddress() {
                    return new VenueUpdate().address(new Address("Rue 1", "Paris", "75001", null, List.of())).build();
                }

                public static WriteData requiredAddressToNull() {
                    return new VenueUpdate().address(null).build();
                }

                public static WriteData addressWithoutCity() {
                    return new VenueUpdate().address(new Address("Main St", null, null, null, List.of())).build();
                }

                public static WriteData hoursWithANullElement() {
                    return new VenueUpdate().hours(java.util.Arrays.asList(MONDAY, null)).build();
                }

                public static WriteData pointWithoutItsDefaultedKind() {
                    return new VenueUpdate().address(new Address("Main St", "Berlin", null,
                            new GeoPoint(null, List.of(1.0, 2.0)), List.of())).build();
                }
            }
            """;

    private static final Row BERLIN = Row.of("Main St", "Berlin", null, Row.of("Point", List.of(13.4, 52.5)),
            List.of("old"));

    private static final Row MONDAY = Row.of("mon", "09:00", "17:00", List.of(Row.of("12:00", "13:00", null)));

    private static SeedScenarios scenarios;

    @BeforeAll
    static void compile() {
        scenarios = SeedScenarios.compile(new JavaGenerator().generate(SchemaText.mongoDefinition(SCHEMA)),
                "com.example.app.Scenarios", SCENARIOS);
    }

    private static Comparison equalTo(int field, Object value) {
        return new Comparison(field, Operator.EQUALS, value, Mode.DEFAULT);
    }

    @Test
    void equalsComparesTheWholeValueAsANestedRow() throws Exception {
        assertThat(scenarios.run("addressEquals")).isEqualTo(equalTo(2, BERLIN));
    }

    @Test
    void isFiltersTheCompositesOwnFieldsToAnyDepth() throws Exception {
        assertThat(scenarios.run("addressIsNested")).isEqualTo(new Embedded(2, Quantifier.IS, new Filter.And(List.of(
                equalTo(1, "Berlin"),
                new Embedded(3, Quantifier.IS, new Filter.And(List.of(
                        equalTo(0, "Point"),
                        new Comparison(1, Operator.HAS, 13.4, Mode.DEFAULT)))),
                new Comparison(4, Operator.HAS, "old", Mode.DEFAULT)))));
    }

    @Test
    void optionalCompositeOffersIsNotAndIsSet() throws Exception {
        assertThat(scenarios.run("mailingIsNotAndSet")).isEqualTo(new Filter.And(List.of(
                new Embedded(3, Quantifier.IS_NOT, new IsNull(2, true)),
                new IsNull(3, false))));
        assertThat(scenarios.run("mailingNotSet")).isEqualTo(new IsNull(3, true));
    }

    @Test
    void compositeConditionsGroupWithAndOrNot() throws Exception {
        assertThat(scenarios.run("addressGroups")).isEqualTo(new Embedded(2, Quantifier.IS, new Filter.And(List.of(
                new Filter.Or(List.of(equalTo(1, "Berlin"), equalTo(1, "Paris"))),
                new Filter.Not(new Comparison(0, Operator.STARTS_WITH, "Old", Mode.DEFAULT))))));
    }

    @Test
    void listsOfCompositesAreQuantifiedAndEnumsTravelAsTheirDatabaseNames() throws Exception {
        assertThat(scenarios.run("hoursQuantified")).isEqualTo(new Filter.And(List.of(
                new Embedded(4, Quantifier.SOME, equalTo(0, "mon")),
                new Embedded(4, Quantifier.EVERY, new Comparison(1, Operator.GTE, "08:00", Mode.DEFAULT)),
                new Embedded(4, Quantifier.NONE, new Embedded(3, Quantifier.SOME, equalTo(0, "11:00"))))));
    }

    @Test
    void jsonPathsReachIntoAValueInsideNestedLists() throws Exception {
        assertThat(scenarios.run("jsonInsideAListInsideAList")).isEqualTo(new Embedded(4, Quantifier.SOME,
                new Embedded(3, Quantifier.SOME,
                        new Filter.JsonPath(2, List.of("reason"), Filter.JsonOperator.EQUALS, Json.of("lunch")))));
    }

    @Test
    void listsOfCompositesCompareWholeAndByEmptiness() throws Exception {
        Comparison empty = new Comparison(4, Operator.IS_EMPTY, null, Mode.DEFAULT);

        assertThat(scenarios.run("hoursEqualsAndEmptiness")).isEqualTo(new Filter.And(List.of(
                equalTo(4, List.of(MONDAY)),
                new Filter.Not(empty))));
        assertThat(scenarios.run("hoursEmpty")).isEqualTo(empty);
    }

    @Test
    void compositeConditionsFollowARelationToTheRelatedModel() throws Exception {
        assertThat(scenarios.run("throughARelation")).isEqualTo(new Filter.Related(2, Quantifier.IS,
                new Embedded(2, Quantifier.IS, equalTo(1, "Berlin"))));
    }

    @Test
    void aNullWholeValueIsRefusedWithWhatToUseInstead() {
        assertThatThrownBy(() -> scenarios.run("nullWhole")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("mailing().isSet(false)");
    }

    @Test
    void theClientSendsTheEmbeddedConditionToTheAdapter() throws Exception {
        RecordingAdapter adapter = new RecordingAdapter(Provider.MONGODB, List.of());

        SeedScenarios.collect(scenarios.run("findMondayVenues", adapter));

        Operation.FindMany findMany = (Operation.FindMany) adapter.operations().get(0);
        assertThat(findMany.query().where()).isEqualTo(new Embedded(4, Quantifier.SOME, equalTo(0, "tue")));
    }

    @Test
    void createSetsWholeCompositeValuesAndListsAsNestedRows() throws Exception {
        WriteData data = (WriteData) scenarios.run("createWithWholeValues");

        assertThat(data.writes()).contains(
                new FieldWrite(2, WriteOp.SET, BERLIN),
                new FieldWrite(3, WriteOp.SET, BERLIN),
                new FieldWrite(4, WriteOp.SET, List.of(MONDAY)));
    }

    @Test
    void updateReplacesAWholeValueAndNullUnsetsAnOptionalOne() throws Exception {
        assertThat(((WriteData) scenarios.run("unsetMailingAndClearHours")).writes()).containsExactly(
                new FieldWrite(3, WriteOp.SET, null),
                new FieldWrite(4, WriteOp.SET, List.of()));
        assertThat(((WriteData) scenarios.run("replaceAddress")).writes()).containsExactly(
                new FieldWrite(2, WriteOp.SET, Row.of("Rue 1", "Paris", "75001", null, List.of())));
    }

    @Test
    void aRequiredFieldOfACompositeValueCannotBeNullButADefaultedOneIsLeftToTheDefault() throws Exception {
        assertThatThrownBy(() -> scenarios.run("addressWithoutCity")).isInstanceOf(NullPointerException.class)
                .hasMessage("Field 'city' of type Address is required and cannot be null");
        assertThat(((WriteData) scenarios.run("pointWithoutItsDefaultedKind")).writes()).containsExactly(
                new FieldWrite(2, WriteOp.SET, Row.of("Main St", "Berlin", null, Row.of(null, List.of(1.0, 2.0)),
                        List.of())));
    }

    @Test
    void aListOfCompositeValuesCannotHoldNull() {
        assertThatThrownBy(() -> scenarios.run("hoursWithANullElement")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("A list of OpeningHours values cannot hold null");
    }

    @Test
    void aRequiredCompositeCannotBeUnset() {
        assertThatThrownBy(() -> scenarios.run("requiredAddressToNull")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("'address' is required");
    }
}

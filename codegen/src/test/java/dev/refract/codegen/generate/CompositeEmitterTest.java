package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompositeEmitterTest {

    private final GenerationContext context = Emitted.context(UnusualSchemaCompilesTest.unusual());

    @Test
    void emitsRecordOfTheCompositeType() {
        String source = Emitted.render(context, new CompositeEmitter(context).emitRecord(context.schema().compositeTypes().get(0)));

        assertThat(source).contains("A postal address.").contains("public record Address(String street, String zip, Role kind)");
    }

    @Test
    void codecConvertsToAndFromNestedRows() {
        String source = Emitted.render(context, new CompositeEmitter(context).emitCodec(context.schema().compositeTypes().get(0)));

        assertThat(source).contains("final class AddressCodec")
                .contains("Role.fromDbName((String) row.get(2))")
                .contains("static Row encode(Address value)")
                .contains("value.zip(),");
    }

    @Test
    void encodingRefusesNullWhereTheTypeRequiresAValue() {
        String source = Emitted.render(context, new CompositeEmitter(context).emitCodec(context.schema().compositeTypes().get(0)));

        assertThat(source)
                .contains("Objects.requireNonNull(value.street(), \"Field 'street' of type Address is required and cannot be null\")")
                .contains("Objects.requireNonNull(value.kind(), \"Field 'kind' of type Address is required and cannot be null\").dbName()")
                .contains("encode(Objects.requireNonNull(value, \"A list of Address values cannot hold null: remove the null element\"))");
    }

    @Test
    void whereBuilderOfTheCompositeTypeCountsFieldsInTheType() {
        String source = Emitted.render(context, new WhereEmitter(context).emitCompositeWhere(context.schema().compositeTypes().get(0)));

        assertThat(source).contains("public final class AddressWhere extends WhereBuilder<AddressWhere>")
                .contains("public StringCondition<AddressWhere> street() {\n        return new StringCondition<>(this, 0, \"street\");")
                .contains("public StringCondition.Nullable<AddressWhere> zip() {\n        return new StringCondition.Nullable<>(this, 1, \"zip\");")
                .contains("public ValueCondition<AddressWhere, Role> kind() {\n        return new ValueCondition<>(this, 2, \"kind\", Role::dbName);")
                .doesNotContain("FieldRef");
    }

    @Test
    void modelWhereBuilderHandsCompositeFieldsToTheTypesWhereBuilder() {
        String source = Emitted.render(context, new WhereEmitter(context).emitWhere(context.model("URLAccount")));

        assertThat(source)
                .contains("public CompositeFilter.Single.Nullable<URLAccountWhere, Address, AddressWhere> home() {\n"
                        + "        return new CompositeFilter.Single.Nullable<>(this, 10, \"home\", AddressCodec::encode, AddressWhere::new);")
                .contains("public CompositeFilter.Many<URLAccountWhere, Address, AddressWhere> previous() {\n"
                        + "        return new CompositeFilter.Many<>(this, 11, \"previous\", AddressCodec::encode, AddressWhere::new);")
                .doesNotContain("FieldRef<URLAccountWhere, Address>");
    }
}

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
                .contains("value.kind() == null ? null : value.kind().dbName()")
                .contains("static Row encode(Address value)");
    }
}

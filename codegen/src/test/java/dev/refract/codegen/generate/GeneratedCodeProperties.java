package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.meta.ScalarType;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any mix of scalar field types and arities generates a client that compiles without a warning. */
class GeneratedCodeProperties {

    private record FieldShape(ScalarType type, int arity) {}

    @Provide
    Arbitrary<List<FieldShape>> fieldShapes() {
        Arbitrary<FieldShape> shape = Combinators.combine(Arbitraries.of(ScalarType.class), Arbitraries.integers().between(0, 2))
                .as(FieldShape::new);
        return shape.list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 12)
    void anyScalarFieldMixCompilesCleanly(@ForAll("fieldShapes") List<FieldShape> shapes) {
        List<FieldDefinition> fields = new ArrayList<>();
        fields.add(SeedSchemaFixture.field("id").id().build());
        for (int i = 0; i < shapes.size(); i++) {
            FieldShape shape = shapes.get(i);
            SeedSchemaFixture.FieldBuilder field = SeedSchemaFixture.field("field" + i).scalar(shape.type());
            if (shape.arity() == 1) {
                field.optional();
            } else if (shape.arity() == 2) {
                field.list();
            }
            fields.add(field.build());
        }
        SchemaDefinition schema = SeedSchemaFixture.singleModel(fields.toArray(FieldDefinition[]::new));

        InMemoryCompiler.Result result = InMemoryCompiler.compile(InMemoryCompiler.sources(new JavaGenerator().generate(schema)));

        assertThat(result.success()).as(shapes + "\n" + result.diagnostics()).isTrue();
    }
}

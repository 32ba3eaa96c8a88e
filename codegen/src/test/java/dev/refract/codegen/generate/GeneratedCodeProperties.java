package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.meta.ScalarType;
import dev.refract.test.random.Draw;
import dev.refract.test.random.RandomCases;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Any mix of scalar field types and arities generates a client that compiles without a warning. */
class GeneratedCodeProperties {

    /** A scalar field's type and arity: 0 required, 1 optional, 2 list. */
    private record FieldShape(ScalarType type, int arity) {

        static FieldShape draw(SplittableRandom random) {
            return new FieldShape(Draw.oneOf(random, List.of(ScalarType.values())), Draw.between(random, 0, 2));
        }
    }

    @Test
    void anyScalarFieldMixCompilesCleanly() {
        RandomCases.forAll(12, random -> Draw.listOf(random, 1, 8, FieldShape::draw),
                GeneratedCodeProperties::compilesCleanly);
    }

    private static void compilesCleanly(List<FieldShape> shapes) {
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

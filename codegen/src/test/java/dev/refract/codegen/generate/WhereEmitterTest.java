package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WhereEmitterTest {

    @Test
    void choosesConditionTypeByFieldTypeAndArity() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context, new WhereEmitter(context).emitWhere(Emitted.model(context, "PipelineStep")));

        assertThat(source).contains("extends WhereBuilder<PipelineStepWhere>")
                .contains("public StringCondition<PipelineStepWhere> name()")
                .contains("public ComparableCondition<PipelineStepWhere, Integer> position()")
                .contains("public ComparableCondition.Nullable<PipelineStepWhere, Long> durationMs()")
                .contains("public ValueCondition<PipelineStepWhere, Status> status()")
                .contains("new ValueCondition<>(this, 5, \"status\", Status::dbName)")
                .contains("public JsonCondition.Nullable<PipelineStepWhere> output()")
                .contains("new JsonCondition.Nullable<>(this, 8, \"output\")");
    }

    @Test
    void relationConditionsFitTheRelationsArity() {
        GenerationContext context = Emitted.seedContext();

        String run = Emitted.render(context, new WhereEmitter(context).emitWhere(Emitted.model(context, "PipelineRun")));
        String step = Emitted.render(context, new WhereEmitter(context).emitWhere(Emitted.model(context, "PipelineStep")));

        assertThat(run).contains("public RelationFilter.ToMany<PipelineRunWhere, PipelineStepWhere> steps()")
                .contains("return new RelationFilter.ToMany<>(this, 7, \"steps\", PipelineStepWhere::new);");
        assertThat(step).contains("public RelationFilter.ToOne<PipelineStepWhere, PipelineRunWhere> run()")
                .contains("return new RelationFilter.ToOne<>(this, 1, \"run\", PipelineRunWhere::new);")
                .doesNotContain("Nullable<PipelineStepWhere, PipelineRunWhere>");
    }

    @Test
    void optionalToOneRelationAlsoTestsWhetherItIsSet() {
        GenerationContext context = Emitted.context(SchemaText.definition("""
                model Post {
                  id       Int   @id
                  editorId Int?
                  editor   User? @relation(fields: [editorId], references: [id])
                }

                model User {
                  id     Int    @id
                  edited Post[]
                }
                """));

        String source = Emitted.render(context, new WhereEmitter(context).emitWhere(Emitted.model(context, "Post")));

        assertThat(source).contains("public RelationFilter.ToOne.Nullable<PostWhere, UserWhere> editor()")
                .contains("return new RelationFilter.ToOne.Nullable<>(this, 2, \"editor\", UserWhere::new);");
    }

    @Test
    void relationsToAnotherDatasourceHaveTypedConditionsAndTheJavadocSaysHowTheyResolve() {
        GenerationContext context = Emitted.context(UnusualSchemaCompilesTest.unusual());

        String source = Emitted.render(context, new WhereEmitter(context).emitWhere(Emitted.model(context, "URLAccount")));

        assertThat(source).contains("RelationFilter")
                .contains("Conditions on relations to models of another datasource ({@code profile}) are")
                .contains("one look-up on the other datasource reads the")
                .contains("{@code crossDatasourceKeyLimit}")
                .contains("Such relations offer no sort key and no")
                .doesNotContain("{@code in(...)}");
    }

    @Test
    void seedRelationsAcrossDatasourcesAreTypedAsWithinOne() {
        GenerationContext context = Emitted.seedContext();

        String run = Emitted.render(context, new WhereEmitter(context).emitWhere(Emitted.model(context, "PipelineRun")));
        String content = Emitted.render(context, new WhereEmitter(context).emitWhere(Emitted.model(context, "ContentItem")));

        assertThat(run).contains("public RelationFilter.ToMany<PipelineRunWhere, ContentItemWhere> contentItems()")
                .contains("new RelationFilter.ToMany<>(this, 8, \"contentItems\", ContentItemWhere::new)")
                .contains("The related records live in another datasource");
        assertThat(content).contains("public RelationFilter.ToOne<ContentItemWhere, PipelineRunWhere> run()")
                .contains("public RelationFilter.ToOne.Nullable<ContentItemWhere, SessionWhere> session()");
    }

    @Test
    void everySingleValuedFieldHasATypedReferenceForFieldComparisons() {
        GenerationContext context = Emitted.seedContext();

        String step = Emitted.render(context, new WhereEmitter(context).emitWhere(Emitted.model(context, "PipelineStep")));
        String content = Emitted.render(context, new WhereEmitter(context).emitWhere(Emitted.model(context, "ContentItem")));

        assertThat(step).contains("public static final FieldRef<PipelineStepWhere, Integer> POSITION = new FieldRef<>(3, \"position\");")
                .contains("public static final FieldRef<PipelineStepWhere, Long> DURATION_MS = new FieldRef<>(7, \"durationMs\");")
                .contains("public static final FieldRef<PipelineStepWhere, Status> STATUS = new FieldRef<>(5, \"status\");")
                .contains("public static final FieldRef<PipelineStepWhere, Json> OUTPUT = new FieldRef<>(8, \"output\");")
                .doesNotContain(" RUN =");
        assertThat(content).contains("FieldRef<ContentItemWhere, String> TITLE")
                .as("a list field is compared with has/hasEvery/hasSome/isEmpty, not with another field")
                .doesNotContain(" TAGS =");
    }

    @Test
    void havingKeepsJsonKeysAsPlainValues() {
        GenerationContext context = Emitted.seedContext();
        ModelNames names = context.names(Emitted.model(context, "PipelineStep"));

        String condition = new WhereEmitter(context).condition(Emitted.model(context, "PipelineStep"),
                Emitted.model(context, "PipelineStep").field("output").orElseThrow(), names.having()).toString();

        assertThat(condition).contains("ValueCondition.Nullable").doesNotContain("JsonCondition");
    }

    @Test
    void listFieldsGetListConditions() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context, new WhereEmitter(context).emitWhere(Emitted.model(context, "ContentItem")));

        assertThat(source).contains("public ListCondition<ContentItemWhere, String> tags()")
                .contains("public JsonCondition<ContentItemWhere> metadata()");
    }

    @Test
    void uniqueWhereOffersIdAndEveryUniqueKey() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context,
                new WhereEmitter(context).emitWhereUnique(Emitted.model(context, "PipelineStep")));

        assertThat(source).contains("public PipelineStepWhereUnique id(String id)")
                .contains("public PipelineStepWhereUnique runIdPosition(String runId, Integer position)")
                .contains("public PipelineStepWhereUnique and(Consumer<PipelineStepWhere> conditions)")
                .contains("needs a unique key: call one of id(...), runIdPosition(...)");
    }
}

package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.MissingRequiredFieldException;
import dev.refract.query.Filter;
import dev.refract.query.Filter.Comparison;
import dev.refract.query.Filter.Mode;
import dev.refract.query.Filter.Operator;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.FieldWrite;
import dev.refract.query.WriteData.NestedWrite;
import dev.refract.query.WriteData.RelationWrite;
import dev.refract.query.WriteData.WriteOp;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The nested writes the generated seed builders produce: the relation field's index, the related
 * model's values converted by its own builder (enums as database names), its unique keys as
 * filters, and the foreign key left to the parent.
 */
class GeneratedNestedWritesTest {

    private static final String SCENARIOS = """
            package com.example.app;

            import com.example.pipeline.db.PipelineRunCreate;
            import com.example.pipeline.db.PipelineStepCreate;
            import com.example.pipeline.db.PipelineStepUpdate;
            import com.example.pipeline.db.Status;
            import dev.refract.query.WriteData;

            public final class NestedWrites {

                private NestedWrites() {}

                public static WriteData runWithSteps() {
                    return new PipelineRunCreate().name("video")
                            .steps(s -> s.create(c -> c.position(1).name("script").status(Status.RUNNING))
                                    .connect(w -> w.runIdPosition("run-0", 2)))
                            .build();
                }

                public static WriteData stepOfAnExistingRun() {
                    return new PipelineStepCreate().position(1).name("script")
                            .run(r -> r.connect(w -> w.id("run-1")))
                            .build();
                }

                public static WriteData stepWithoutRun() {
                    return new PipelineStepCreate().position(1).name("script").build();
                }

                public static WriteData stepWithoutPositionCreatedThroughItsRun() {
                    return new PipelineRunCreate().name("video").steps(s -> s.create(c -> c.name("script"))).build();
                }

                public static WriteData costOfTheStepsRun() {
                    return new PipelineStepUpdate().name("voice")
                            .run(r -> r.update(u -> u.cost().increment(1.5)))
                            .build();
                }
            }
            """;

    private static SeedScenarios scenarios;

    @BeforeAll
    static void compile() {
        scenarios = SeedScenarios.compile("com.example.app.NestedWrites", SCENARIOS);
    }

    @Test
    void nestedCreateIsBuiltByTheRelatedCreateBuilderWithoutTheForeignKey() throws Exception {
        WriteData data = (WriteData) scenarios.run("runWithSteps");

        assertThat(data.writes()).containsExactly(new FieldWrite(1, WriteOp.SET, "video"));
        WriteData step = new WriteData(List.of(new FieldWrite(3, WriteOp.SET, 1), new FieldWrite(4, WriteOp.SET, "script"),
                new FieldWrite(5, WriteOp.SET, "RUNNING")));
        Filter runIdPosition = new Filter.And(List.of(new Comparison(2, Operator.EQUALS, "run-0", Mode.DEFAULT),
                new Comparison(3, Operator.EQUALS, 2, Mode.DEFAULT)));
        assertThat(data.relations()).containsExactly(new RelationWrite(7, List.of(
                new NestedWrite.Create(List.of(step)),
                new NestedWrite.Connect(List.of(runIdPosition)))));
    }

    @Test
    void requiredRelationGivenByANestedWriteNeedsNoForeignKey() throws Exception {
        WriteData data = (WriteData) scenarios.run("stepOfAnExistingRun");

        assertThat(data.writes()).containsExactly(new FieldWrite(3, WriteOp.SET, 1), new FieldWrite(4, WriteOp.SET, "script"));
        assertThat(data.relations()).containsExactly(new RelationWrite(1, List.of(
                new NestedWrite.Connect(List.of(new Comparison(0, Operator.EQUALS, "run-1", Mode.DEFAULT))))));
    }

    @Test
    void requiredRelationGivenNeitherWayNamesBoth() {
        assertThatThrownBy(() -> scenarios.run("stepWithoutRun"))
                .isInstanceOfSatisfying(MissingRequiredFieldException.class, e -> {
                    assertThat(e.model()).isEqualTo("PipelineStep");
                    assertThat(e.fields()).containsExactly("runId");
                })
                .hasMessageContaining("give it a value with .runId(...), or relate the record with .run(...)");
    }

    @Test
    void nestedCreateStillChecksTheRelatedModelsOtherRequiredFields() {
        assertThatThrownBy(() -> scenarios.run("stepWithoutPositionCreatedThroughItsRun"))
                .isInstanceOfSatisfying(MissingRequiredFieldException.class, e -> {
                    assertThat(e.model()).isEqualTo("PipelineStep");
                    assertThat(e.fields()).containsExactly("position");
                });
    }

    @Test
    void toOneUpdateChangesTheRelatedRecordWithTheRelatedUpdateBuilder() throws Exception {
        WriteData data = (WriteData) scenarios.run("costOfTheStepsRun");

        assertThat(data.writes()).containsExactly(new FieldWrite(4, WriteOp.SET, "voice"));
        assertThat(data.relations()).containsExactly(new RelationWrite(1, List.of(new NestedWrite.Update(Filter.ALL,
                new WriteData(List.of(new FieldWrite(5, WriteOp.INCREMENT, 1.5)))))));
    }
}

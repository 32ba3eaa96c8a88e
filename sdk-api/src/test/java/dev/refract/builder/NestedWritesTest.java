package dev.refract.builder;

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
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Nested writes through hand-written builders shaped like generated ones: a run (0 id, 1 name,
 * 2 steps) and its steps (0 id, 1 run, 2 runId, 3 name, 4 review, 5 reviewId), where {@code run}
 * is required and {@code review} optional.
 */
class NestedWritesTest {

    static final class RunCreate extends WriteBuilder<RunCreate> {
        @Override
        protected RunCreate self() {
            return this;
        }

        RunCreate name(String name) {
            return setRequired(1, "name", name);
        }

        RunCreate steps(Consumer<ToManyCreate<StepCreate, StepWhereUnique>> writes) {
            return relate(2, writes, new ToManyCreate<>(
                    RelatedBuilder.of(StepCreate::new, step -> step.buildNested(1)),
                    RelatedBuilder.of(StepWhereUnique::new, StepWhereUnique::build)));
        }

        WriteData build() {
            return buildNested(-1);
        }

        WriteData buildNested(int relationField) {
            require(1, "Run", "name");
            return data();
        }
    }

    static final class RunUpdate extends WriteBuilder<RunUpdate> {
        @Override
        protected RunUpdate self() {
            return this;
        }

        RunUpdate name(String name) {
            return setRequired(1, "name", name);
        }

        RunUpdate steps(Consumer<ToManyWrite<StepCreate, StepUpdate, StepWhereUnique, StepWhere>> writes) {
            return relate(2, writes, new ToManyWrite<>(
                    RelatedBuilder.of(StepCreate::new, step -> step.buildNested(1)),
                    RelatedBuilder.of(StepUpdate::new, StepUpdate::build),
                    RelatedBuilder.of(StepWhereUnique::new, StepWhereUnique::build),
                    RelatedBuilder.of(StepWhere::new, StepWhere::build)));
        }

        WriteData build() {
            return data();
        }
    }

    static final class RunWhereUnique {
        private Filter key;

        RunWhereUnique id(String id) {
            key = new Comparison(0, Operator.EQUALS, id, Mode.DEFAULT);
            return this;
        }

        Filter build() {
            return key;
        }
    }

    static final class StepCreate extends WriteBuilder<StepCreate> {
        @Override
        protected StepCreate self() {
            return this;
        }

        StepCreate runId(String runId) {
            return setRequired(2, "runId", runId);
        }

        StepCreate name(String name) {
            return setRequired(3, "name", name);
        }

        StepCreate run(Consumer<ToOneCreate<RunCreate, RunWhereUnique>> writes) {
            return relate(1, writes, new ToOneCreate<>(
                    RelatedBuilder.of(RunCreate::new, run -> run.buildNested(2)),
                    RelatedBuilder.of(RunWhereUnique::new, RunWhereUnique::build)));
        }

        WriteData build() {
            return buildNested(-1);
        }

        WriteData buildNested(int relationField) {
            if (!linked(relationField, 1)) {
                require(2, "Step", "runId", "run");
            }
            require(3, "Step", "name");
            return data();
        }
    }

    static final class StepUpdate extends WriteBuilder<StepUpdate> {
        @Override
        protected StepUpdate self() {
            return this;
        }

        StepUpdate name(String name) {
            return setRequired(3, "name", name);
        }

        StepUpdate run(Consumer<ToOneWrite<RunCreate, RunUpdate, RunWhereUnique>> writes) {
            return relate(1, writes, new ToOneWrite<>(
                    RelatedBuilder.of(RunCreate::new, run -> run.buildNested(2)),
                    RelatedBuilder.of(RunUpdate::new, RunUpdate::build),
                    RelatedBuilder.of(RunWhereUnique::new, RunWhereUnique::build)));
        }

        StepUpdate review(Consumer<ToOneWrite.Nullable<RunCreate, RunUpdate, RunWhereUnique>> writes) {
            return relate(4, writes, new ToOneWrite.Nullable<>(
                    RelatedBuilder.of(RunCreate::new, run -> run.buildNested(-1)),
                    RelatedBuilder.of(RunUpdate::new, RunUpdate::build),
                    RelatedBuilder.of(RunWhereUnique::new, RunWhereUnique::build)));
        }

        WriteData build() {
            return data();
        }
    }

    static final class StepWhereUnique {
        private Filter key;

        StepWhereUnique id(String id) {
            key = new Comparison(0, Operator.EQUALS, id, Mode.DEFAULT);
            return this;
        }

        Filter build() {
            return key;
        }
    }

    static final class StepWhere extends WhereBuilder<StepWhere> {
        @Override
        protected StepWhere self() {
            return this;
        }

        @Override
        protected StepWhere newBuilder() {
            return new StepWhere();
        }

        StringCondition<StepWhere> name() {
            return new StringCondition<>(this, 3, "name");
        }
    }

    private static Filter id(String id) {
        return new Comparison(0, Operator.EQUALS, id, Mode.DEFAULT);
    }

    private static Filter name(String name) {
        return new Comparison(3, Operator.EQUALS, name, Mode.DEFAULT);
    }

    private static WriteData values(int field, String value) {
        return new WriteData(List.of(new FieldWrite(field, WriteOp.SET, value)));
    }

    @Test
    void toManyCreateGivesOneWritePerCallInCallOrder() {
        WriteData data = new RunCreate().name("video")
                .steps(s -> s.create(c -> c.name("a"))
                        .createMany(List.of(new StepCreate().name("b"), new StepCreate().name("c")), true)
                        .connect(w -> w.id("x"))
                        .createMany(List.of(new StepCreate().name("d")))
                        .connectOrCreate(w -> w.id("y"), c -> c.name("e")))
                .build();

        assertThat(data.writes()).containsExactly(new FieldWrite(1, WriteOp.SET, "video"));
        assertThat(data.relations()).containsExactly(new RelationWrite(2, List.of(
                new NestedWrite.Create(List.of(values(3, "a"))),
                new NestedWrite.CreateMany(List.of(values(3, "b"), values(3, "c")), true),
                new NestedWrite.Connect(List.of(id("x"))),
                new NestedWrite.CreateMany(List.of(values(3, "d")), false),
                new NestedWrite.ConnectOrCreate(id("y"), values(3, "e")))));
    }

    @Test
    void toManyWriteGivesEveryKindOfNestedWrite() {
        WriteData data = new RunUpdate()
                .steps(s -> s.set(List.of(w -> w.id("a"), w -> w.id("b")))
                        .setNone()
                        .disconnect(w -> w.id("c"))
                        .update(w -> w.id("d"), u -> u.name("D"))
                        .updateMany(w -> w.name().eq("e"), u -> u.name("E"))
                        .upsert(w -> w.id("f"), c -> c.name("f"), u -> u.name("F"))
                        .delete(w -> w.id("g"))
                        .deleteMany(w -> w.name().eq("h"))
                        .deleteMany(w -> { })
                        .create(c -> c.name("i"))
                        .connect(w -> w.id("j")))
                .build();

        assertThat(data.writes()).isEmpty();
        assertThat(data.relations()).containsExactly(new RelationWrite(2, List.of(
                new NestedWrite.Set(List.of(id("a"), id("b"))),
                new NestedWrite.Set(List.of()),
                new NestedWrite.Disconnect(List.of(id("c"))),
                new NestedWrite.Update(id("d"), values(3, "D")),
                new NestedWrite.UpdateMany(name("e"), values(3, "E")),
                new NestedWrite.Upsert(id("f"), values(3, "f"), values(3, "F")),
                new NestedWrite.Delete(List.of(id("g"))),
                new NestedWrite.DeleteMany(name("h")),
                new NestedWrite.DeleteMany(Filter.ALL),
                new NestedWrite.Create(List.of(values(3, "i"))),
                new NestedWrite.Connect(List.of(id("j"))))));
    }

    @Test
    void toOneWritesUseTheWholeRelatedRecordAsTheirFilter() {
        WriteData data = new StepUpdate()
                .run(r -> r.update(u -> u.name("renamed")).upsert(c -> c.name("new"), u -> u.name("old")))
                .review(r -> r.disconnect().delete().connect(w -> w.id("r")).create(c -> c.name("c"))
                        .connectOrCreate(w -> w.id("s"), c -> c.name("s")).update(u -> u.name("u"))
                        .upsert(c -> c.name("v"), u -> u.name("w")))
                .build();

        assertThat(data.relations()).containsExactly(
                new RelationWrite(1, List.of(
                        new NestedWrite.Update(Filter.ALL, new WriteData(List.of(new FieldWrite(1, WriteOp.SET, "renamed")))),
                        new NestedWrite.Upsert(Filter.ALL, new WriteData(List.of(new FieldWrite(1, WriteOp.SET, "new"))),
                                new WriteData(List.of(new FieldWrite(1, WriteOp.SET, "old")))))),
                new RelationWrite(4, List.of(
                        new NestedWrite.Disconnect(List.of(Filter.ALL)),
                        new NestedWrite.Delete(List.of(Filter.ALL)),
                        new NestedWrite.Connect(List.of(id("r"))),
                        new NestedWrite.Create(List.of(new WriteData(List.of(new FieldWrite(1, WriteOp.SET, "c"))))),
                        new NestedWrite.ConnectOrCreate(id("s"), new WriteData(List.of(new FieldWrite(1, WriteOp.SET, "s")))),
                        new NestedWrite.Update(Filter.ALL, new WriteData(List.of(new FieldWrite(1, WriteOp.SET, "u")))),
                        new NestedWrite.Upsert(Filter.ALL, new WriteData(List.of(new FieldWrite(1, WriteOp.SET, "v"))),
                                new WriteData(List.of(new FieldWrite(1, WriteOp.SET, "w")))))));
    }

    @Test
    void relationsKeepTheOrderTheyWereFirstWrittenAndRepeatedCallsAppend() {
        WriteData data = new StepUpdate()
                .review(r -> r.disconnect())
                .run(r -> r.connect(w -> w.id("a")))
                .review(r -> r.connect(w -> w.id("b")))
                .build();

        assertThat(data.relations()).containsExactly(
                new RelationWrite(4, List.of(new NestedWrite.Disconnect(List.of(Filter.ALL)),
                        new NestedWrite.Connect(List.of(id("b"))))),
                new RelationWrite(1, List.of(new NestedWrite.Connect(List.of(id("a"))))));
    }

    @Test
    void aRelationGivenNoWriteIsLeftOut() {
        WriteData data = new StepUpdate().name("a").run(r -> { }).build();

        assertThat(data.hasNestedWrites()).isFalse();
        assertThat(data.writes()).containsExactly(new FieldWrite(3, WriteOp.SET, "a"));
    }

    @Test
    void requiredRelationCanBeGivenByANestedWriteInsteadOfItsForeignKey() {
        WriteData data = new StepCreate().name("a").run(r -> r.connect(w -> w.id("run-1"))).build();

        assertThat(data.writes()).containsExactly(new FieldWrite(3, WriteOp.SET, "a"));
        assertThat(data.relations()).containsExactly(new RelationWrite(1, List.of(new NestedWrite.Connect(List.of(id("run-1"))))));
        assertThat(new StepCreate().name("a").runId("run-1").build().writes())
                .containsExactly(new FieldWrite(2, WriteOp.SET, "run-1"), new FieldWrite(3, WriteOp.SET, "a"));
    }

    @Test
    void missingForeignKeyNamesTheFieldAndTheRelation() {
        assertThatThrownBy(() -> new StepCreate().name("a").build())
                .isInstanceOfSatisfying(MissingRequiredFieldException.class, e -> {
                    assertThat(e.model()).isEqualTo("Step");
                    assertThat(e.fields()).containsExactly("runId");
                })
                .hasMessageContaining("give it a value with .runId(...), or relate the record with .run(...)");
        assertThatThrownBy(() -> new StepCreate().name("a").run(r -> { }).build())
                .isInstanceOf(MissingRequiredFieldException.class);
    }

    @Test
    void nestedCreateLeavesTheForeignKeyToItsParentButChecksEveryOtherField() {
        assertThat(new StepCreate().name("a").buildNested(1).writes()).containsExactly(new FieldWrite(3, WriteOp.SET, "a"));
        assertThatThrownBy(() -> new StepCreate().name("a").buildNested(4)).hasMessageContaining("'runId'");
        assertThatThrownBy(() -> new RunCreate().steps(s -> s.create(c -> c.runId("r"))))
                .isInstanceOfSatisfying(MissingRequiredFieldException.class,
                        e -> assertThat(e.fields()).containsExactly("name"));
    }

    @Test
    void createManyRefusesRecordsThatWriteRelationsOfTheirOwn() {
        StepCreate withRelation = new StepCreate().name("b").run(r -> r.connect(w -> w.id("other")));

        assertThatThrownBy(() -> new RunCreate().steps(s -> s.createMany(List.of(new StepCreate().name("a"), withRelation))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("create record 2 with create(...) instead");
    }

    @Test
    void nestedWritesOfNestedCreatesAreKept() {
        WriteData data = new StepCreate().name("a")
                .run(r -> r.create(c -> c.name("run").steps(s -> s.connect(w -> w.id("sibling")))))
                .build();

        WriteData run = new WriteData(List.of(new FieldWrite(1, WriteOp.SET, "run")),
                List.of(new RelationWrite(2, List.of(new NestedWrite.Connect(List.of(id("sibling")))))));
        assertThat(data.relations()).containsExactly(new RelationWrite(1, List.of(new NestedWrite.Create(List.of(run)))));
    }
}

package dev.refract.redis.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.MissingRequiredFieldException;
import dev.refract.error.QueryFailedException;
import dev.refract.meta.Arity;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.DefaultValue;
import dev.refract.meta.EnumMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.FieldWrite;
import dev.refract.query.WriteData.WriteOp;
import dev.refract.redis.codec.CodecRegistry;
import dev.refract.redis.record.StoredModel;
import dev.refract.redis.record.StoredRecord;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WritePlannerTest {

    private static final ModelMeta ACCOUNT = new ModelMeta("Account", "Account", 0, 0, List.of(
            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId(),
            FieldMeta.scalar("email", ScalarType.STRING, Arity.REQUIRED).asUnique(),
            FieldMeta.scalar("visits", ScalarType.INT, Arity.REQUIRED),
            FieldMeta.scalar("balance", ScalarType.DECIMAL, Arity.OPTIONAL),
            FieldMeta.scalar("rank", ScalarType.INT, Arity.REQUIRED).withDefault(new DefaultValue.Literal(3L)),
            FieldMeta.enumField("tier", "Tier", Arity.REQUIRED).withDefault(new DefaultValue.Literal("GOLD")),
            FieldMeta.scalar("tags", ScalarType.STRING, Arity.LIST)),
            KeyMeta.of(0), List.of(KeyMeta.of(1)), List.of(), null, 0);
    private static final SchemaMeta SCHEMA = new SchemaMeta(List.of(DatasourceMeta.withUrl("kv", 0, Provider.REDIS,
            "redis://h", PoolMeta.DEFAULTS)), List.of(ACCOUNT), List.of(new EnumMeta("Tier", "Tier",
            List.of("gold", "silver"), List.of("GOLD", "SILVER"))), List.of());

    private final StoredModel model = new StoredModel(SCHEMA, ACCOUNT, "app", CodecRegistry.defaults());
    private final WritePlanner planner = new WritePlanner(SCHEMA, model);

    private StoredRecord current(int visits, String balance) {
        Map<String, String> hash = balance == null
                ? Map.of("id", "a1", "email", "a@b", "visits", Integer.toString(visits))
                : Map.of("id", "a1", "email", "a@b", "visits", Integer.toString(visits), "balance", balance);
        return model.read("a1", hash);
    }

    @Test
    void aCreateAppliesLiteralDefaultsInTheirStoredFormAndEmptiesListsNotGiven() {
        Object[] values = planner.createValues(new WriteData(List.of(new FieldWrite(0, WriteOp.SET, "a1"),
                new FieldWrite(1, WriteOp.SET, "a@b"), new FieldWrite(2, WriteOp.SET, 0))));

        assertThat(values[4]).isEqualTo(3);
        assertThat(values[5]).isEqualTo("gold");
        assertThat(values[6]).isEqualTo(List.of());
        assertThat(values[3]).isNull();
        assertThat(planner.createArguments("a1", values, 5000, false)).containsSequence("app:{Account}:", "a1",
                "5000", "fail", "1", "email", "1", "s:email");
    }

    @Test
    void aCreateWithoutARequiredValueNamesTheField() {
        assertThatThrownBy(() -> planner.createValues(new WriteData(List.of(new FieldWrite(0, WriteOp.SET, "a1")))))
                .isInstanceOf(MissingRequiredFieldException.class).hasMessageContaining("email");
    }

    @Test
    void anIncrementOfAnIntegerRunsInTheScriptWithoutReadingIt() {
        WritePlanner.UpdatePlan plan = planner.update(current(4, null), new WriteData(List.of(
                new FieldWrite(2, WriteOp.DECREMENT, 3))));

        assertThat(plan.newId()).isNull();
        assertThat(plan.arguments()).endsWith("1", "K", "visits", "-3");
    }

    @Test
    void multiplyAndDecimalArithmeticAreComparedAndSetFromTheValueRead() {
        WritePlanner.UpdatePlan plan = planner.update(current(7, "1.10"), new WriteData(List.of(
                new FieldWrite(2, WriteOp.DIVIDE, 2), new FieldWrite(3, WriteOp.INCREMENT, new BigDecimal("0.05")))));

        assertThat(plan.arguments()).endsWith("4", "E", "visits", "7", "S", "visits", "3", "E", "balance", "1.10",
                "S", "balance", "1.15");
    }

    @Test
    void arithmeticOnAMissingValueLeavesItMissingAndDivisionByZeroFails() {
        assertThat(planner.update(current(1, null), new WriteData(List.of(new FieldWrite(3, WriteOp.MULTIPLY,
                BigDecimal.TEN)))).arguments()).endsWith("1", "A", "balance", "");
        assertThatThrownBy(() -> planner.update(current(1, null), new WriteData(List.of(new FieldWrite(2,
                WriteOp.DIVIDE, 0))))).isInstanceOf(QueryFailedException.class).hasMessageContaining("zero");
    }

    @Test
    void aComputedValueOutOfRangeIsATypedError() {
        assertThatThrownBy(() -> planner.update(current(Integer.MAX_VALUE, null), new WriteData(List.of(
                new FieldWrite(2, WriteOp.MULTIPLY, 2))))).isInstanceOf(QueryFailedException.class)
                .hasMessageContaining("visits");
    }

    @Test
    void theFieldsAWhereReadIsExpectedToHoldWhatWasRead() {
        WritePlanner.UpdatePlan plan = planner.update(current(4, null), new WriteData(List.of(
                new FieldWrite(1, WriteOp.SET, "c@d"))), new LinkedHashSet<>(List.of(2, 3)));

        assertThat(plan.arguments()).containsSubsequence("E", "visits", "4", "A", "balance", "", "S", "email", "c@d");
    }

    @Test
    void settingTheIdMovesTheRecordAndClearingAFieldDeletesIt() {
        WritePlanner.UpdatePlan plan = planner.update(current(1, "2"), new WriteData(List.of(
                new FieldWrite(0, WriteOp.SET, "a:2"), new FieldWrite(3, WriteOp.SET, null))));

        assertThat(plan.newId()).isEqualTo("a%3A2");
        assertThat(plan.arguments()).contains("a%3A2").endsWith("2", "S", "id", "a:2", "N", "balance", "");
    }
}

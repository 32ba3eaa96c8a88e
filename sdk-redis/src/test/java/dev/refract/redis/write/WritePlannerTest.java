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
import dev.refract.error.InvalidQueryException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
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
        assertThat(planner.createArguments("a1", values, Expiry.after(5000), false)).containsSequence(
                "app:{Account}:", "a1", "after", "5000", "fail", "1", "email", "1", "s:email");
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

    private static final ModelMeta TICKET = new ModelMeta("Ticket", "Ticket", 0, 0, List.of(
            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId(),
            FieldMeta.scalar("validUntil", ScalarType.DATETIME, Arity.OPTIONAL)),
            KeyMeta.of(0), List.of(), List.of(), null, 60).expiringAt(1);
    private static final SchemaMeta TICKETS = new SchemaMeta(List.of(DatasourceMeta.withUrl("kv", 0, Provider.REDIS,
            "redis://h", PoolMeta.DEFAULTS)), List.of(TICKET), List.of(), List.of());
    private static final Instant AT = Instant.parse("2030-01-02T03:04:05.678Z");

    private final WritePlanner tickets = new WritePlanner(TICKETS, new StoredModel(TICKETS, TICKET, "app",
            CodecRegistry.defaults()));

    private static WriteData ticket(Instant validUntil, Duration ttl) {
        return new WriteData(List.of(new FieldWrite(0, WriteOp.SET, "t1"), new FieldWrite(1, WriteOp.SET, validUntil)),
                List.of(), ttl);
    }

    @Test
    void aCreateExpiresAfterItsOwnTtlElseAtItsExpiresAtFieldElseAfterTheModelsTtl() {
        WriteData own = new WriteData(List.of(new FieldWrite(0, WriteOp.SET, "t1")), List.of(), Duration.ofMillis(1500));
        assertThat(tickets.createExpiry(own, tickets.createValues(own))).isEqualTo(Expiry.after(1500));
        WriteData dated = ticket(AT, null);
        assertThat(tickets.createExpiry(dated, tickets.createValues(dated))).isEqualTo(Expiry.at(AT.toEpochMilli()));
        WriteData plain = ticket(null, null);
        assertThat(tickets.createExpiry(plain, tickets.createValues(plain))).isEqualTo(Expiry.after(60_000));
        assertThat(planner.createExpiry(plain, new Object[7])).isEqualTo(Expiry.NEVER);
        assertThat(tickets.createArguments("t1", tickets.createValues(dated), Expiry.at(AT.toEpochMilli()), false))
                .containsSequence("t1", "at", Long.toString(AT.toEpochMilli()), "fail");
    }

    @Test
    void anUpdateKeepsTheRemainingTimeUnlessItGivesATtlOrSetsOrClearsTheExpiresAtField() {
        assertThat(tickets.updateExpiry(new WriteData(List.of()))).isEqualTo(Expiry.KEEP);
        assertThat(tickets.updateExpiry(new WriteData(List.of(), List.of(), Duration.ofSeconds(2))))
                .isEqualTo(Expiry.after(2000));
        assertThat(tickets.updateExpiry(new WriteData(List.of(new FieldWrite(1, WriteOp.SET, AT)))))
                .isEqualTo(Expiry.at(AT.toEpochMilli()));
        assertThat(tickets.updateExpiry(new WriteData(List.of(new FieldWrite(1, WriteOp.SET, null)))))
                .as("clearing the field falls back to @@ttl, counted from the update").isEqualTo(Expiry.after(60_000));
        assertThat(planner.updateExpiry(new WriteData(List.of(new FieldWrite(3, WriteOp.SET, null)))))
                .isEqualTo(Expiry.KEEP);

        StoredRecord current = new StoredModel(TICKETS, TICKET, "app", CodecRegistry.defaults())
                .read("t1", Map.of("id", "t1"));
        assertThat(tickets.update(current, new WriteData(List.of(new FieldWrite(1, WriteOp.SET, AT)))).arguments())
                .startsWith("app:{Ticket}:", "t1", "", "at", Long.toString(AT.toEpochMilli()));
    }

    @Test
    void aWriteGivingBothATtlAndAnExpiresAtInstantIsRefused() {
        WriteData both = ticket(AT, Duration.ofSeconds(5));
        assertThatThrownBy(() -> tickets.createExpiry(both, tickets.createValues(both)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("gives both a ttl and validUntil (@expiresAt)");
        assertThatThrownBy(() -> tickets.updateExpiry(both)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("The update of Ticket");
        assertThat(tickets.updateExpiry(ticket(null, Duration.ofSeconds(5))))
                .as("clearing the field with a ttl of its own is one expiry").isEqualTo(Expiry.after(5000));
    }
}

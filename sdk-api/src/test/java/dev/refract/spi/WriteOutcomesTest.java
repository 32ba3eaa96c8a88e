package dev.refract.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.RecordNotFoundException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.meta.Arity;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.ScalarType;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteOutcomesTest {

    private static final ModelMeta ACCOUNT = new ModelMeta("Account", "Account", 0, 0, List.of(
            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId(),
            FieldMeta.scalar("email", ScalarType.STRING, Arity.REQUIRED).asUnique(),
            FieldMeta.scalar("owner", ScalarType.STRING, Arity.REQUIRED)),
            KeyMeta.of(0), List.of(), List.of(), null, 0);

    private static final Filter BY_EMAIL_OF_ADA = new Filter.And(List.of(
            new Filter.Comparison(1, Filter.Operator.EQUALS, "ada@example.com", Filter.Mode.DEFAULT),
            new Filter.Comparison(2, Filter.Operator.EQUALS, "Ada", Filter.Mode.DEFAULT)));

    @Test
    void anUpdateOrDeleteThatMatchedNoRecordFailsNamingTheModelAndTheVerb() {
        Operation update = new Operation.Update(0, BY_EMAIL_OF_ADA, new WriteData(List.of()), Selection.ALL);
        Operation delete = new Operation.Delete(0, BY_EMAIL_OF_ADA, Selection.ALL);

        assertThatThrownBy(() -> WriteOutcomes.requireFound(update, ACCOUNT, Result.ofRows(List.of())))
                .isInstanceOf(RecordNotFoundException.class).hasMessageContaining("No Account matches the where of this update");
        assertThatThrownBy(() -> WriteOutcomes.requireFound(delete, ACCOUNT, Result.ofCount(0)))
                .isInstanceOf(RecordNotFoundException.class).hasMessageContaining("this delete");
        Result found = Result.ofRows(List.of(Row.of("a1", "ada@example.com", "Ada")));
        assertThat(WriteOutcomes.requireFound(update, ACCOUNT, found)).isSameAs(found);
    }

    @Test
    void onlyUpdatesAndDeletesOfOneRecordMustFindIt() {
        assertThat(WriteOutcomes.mustFind(new Operation.Delete(0, Filter.ALL, Selection.ALL))).isTrue();
        assertThat(WriteOutcomes.mustFind(new Operation.DeleteMany(0, Filter.ALL))).isFalse();
        assertThat(WriteOutcomes.mustFind(new Operation.FindUnique(0, Filter.ALL, Selection.ALL))).isFalse();
    }

    @Test
    void anUpsertThatReturnedNoRecordCollidesOnTheUniqueFieldsOfItsWhereAlone() {
        Operation.Upsert upsert = new Operation.Upsert(0, BY_EMAIL_OF_ADA, new WriteData(List.of()),
                new WriteData(List.of()), Selection.ALL);

        assertThatThrownBy(() -> WriteOutcomes.requireUpserted(upsert, ACCOUNT, Result.ofRows(List.of())))
                .isInstanceOfSatisfying(UniqueConstraintViolationException.class,
                        error -> assertThat(error.fields()).containsExactly("email"));
    }
}

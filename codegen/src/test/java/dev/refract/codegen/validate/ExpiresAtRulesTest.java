package dev.refract.codegen.validate;

import static dev.refract.codegen.validate.Validation.singleError;
import static dev.refract.codegen.validate.Validation.valid;
import static dev.refract.codegen.validate.Validation.withDatasources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.codegen.source.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * {@code @expiresAt}: on one {@code DateTime} or {@code DateTime?} field of a Redis model. Each misuse
 * is reported at the attribute with a hint: another datasource (MongoDB pointed at its TTL index), a
 * field of another type or a list, a second field of the same model, and arguments.
 */
class ExpiresAtRulesTest {

    /** A model Pass (lines 5 to 9) in datasource {@code datasource}, its third line (7) being {@code field}. */
    private static String pass(String datasource, String field) {
        return "model Pass {\n  id    String @id\n  " + field + "\n  @@datasource(" + datasource + ")\n}\n";
    }

    @Test
    void aDateTimeFieldOfARedisModelMarksTheInstantItsRecordExpires() {
        ModelDefinition pass = valid(withDatasources(pass("cache", "until DateTime @expiresAt"))).definition()
                .models().get(0);

        assertThat(pass.fields()).extracting(FieldDefinition::expiresAt).containsExactly(false, true);
    }

    @Test
    void anOptionalDateTimeFieldMayExpireTheRecordAlongsideTtl() {
        ModelDefinition pass = valid(withDatasources("model Pass {\n  id    String    @id\n"
                + "  until DateTime? @expiresAt\n  @@datasource(cache)\n  @@ttl(60)\n}\n")).definition().models().get(0);

        assertThat(pass.field("until").orElseThrow().expiresAt()).isTrue();
        assertThat(pass.ttlSeconds()).isEqualTo(60L);
    }

    @Test
    void refusesExpiresAtOutsideRedis() {
        Diagnostic error = singleError(withDatasources(pass("db", "until DateTime @expiresAt")),
                "@expiresAt on field \"until\" of model \"Pass\" needs a Redis datasource, but the model lives in"
                        + " datasource \"db\" (postgresql).", 7, 18);
        assertThat(error.hint()).isEqualTo("Remove it: only Redis expires records on its own.");
    }

    @Test
    void pointsAMongoModelAtItsTtlIndex() {
        Diagnostic error = singleError(withDatasources("model Pass {\n"
                + "  id    String   @id @default(auto()) @map(\"_id\") @db.ObjectId\n"
                + "  until DateTime @expiresAt\n  @@datasource(docs)\n}\n"),
                "@expiresAt on field \"until\" of model \"Pass\" needs a Redis datasource, but the model lives in"
                        + " datasource \"docs\" (mongodb).", 7, 18);
        assertThat(error.hint()).isEqualTo("Remove it; MongoDB expires documents by a TTL index:"
                + " @@index([until], expireAfterSeconds: 0).");
    }

    @Test
    void refusesAFieldThatIsNoDateTime() {
        Diagnostic error = singleError(withDatasources(pass("cache", "until String @expiresAt")),
                "@expiresAt cannot be used on field \"until\" of model \"Pass\", which is String.", 7, 16);
        assertThat(error.hint()).isEqualTo("@expiresAt marks the instant a record expires: put it on a DateTime or"
                + " DateTime? field.");
    }

    @Test
    void refusesAListOfDates() {
        singleError(withDatasources(pass("cache", "until DateTime[] @expiresAt")),
                "@expiresAt cannot be used on field \"until\" of model \"Pass\", which is DateTime[].", 7, 20);
    }

    @Test
    void refusesASecondExpiresAtFieldInOneModel() {
        Diagnostic error = singleError(withDatasources("model Pass {\n  id    String   @id\n"
                + "  until DateTime @expiresAt\n  ends  DateTime @expiresAt\n  @@datasource(cache)\n}\n"),
                "Model \"Pass\" marks a second field @expiresAt: \"ends\", after \"until\".", 8, 18);
        assertThat(error.hint()).isEqualTo("A record expires at one instant; keep @expiresAt on one field.");
    }

    @Test
    void refusesArguments() {
        singleError(withDatasources(pass("cache", "until DateTime @expiresAt(60)")),
                "Attribute @expiresAt takes no arguments.", 7, 29);
    }

    @Test
    void refusesItOnTheModel() {
        singleError(withDatasources("model Pass {\n  id    String   @id\n  until DateTime\n  @@expiresAt\n"
                + "  @@datasource(cache)\n}\n"), "Unknown attribute @@expiresAt on model \"Pass\".", 8, 3);
    }
}

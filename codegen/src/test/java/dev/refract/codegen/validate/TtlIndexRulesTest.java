package dev.refract.codegen.validate;

import static dev.refract.codegen.validate.Validation.singleError;
import static dev.refract.codegen.validate.Validation.valid;
import static dev.refract.codegen.validate.Validation.withDatasources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.definition.KeyDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.codegen.source.Diagnostic;
import org.junit.jupiter.api.Test;

class TtlIndexRulesTest {

    private static String mongoModel(String index, String expiresAt) {
        return "model Session {\n  id        String @id @default(auto()) @map(\"_id\") @db.ObjectId\n  "
                + expiresAt + "\n  token     String\n  " + index + "\n  @@datasource(docs)\n}\n";
    }

    @Test
    void aMongoModelExpiresDocumentsByOneDateTimeField() {
        ModelDefinition session = valid(withDatasources(mongoModel(
                "@@index([expiresAt], expireAfterSeconds: 3600)", "expiresAt DateTime"))).definition().models().get(0);

        KeyDefinition ttl = session.indexes().get(0);
        assertThat(ttl.fields()).containsExactly("expiresAt");
        assertThat(ttl.expireAfterSeconds()).isEqualTo(3600L);
    }

    @Test
    void anOptionalDateTimeAndZeroSecondsAreFine() {
        ModelDefinition session = valid(withDatasources(mongoModel(
                "@@index([expiresAt], map: \"expiry\", expireAfterSeconds: 0)", "expiresAt DateTime?")))
                .definition().models().get(0);

        assertThat(session.indexes().get(0).expireAfterSeconds()).isZero();
        assertThat(session.indexes().get(0).name()).isEqualTo("expiry");
    }

    @Test
    void aPlainIndexExpiresNothing() {
        ModelDefinition session = valid(withDatasources(mongoModel("@@index([token])", "expiresAt DateTime")))
                .definition().models().get(0);

        assertThat(session.indexes().get(0).expireAfterSeconds()).isNull();
    }

    @Test
    void refusesATtlIndexOutsideMongo() {
        Diagnostic error = singleError(withDatasources("""
                model Session {
                  id        Int      @id
                  expiresAt DateTime
                  @@index([expiresAt], expireAfterSeconds: 60)
                }
                """), "The TTL index of model \"Session\" needs MongoDB, but the model lives in datasource \"db\""
                        + " (postgresql).", 8, 24);
        assertThat(error.hint()).isEqualTo("Remove expireAfterSeconds: only MongoDB deletes expired documents on its own.");
    }

    @Test
    void refusesATtlIndexOverAFieldThatIsNoDate() {
        Diagnostic error = singleError(withDatasources(mongoModel("@@index([token], expireAfterSeconds: 60)",
                "expiresAt DateTime")), "The TTL index of model \"Session\" names field \"token\" of type String;"
                        + " MongoDB expires documents by a date.", 9, 12);
        assertThat(error.hint()).isEqualTo("Name a DateTime or DateTime? field.");
    }

    @Test
    void refusesATtlIndexOverAListOfDates() {
        singleError(withDatasources(mongoModel("@@index([expiresAt], expireAfterSeconds: 60)", "expiresAt DateTime[]")),
                "The TTL index of model \"Session\" names field \"expiresAt\" of type DateTime[]; MongoDB expires"
                        + " documents by a date.", 9, 12);
    }

    @Test
    void refusesATtlIndexOverSeveralFields() {
        Diagnostic error = singleError(withDatasources(mongoModel("@@index([expiresAt, token], expireAfterSeconds: 60)",
                "expiresAt DateTime")), "The TTL index of model \"Session\" names 2 fields; MongoDB expires documents"
                        + " by one date field.", 9, 3);
        assertThat(error.hint()).startsWith("Name one DateTime field, e.g. @@index([expiresAt], expireAfterSeconds: 3600)");
    }

    @Test
    void refusesSecondsMongoDoesNotTake() {
        Diagnostic error = singleError(withDatasources(mongoModel("@@index([expiresAt], expireAfterSeconds: 4294967296)",
                "expiresAt DateTime")), "expireAfterSeconds of model \"Session\" is 4294967296, which MongoDB does not"
                        + " take.", 9, 44);
        assertThat(error.hint()).isEqualTo("Give 0 to 2147483647 seconds.");
    }

    @Test
    void refusesExpireAfterSecondsOnAUniqueKey() {
        singleError(withDatasources(mongoModel("@@unique([expiresAt], expireAfterSeconds: 60)", "expiresAt DateTime")),
                "Attribute @@unique has no argument named \"expireAfterSeconds\".", 9, 25);
    }

    @Test
    void refusesSecondsThatAreNoWholeNumber() {
        singleError(withDatasources(mongoModel("@@index([expiresAt], expireAfterSeconds: \"1h\")", "expiresAt DateTime")),
                "Argument \"expireAfterSeconds\" of @@index must be a whole number, not a string.", 9, 44);
    }
}

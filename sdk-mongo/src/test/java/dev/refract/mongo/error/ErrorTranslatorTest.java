package dev.refract.mongo.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import dev.refract.error.ConnectionAcquireTimeoutException;
import dev.refract.error.ConnectionFailedException;
import dev.refract.error.RefractException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.mongo.store.RefractClientMetadata;
import java.time.Duration;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** Driver errors onto the typed family, without a server. */
class ErrorTranslatorTest {

    private final ErrorTranslator translator = new ErrorTranslator("docs", 10, Duration.ofSeconds(2));

    @Test
    void aDuplicateKeyNamesTheFieldsFromTheKeyPatternOrTheMessage() {
        WriteError byPattern = new WriteError(11000, "E11000 duplicate key error", BsonDocument.parse(
                "{keyPattern: {email: 1}}"));
        RefractException first = translator.translate(new MongoWriteException(byPattern, new ServerAddress(), java.util.Set.of()),
                RefractClientMetadata.CUSTOMER);
        assertThat(first).isInstanceOf(UniqueConstraintViolationException.class);
        assertThat(first.fields()).containsExactly("email");

        WriteError byMessage = new WriteError(11000, "E11000 duplicate key error collection: db.Customer index:"
                + " email_1 dup key: { email: \"a@x\" }", new BsonDocument());
        assertThat(translator.translate(new MongoWriteException(byMessage, new ServerAddress(), java.util.Set.of()),
                RefractClientMetadata.CUSTOMER).fields()).containsExactly("email");

        WriteError withTrickyValue = new WriteError(11000, "E11000 duplicate key error collection: db.Customer"
                + " index: email_1 dup key: { email: \"a, name: \\\"b\\\" }\" }", new BsonDocument());
        assertThat(translator.translate(new MongoWriteException(withTrickyValue, new ServerAddress(), java.util.Set.of()),
                RefractClientMetadata.CUSTOMER).fields()).containsExactly("email");

        WriteError byIndex = new WriteError(11000, "E11000 duplicate key error collection: db.Setting index: _id_",
                new BsonDocument());
        assertThat(translator.translate(new MongoWriteException(byIndex, new ServerAddress(), java.util.Set.of()),
                RefractClientMetadata.SETTING).fields()).containsExactly("key");
    }

    @Test
    void waitingForAPooledConnectionIsAnAcquireTimeoutAndNoServerAConnectionFailure() {
        assertThat(translator.translate(new MongoTimeoutException("Timed out after 2000 ms while waiting for a"
                + " connection to server localhost:27017."), null)).isInstanceOf(ConnectionAcquireTimeoutException.class);
        RefractException unreachable = translator.translate(new MongoTimeoutException("Timed out while waiting for a"
                + " server that matches ReadPreferenceServerSelector, mongodb://app:secret@host/db"), null);
        assertThat(unreachable).isInstanceOf(ConnectionFailedException.class);
        assertThat(unreachable.getMessage()).doesNotContain("secret");
    }

    @Test
    void anOperationStoppedByATimeLimitIsAQueryFailureSayingSo() {
        RefractException client = translator.translate(new com.mongodb.MongoOperationTimeoutException(
                "Operation exceeded the timeout limit"), RefractClientMetadata.CUSTOMER);
        assertThat(client).isInstanceOf(dev.refract.error.QueryFailedException.class)
                .hasMessageContaining("Customer").hasMessageContaining("timeoutMS");
        assertThat(((dev.refract.error.QueryFailedException) client).sqlState()).isEqualTo("MaxTimeMSExpired");
        RefractException server = translator.translate(new com.mongodb.MongoExecutionTimeoutException(50,
                "operation exceeded time limit"), RefractClientMetadata.CUSTOMER);
        assertThat(((dev.refract.error.QueryFailedException) server).sqlState()).isEqualTo("MaxTimeMSExpired");
    }
}

package dev.refract.mongo.error;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import dev.refract.error.ConnectionAcquireTimeoutException;
import dev.refract.error.ConnectionFailedException;
import dev.refract.error.QueryFailedException;
import dev.refract.error.RefractException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.error.UrlRedaction;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.BsonDocument;

/**
 * Turns driver exceptions into the typed family: duplicate keys (code 11000, alone or inside a
 * bulk write's errors) into {@link UniqueConstraintViolationException} naming the model's fields,
 * unreachable servers and refused logins into {@link ConnectionFailedException}, a pool that had
 * no connection free in time into {@link ConnectionAcquireTimeoutException}, operations stopped by a
 * time limit (the server's {@code maxTimeMS}, the client's {@code timeoutMS}) into
 * {@link QueryFailedException} with code {@code MaxTimeMSExpired}, and anything else the server
 * reports into {@link QueryFailedException} with its code. Messages never show a password.
 */
public final class ErrorTranslator {

    /** MongoDB's code for a duplicate key. */
    public static final int DUPLICATE_KEY = 11000;

    private static final Pattern INDEX = Pattern.compile("index: (\\S+)");
    private static final Pattern DUP_KEY = Pattern.compile("dup key: \\{(.*)\\}");
    private static final Pattern KEY_NAME = Pattern.compile("(?:^|,)\\s*\"?([^\":,{}\\s]+)\"?\\s*:");
    /** A quoted string of the dup-key text, whose content may look like keys. */
    private static final Pattern QUOTED = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");

    private final String datasource;
    private final int poolSize;
    private final Duration poolWait;

    /** A translator for the adapter of {@code datasource}, whose pool has {@code poolSize} connections. */
    public ErrorTranslator(String datasource, int poolSize, Duration poolWait) {
        this.datasource = datasource;
        this.poolSize = poolSize;
        this.poolWait = poolWait;
    }

    /** The typed error for {@code error} raised while working on {@code model} ({@code null} when none). */
    public RefractException translate(Throwable error, ModelMeta model) {
        if (error instanceof RefractException refract) {
            return refract;
        }
        String modelName = model == null ? null : model.name();
        if (error instanceof MongoWriteException write && write.getError().getCode() == DUPLICATE_KEY) {
            return duplicate(model, write.getError().getMessage(), write.getError().getDetails(), error);
        }
        if (error instanceof MongoBulkWriteException bulk) {
            for (BulkWriteError failure : bulk.getWriteErrors()) {
                if (failure.getCode() == DUPLICATE_KEY) {
                    return duplicate(model, failure.getMessage(), failure.getDetails(), error);
                }
            }
        }
        if (error instanceof MongoCommandException command && command.getErrorCode() == DUPLICATE_KEY) {
            return duplicate(model, command.getErrorMessage(), command.getResponse(), error);
        }
        if (error instanceof MongoOperationTimeoutException) {
            return new QueryFailedException(modelName, "MaxTimeMSExpired", "The operation" + (modelName == null ? ""
                    : " on " + modelName) + " ran longer than the client's timeoutMS and was stopped: raise timeoutMS"
                    + " in the URL, or make the operation cheaper (an index, a narrower filter)", error);
        }
        if (error instanceof MongoTimeoutException timeout) {
            String message = String.valueOf(timeout.getMessage());
            if (message.contains("waiting for a connection") || message.contains("wait queue")) {
                return new ConnectionAcquireTimeoutException(datasource, poolWait, poolSize, error);
            }
            return new ConnectionFailedException(datasource, "No MongoDB server of datasource '" + datasource
                    + "' could be reached in time: " + UrlRedaction.redact(message) + ". Check that the server runs"
                    + " and that the URL's hosts are right", error);
        }
        if (error instanceof MongoSocketException || error instanceof MongoSecurityException) {
            return new ConnectionFailedException(datasource, "The MongoDB server of datasource '" + datasource
                    + "' could not be reached or refused the login: " + UrlRedaction.redact(error.getMessage()), error);
        }
        if (error instanceof MongoExecutionTimeoutException) {
            return new QueryFailedException(modelName, "MaxTimeMSExpired", "The MongoDB server stopped the operation"
                    + (modelName == null ? "" : " on " + modelName) + " as it ran longer than its time limit", error);
        }
        if (error instanceof MongoException mongo) {
            return new QueryFailedException(modelName, String.valueOf(mongo.getCode()), "MongoDB refused the operation"
                    + (modelName == null ? "" : " on " + modelName) + ": " + UrlRedaction.redact(mongo.getMessage()),
                    error);
        }
        return new QueryFailedException(modelName, null, "The operation" + (modelName == null ? "" : " on "
                + modelName) + " failed: " + UrlRedaction.redact(String.valueOf(error.getMessage())), error);
    }

    /** True when {@code error} is a duplicate key, alone or among a bulk write's errors. */
    public static boolean isDuplicateKey(Throwable error) {
        if (error instanceof MongoWriteException write) {
            return write.getError().getCode() == DUPLICATE_KEY;
        }
        if (error instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream().anyMatch(e -> e.getCode() == DUPLICATE_KEY);
        }
        return error instanceof MongoCommandException command && command.getErrorCode() == DUPLICATE_KEY;
    }

    private UniqueConstraintViolationException duplicate(ModelMeta model, String message, BsonDocument details,
            Throwable cause) {
        List<String> fields = model == null ? List.of() : fields(model, message, details);
        String name = model == null ? "a record" : model.name();
        return new UniqueConstraintViolationException(model == null ? null : model.name(), fields,
                "A " + name + " with the same " + (fields.isEmpty() ? "unique key" : String.join(", ", fields))
                        + " already exists: change the value, or update the existing record (e.g. with upsert)", cause);
    }

    /** The fields of the unique key a duplicate-key error names: from {@code keyPattern}, else from the message. */
    static List<String> fields(ModelMeta model, String message, BsonDocument details) {
        List<String> keys = new ArrayList<>();
        if (details != null && details.containsKey("keyPattern") && details.get("keyPattern").isDocument()) {
            keys.addAll(details.getDocument("keyPattern").keySet());
        }
        String text = message == null ? "" : message;
        if (keys.isEmpty()) {
            Matcher dup = DUP_KEY.matcher(text);
            if (dup.find()) {
                Matcher name = KEY_NAME.matcher(QUOTED.matcher(dup.group(1)).replaceAll("\"\""));
                while (name.find()) {
                    keys.add(name.group(1));
                }
            }
        }
        if (keys.isEmpty()) {
            Matcher index = INDEX.matcher(text);
            if (index.find()) {
                return fieldsOfIndex(model, index.group(1));
            }
        }
        List<String> fields = new ArrayList<>();
        for (String key : keys) {
            fields.add(fieldName(model, key));
        }
        if (fields.size() == 1 && fields.get(0).isEmpty()) {
            Matcher index = INDEX.matcher(text);
            if (index.find()) {
                return fieldsOfIndex(model, index.group(1));
            }
        }
        return fields;
    }

    private static String fieldName(ModelMeta model, String key) {
        for (FieldMeta field : model.fields()) {
            if (!field.isRelation() && field.dbName().equals(key)) {
                return field.name();
            }
        }
        return key;
    }

    /** The fields of the key whose index is named {@code index}: by the key's name, or the driver's default name. */
    private static List<String> fieldsOfIndex(ModelMeta model, String index) {
        List<KeyMeta> keys = new ArrayList<>();
        keys.add(model.id());
        keys.addAll(model.uniques());
        for (int i = 0; i < model.fieldCount(); i++) {
            if (model.field(i).unique()) {
                keys.add(KeyMeta.of(i));
            }
        }
        for (KeyMeta key : keys) {
            StringBuilder defaultName = new StringBuilder();
            List<String> names = new ArrayList<>();
            for (int field : key.fields()) {
                defaultName.append(defaultName.length() == 0 ? "" : "_").append(model.field(field).dbName()).append("_1");
                names.add(model.field(field).name());
            }
            boolean id = key.fields().size() == 1 && "_id".equals(model.field(key.fields().get(0)).dbName());
            if (index.equals(key.name()) || index.equals(defaultName.toString()) || (id && index.equals("_id_"))) {
                return names;
            }
        }
        return List.of();
    }
}

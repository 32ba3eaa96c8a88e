package dev.refract.r2dbc.error;

import dev.refract.error.ConnectionFailedException;
import dev.refract.error.ForeignKeyViolationException;
import dev.refract.error.InvalidQueryException;
import dev.refract.error.NullConstraintViolationException;
import dev.refract.error.QueryFailedException;
import dev.refract.error.RefractException;
import dev.refract.error.TransactionConflictException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.error.UrlRedaction;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.SchemaMeta;
import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the driver signals into a {@link RefractException} of one datasource: SQLSTATE
 * {@code 23505} into {@link UniqueConstraintViolationException} with the key's fields,
 * {@code 23503} into {@link ForeignKeyViolationException} naming the relation, {@code 23502} into
 * {@link NullConstraintViolationException} with the field, {@code 40001} and {@code 40P01} into
 * the retryable {@link TransactionConflictException}, lost or refused connections into
 * {@link ConnectionFailedException}, a value no codec can bind into {@link InvalidQueryException},
 * and anything else into {@link QueryFailedException}.
 * Column names are mapped back to field names through the schema; no message carries a bound
 * value or a URL password.
 */
public final class ErrorTranslator {

    /** {@code Key (a, "b c")=(…)} in a constraint error's detail. */
    private static final Pattern KEY_COLUMNS = Pattern.compile("^Key \\((.*?)\\)=\\(");

    private final SchemaMeta schema;
    private final String datasource;

    /** A translator for the models of {@code schema} served by the datasource called {@code datasource}. */
    public ErrorTranslator(SchemaMeta schema, String datasource) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.datasource = Objects.requireNonNull(datasource, "datasource");
    }

    /**
     * The typed form of {@code error}, raised while working on {@code model} ({@code null} when
     * none); a {@link RefractException} is returned as is.
     */
    public RefractException translate(Throwable thrown, ModelMeta model) {
        Throwable error = databaseCause(thrown);
        if (error instanceof RefractException refract) {
            return refract;
        }
        String modelName = model == null ? null : model.name();
        if (error instanceof R2dbcException r2dbc) {
            String state = r2dbc.getSqlState();
            Optional<ErrorDetails> details = error instanceof PostgresqlException postgres
                    ? Optional.of(postgres.getErrorDetails()) : Optional.empty();
            if (state != null) {
                switch (state) {
                    case "23505":
                        return uniqueViolation(r2dbc, details, model);
                    case "23503":
                        return foreignKeyViolation(r2dbc, details, model);
                    case "23502":
                        return nullViolation(r2dbc, details, model);
                    case "40001":
                    case "40P01":
                        return new TransactionConflictException(tableModelName(details, model),
                                (state.equals("40001") ? "Serialization failure" : "Deadlock")
                                        + " on datasource '" + datasource + "': the transaction was aborted by the"
                                        + " database; run the work again", error);
                    default:
                        if (state.startsWith("08") || state.startsWith("28") || state.startsWith("57P")) {
                            return connectionFailed(error);
                        }
                }
            }
            if (error instanceof R2dbcNonTransientResourceException || error instanceof R2dbcTransientResourceException) {
                return connectionFailed(error);
            }
            return new QueryFailedException(modelName, state, "The database rejected a statement"
                    + (modelName == null ? "" : " on " + modelName) + " (SQLSTATE " + state + "): "
                    + redact(r2dbc.getMessage()), error);
        }
        if (isConnectionProblem(error)) {
            return connectionFailed(error);
        }
        if (error instanceof IllegalArgumentException) {
            // the codecs' verdict on a bound value: bad input, not a database failure
            return new InvalidQueryException(modelName, List.of(), redact(error.getMessage()));
        }
        return new QueryFailedException(modelName, null, "Unexpected failure on datasource '" + datasource + "'"
                + (modelName == null ? "" : " for " + modelName) + ": " + redact(String.valueOf(error.getMessage())),
                error);
    }

    /**
     * The Refract or R2DBC error inside {@code thrown}, or {@code thrown} itself: Reactor wraps an
     * error of a resource's cleanup (a failed commit, say) in an exception of its own.
     */
    private static Throwable databaseCause(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefractException || cause instanceof R2dbcException) {
                return cause;
            }
        }
        return thrown;
    }

    private RefractException uniqueViolation(R2dbcException error, Optional<ErrorDetails> details, ModelMeta model) {
        ModelMeta table = tableModel(details, model);
        List<String> fields = fieldNames(table, keyColumns(details));
        String constraint = details.flatMap(ErrorDetails::getConstraintName).orElse(null);
        return new UniqueConstraintViolationException(name(table),
                fields, "Unique constraint failed on " + describe(table, fields)
                        + (constraint == null ? "" : " (constraint " + constraint + ")")
                        + ": another record already has the same value", error);
    }

    private RefractException foreignKeyViolation(R2dbcException error, Optional<ErrorDetails> details,
            ModelMeta model) {
        ModelMeta table = tableModel(details, model);
        List<String> columns = keyColumns(details);
        List<String> fields = fieldNames(table, columns);
        String constraint = details.flatMap(ErrorDetails::getConstraintName).orElse(null);
        String relation = relationName(table, fields);
        String detail = details.flatMap(ErrorDetails::getDetail).orElse("");
        String why = detail.contains("is still referenced")
                ? "records of another model still point at this one; delete or re-point them first"
                : "the record it points at does not exist";
        return new ForeignKeyViolationException(name(table), fields, "Foreign key constraint failed"
                + (relation == null ? "" : " on relation " + relation) + " of " + describe(table, fields)
                + (constraint == null ? "" : " (constraint " + constraint + ")") + ": " + why, error);
    }

    private RefractException nullViolation(R2dbcException error, Optional<ErrorDetails> details, ModelMeta model) {
        ModelMeta table = tableModel(details, model);
        String column = details.flatMap(ErrorDetails::getColumnName).orElse(null);
        String field = column == null ? null : fieldNames(table, List.of(column)).get(0);
        return new NullConstraintViolationException(name(table), field, "Null constraint failed on "
                + (field == null ? "a field" : "field '" + field + "'") + (table == null ? "" : " of " + table.name())
                + ": give it a value, or declare it optional in the schema", error);
    }

    private RefractException connectionFailed(Throwable error) {
        return new ConnectionFailedException(datasource, "Cannot use the database of datasource '" + datasource
                + "': " + redact(String.valueOf(error.getMessage()))
                + "; check that the server is up and the URL, user and password are right", error);
    }

    private static boolean isConnectionProblem(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            // socket-level failures only: a JSON parse error is an IOException too, and no connection problem
            if (cause instanceof SocketException || cause instanceof UnknownHostException
                    || cause instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    /** The model stored in the table the error names, or {@code fallback}. */
    private ModelMeta tableModel(Optional<ErrorDetails> details, ModelMeta fallback) {
        Optional<String> table = details.flatMap(ErrorDetails::getTableName);
        if (table.isPresent()) {
            for (ModelMeta candidate : schema.models()) {
                if (candidate.dbName().equals(table.get())
                        && schema.datasource(candidate.datasource()).name().equals(datasource)) {
                    return candidate;
                }
            }
        }
        return fallback;
    }

    private String tableModelName(Optional<ErrorDetails> details, ModelMeta fallback) {
        return name(tableModel(details, fallback));
    }

    private static String name(ModelMeta model) {
        return model == null ? null : model.name();
    }

    /** The columns of the key in a detail such as {@code Key (email)=(…) already exists.} */
    static List<String> keyColumns(Optional<ErrorDetails> details) {
        return details.flatMap(ErrorDetails::getDetail).map(ErrorTranslator::keyColumns).orElse(List.of());
    }

    static List<String> keyColumns(String detail) {
        Matcher matcher = KEY_COLUMNS.matcher(detail);
        if (!matcher.find()) {
            return List.of();
        }
        List<String> columns = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        String list = matcher.group(1);
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < list.length() && list.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                columns.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        columns.add(current.toString().trim());
        return List.copyOf(columns);
    }

    /** The field names of {@code columns}; a column no field of {@code model} stores keeps its own name. */
    private static List<String> fieldNames(ModelMeta model, List<String> columns) {
        List<String> names = new ArrayList<>(columns.size());
        for (String column : columns) {
            String name = column;
            if (model != null) {
                for (FieldMeta field : model.fields()) {
                    if (!field.isRelation() && field.dbName().equals(column)) {
                        name = field.name();
                        break;
                    }
                }
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    /** The relation field of {@code model} whose foreign key is exactly {@code fields}, or {@code null}. */
    private static String relationName(ModelMeta model, List<String> fields) {
        if (model == null || fields.isEmpty()) {
            return null;
        }
        for (RelationMeta relation : model.relations()) {
            if (!relation.holdsForeignKey()) {
                continue;
            }
            List<String> keyFields = Arrays.stream(relation.fields()).mapToObj(i -> model.field(i).name()).toList();
            if (keyFields.equals(fields)) {
                return model.field(relation.field()).name();
            }
        }
        return null;
    }

    private static String describe(ModelMeta model, List<String> fields) {
        String list = fields.isEmpty() ? "its key" : "the fields (" + String.join(", ", fields) + ")";
        return model == null ? list : list + " of " + model.name();
    }

    private static String redact(String message) {
        return UrlRedaction.redact(message);
    }
}

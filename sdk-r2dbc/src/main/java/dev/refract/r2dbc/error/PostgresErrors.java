package dev.refract.r2dbc.error;

import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's errors by SQLSTATE: {@code 23505} unique, {@code 23503} foreign key (still referenced
 * when the detail says so), {@code 23502} null, {@code 40001} serialization failure, {@code 40P01}
 * deadlock, classes {@code 08}, {@code 28} and {@code 57P} and the driver's resource exceptions lost
 * or refused connections. The table, constraint, key columns and column come from the error's
 * details ({@code Key (a, "b c")=(…)}).
 */
final class PostgresErrors implements DriverErrors {

    /** The one instance; it holds no state. */
    static final PostgresErrors INSTANCE = new PostgresErrors();

    /** PostgreSQL cuts identifiers longer than this many bytes. */
    private static final int IDENTIFIER_BYTES = 63;

    /** {@code Key (a, "b c")=(…)} in a constraint error's detail. */
    private static final Pattern KEY_COLUMNS = Pattern.compile("^Key \\((.*?)\\)=\\(");

    private PostgresErrors() {
    }

    @Override
    public DatabaseError read(R2dbcException error) {
        String state = error.getSqlState();
        Optional<ErrorDetails> details = error instanceof PostgresqlException postgres
                ? Optional.of(postgres.getErrorDetails()) : Optional.empty();
        String code = "SQLSTATE " + state;
        String table = details.flatMap(ErrorDetails::getTableName).orElse(null);
        String constraint = details.flatMap(ErrorDetails::getConstraintName).orElse(null);
        List<String> columns = details.flatMap(ErrorDetails::getDetail).map(PostgresErrors::keyColumns)
                .orElse(List.of());
        DatabaseError.Kind kind = kind(error, state, details);
        String column = kind == DatabaseError.Kind.NOT_NULL
                ? details.flatMap(ErrorDetails::getColumnName).orElse(null) : null;
        return new DatabaseError(kind, code, table, constraint, columns, column);
    }

    private static DatabaseError.Kind kind(R2dbcException error, String state, Optional<ErrorDetails> details) {
        if (state != null) {
            switch (state) {
                case "23505":
                    return DatabaseError.Kind.UNIQUE;
                case "23503":
                    return details.flatMap(ErrorDetails::getDetail).orElse("").contains("is still referenced")
                            ? DatabaseError.Kind.FOREIGN_KEY_STILL_REFERENCED
                            : DatabaseError.Kind.FOREIGN_KEY_MISSING_TARGET;
                case "23502":
                    return DatabaseError.Kind.NOT_NULL;
                case "40001":
                    return DatabaseError.Kind.SERIALIZATION_FAILURE;
                case "40P01":
                    return DatabaseError.Kind.DEADLOCK;
                default:
                    if (state.startsWith("08") || state.startsWith("28") || state.startsWith("57P")) {
                        return DatabaseError.Kind.CONNECTION;
                    }
            }
        }
        if (error instanceof R2dbcNonTransientResourceException || error instanceof R2dbcTransientResourceException) {
            return DatabaseError.Kind.CONNECTION;
        }
        return DatabaseError.Kind.OTHER;
    }

    /** True when {@code identifier}, as PostgreSQL reports it, is {@code name}, possibly cut to 63 bytes. */
    @Override
    public boolean sameIdentifier(String name, String identifier) {
        return name.equals(identifier) || (name.getBytes(StandardCharsets.UTF_8).length > IDENTIFIER_BYTES
                && name.startsWith(identifier) && identifier.getBytes(StandardCharsets.UTF_8).length > 60);
    }

    /** The columns of the key in a detail such as {@code Key (email)=(…) already exists.} */
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
}

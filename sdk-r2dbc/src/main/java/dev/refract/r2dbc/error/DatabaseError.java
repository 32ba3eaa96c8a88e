package dev.refract.r2dbc.error;

import java.util.List;
import java.util.Objects;

/**
 * What one driver's error says, in the terms {@link ErrorTranslator} works with: read from the
 * exception by the {@link DriverErrors} of its database, so that the mapping of constraints to the
 * schema's models, fields and relations is written once for every database.
 *
 * @param kind       what went wrong
 * @param code       how the database names the error, for messages (e.g. {@code SQLSTATE 23505},
 *                   {@code MySQL error 1062})
 * @param table      the table the error names (for a foreign key, the table holding the key), or {@code null}
 * @param constraint the constraint or index the error names, or {@code null}
 * @param columns    the columns of the key the error names (for a foreign key still referenced, the
 *                   referenced columns; otherwise the key's own), or none when the error does not say
 * @param column     the column of a null constraint, or {@code null}
 */
record DatabaseError(Kind kind, String code, String table, String constraint, List<String> columns, String column) {

    /** The kinds of failure the translation distinguishes. */
    enum Kind {
        /** A unique key already holds the value. */
        UNIQUE,
        /** A foreign key points at no record. */
        FOREIGN_KEY_MISSING_TARGET,
        /** A record deleted or re-keyed is still pointed at. */
        FOREIGN_KEY_STILL_REFERENCED,
        /** A required column got no value. */
        NOT_NULL,
        /** A serializable transaction lost to another. */
        SERIALIZATION_FAILURE,
        /** Two transactions waited on each other. */
        DEADLOCK,
        /** A lock was not granted in time. */
        LOCK_TIMEOUT,
        /** The connection is lost, refused or not allowed. */
        CONNECTION,
        /** Anything else the database rejected. */
        OTHER
    }

    DatabaseError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        columns = List.copyOf(columns);
    }

    /** An error of {@code kind} that names nothing more. */
    static DatabaseError of(Kind kind, String code) {
        return new DatabaseError(kind, code, null, null, List.of(), null);
    }
}

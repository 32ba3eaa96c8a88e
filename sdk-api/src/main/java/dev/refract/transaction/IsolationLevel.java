package dev.refract.transaction;

/**
 * The SQL isolation levels, weakest first. A database may run a level as a stronger one (PostgreSQL
 * runs {@code READ_UNCOMMITTED} as {@code READ_COMMITTED}), never as a weaker one.
 */
public enum IsolationLevel {
    /** Statements may see changes other transactions have not committed yet. */
    READ_UNCOMMITTED,
    /** Each statement sees what was committed before it began. */
    READ_COMMITTED,
    /** Every statement sees what was committed before the transaction's first statement. */
    REPEATABLE_READ,
    /**
     * The transaction behaves as if it ran alone; when it cannot, the database aborts it and the
     * client signals a retryable {@link dev.refract.error.TransactionConflictException}.
     */
    SERIALIZABLE
}

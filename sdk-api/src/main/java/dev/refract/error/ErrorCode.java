package dev.refract.error;

/** The stable code of each kind of error; codes never change meaning once released. */
public enum ErrorCode {
    RECORD_NOT_FOUND("R2025"),
    UNIQUE_CONSTRAINT_VIOLATION("R2002"),
    FOREIGN_KEY_VIOLATION("R2003"),
    MISSING_REQUIRED_FIELD("R2012"),
    RELATION_NOT_LOADED("R2030"),
    CLIENT_CLOSED("R1010"),
    ADAPTER_UNAVAILABLE("R1011"),
    INVALID_QUERY("R2009"),
    /** A column without a value that the database requires: {@link NullConstraintViolationException}. */
    NULL_CONSTRAINT_VIOLATION("R2011"),
    /** The database reported an error no other code describes: {@link QueryFailedException}. */
    QUERY_FAILED("R2010"),
    /** No pooled connection became free in time: {@link ConnectionAcquireTimeoutException}. */
    CONNECTION_ACQUIRE_TIMEOUT("R2024"),
    /** A serialization failure or deadlock; running the work again may succeed: {@link TransactionConflictException}. */
    TRANSACTION_CONFLICT("R2034"),
    /** A transaction ran longer than its timeout and was rolled back: {@link TransactionTimeoutException}. */
    TRANSACTION_TIMEOUT("R2028"),
    /** A transaction reached a model of a second datasource: {@link CrossDatasourceTransactionException}. */
    CROSS_DATASOURCE_TRANSACTION("R2041"),
    /** A write reached a datasource the schema marks {@code readOnly = true}: {@link ReadOnlyDatasourceException}. */
    READ_ONLY_DATASOURCE("R2042"),
    /** A transaction was asked of a server that cannot run one: {@link TransactionsUnsupportedException}. */
    TRANSACTIONS_UNSUPPORTED("R2043"),
    /** A step of a saga failed and the saga was compensated, fully or in part: {@link SagaFailedException}. */
    SAGA_FAILED("R2044"),
    /** The database could not be reached or dropped the connection: {@link ConnectionFailedException}. */
    CONNECTION_FAILED("R1001"),
    /** A statement got no answer within the datasource's statement timeout: {@link StatementTimeoutException}. */
    STATEMENT_TIMEOUT("R1008");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    /** The code as shown to users and logged, e.g. {@code R2025}. */
    public String code() {
        return code;
    }
}

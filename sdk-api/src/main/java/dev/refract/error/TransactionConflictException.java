package dev.refract.error;

import java.util.List;

/**
 * The database aborted a statement because of a serialization failure or a deadlock with another
 * transaction. Nothing is wrong with the statement itself: running the work again may succeed, so
 * {@link #retryable()} is true.
 */
public final class TransactionConflictException extends RefractException {

    private static final long serialVersionUID = 1L;

    /** A conflict while working on {@code model} (may be {@code null}), caused by {@code cause}. */
    public TransactionConflictException(String model, String message, Throwable cause) {
        super(ErrorCode.TRANSACTION_CONFLICT, model, List.of(), message, cause);
    }

    /** Always true: the whole unit of work may be run again. */
    public boolean retryable() {
        return true;
    }

    /** Always true: the database rolled the transaction back, so running it again applies it once. */
    @Override
    public boolean retrySafe() {
        return true;
    }
}

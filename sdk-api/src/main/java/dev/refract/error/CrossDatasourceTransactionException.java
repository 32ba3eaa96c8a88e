package dev.refract.error;

import java.util.List;
import java.util.Objects;

/**
 * An operation inside a transaction was on a model of another datasource than the transaction's.
 * A transaction belongs to one datasource; work that must change two datasources together is a
 * saga ({@code client.saga(...)}, see docs/transactions.md), or runs outside the transaction.
 */
public final class CrossDatasourceTransactionException extends RefractException {

    private static final long serialVersionUID = 1L;

    private final String transactionDatasource;
    private final String operationDatasource;

    /**
     * A transaction of {@code transactionDatasource} reached {@code model} of {@code operationDatasource},
     * or, when {@code model} is {@code null}, a transaction inside it named {@code operationDatasource}.
     */
    public CrossDatasourceTransactionException(String transactionDatasource, String operationDatasource,
            String model) {
        this(transactionDatasource, operationDatasource, model, model == null
                ? "contain a transaction of datasource '" + operationDatasource + "'"
                : "run an operation on " + model + ", which belongs to datasource '" + operationDatasource + "'");
    }

    private CrossDatasourceTransactionException(String transactionDatasource, String operationDatasource,
            String model, String refused) {
        super(ErrorCode.CROSS_DATASOURCE_TRANSACTION, model, List.of(), "A transaction of datasource '"
                + transactionDatasource + "' cannot " + refused
                + ": a transaction covers one datasource. Run the work on '" + operationDatasource + "' outside the"
                + " transaction, or coordinate both datasources with client.saga(...) (see docs/transactions.md)",
                null);
        this.transactionDatasource = Objects.requireNonNull(transactionDatasource, "transactionDatasource");
        this.operationDatasource = Objects.requireNonNull(operationDatasource, "operationDatasource");
    }

    /** A transaction of {@code transactionDatasource} reached a raw SQL statement on {@code statementDatasource}. */
    public static CrossDatasourceTransactionException rawSql(String transactionDatasource, String statementDatasource) {
        return new CrossDatasourceTransactionException(transactionDatasource, statementDatasource, null,
                "run raw SQL on datasource '" + statementDatasource + "'");
    }

    /** The datasource the transaction belongs to. */
    public String transactionDatasource() {
        return transactionDatasource;
    }

    /** The datasource of the model the refused operation was on. */
    public String operationDatasource() {
        return operationDatasource;
    }
}

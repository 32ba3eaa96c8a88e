package dev.refract.r2dbc.sql;

import dev.refract.spi.Row;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What carries out one operation: a single statement, or, where the database cannot do it in one
 * (a write that must return records on a server without {@code RETURNING}), ordered steps that run
 * on one connection in one transaction, a later step built from what earlier ones returned.
 *
 * <p>How an executor runs {@link Steps}:
 * <ol>
 *   <li>Take one connection and begin a transaction (or use the transaction the work already runs
 *       in); commit after the last step, roll back when any step fails, and give the connection back
 *       either way.</li>
 *   <li>For each step in order, with the results of the steps before it (one {@link StepResult} per
 *       step, index {@code i} for step {@code i}):
 *       <ul>
 *         <li>{@link Run}: call {@link Run#render()}; an empty answer skips the step
 *             ({@link StepResult#SKIPPED}). Otherwise execute the statement as a single statement is
 *             executed, reading it by its {@link SqlStatement#result() shape}: the rows of a
 *             {@link ResultShape.Rows} (as {@link Row}s, each value at its field's index), the
 *             affected count of a {@link ResultShape.AffectedCount}; record both.</li>
 *         <li>{@link CheckWarnings}: execute {@link CheckWarnings#SQL}, which lists the warnings of
 *             the statement before it as rows of {@code Level}, {@code Code}, {@code Message}. Fail
 *             with the first row whose level is {@code Warning} or {@code Error} and whose code is not
 *             {@linkplain CheckWarnings#tolerated() tolerated}, as if the statement before had failed
 *             with that code and message (an {@code R2dbcException} with that error code, translated
 *             as errors are); fail as well when the list holds {@link CheckWarnings#LIMIT} rows, as it
 *             may then be cut short. Record the step as {@link StepResult#SKIPPED}.</li>
 *       </ul></li>
 *   <li>Answer the operation: when {@link Steps#result()} is a {@link ResultShape.Rows}, the rows of
 *       every {@link Yield#ROWS} step that ran, in step order, with their number as the count;
 *       otherwise the sum of the counts of the {@link Yield#COUNT} steps that ran.</li>
 * </ol>
 * Render functions are pure: they read only the results given and what the renderer captured.
 */
public sealed interface SqlPlan {

    /** One statement whose result is the operation's: run it as it is. */
    record Single(SqlStatement statement) implements SqlPlan {
        public Single {
            Objects.requireNonNull(statement, "statement");
        }
    }

    /**
     * Statements run in order on one connection in one transaction.
     *
     * @param steps  what to run
     * @param result how the operation answers: the {@link ResultShape.Rows} its rows have, or
     *               {@link ResultShape.AffectedCount}
     */
    record Steps(List<Step> steps, ResultShape result) implements SqlPlan {
        public Steps {
            steps = List.copyOf(steps);
            Objects.requireNonNull(result, "result");
            if (!(result instanceof ResultShape.Rows || result instanceof ResultShape.AffectedCount)) {
                throw new IllegalArgumentException("a plan answers rows or a count, not " + result);
            }
        }
    }

    /** One step of {@link Steps}. */
    sealed interface Step {
    }

    /** What the operation takes from a {@link Run}. */
    enum Yield {
        /** Nothing: the step only prepares later ones. */
        NOTHING,
        /** Its rows are (part of) the records the operation returns. */
        ROWS,
        /** Its affected count adds to the operation's count. */
        COUNT
    }

    /**
     * A statement built from the results of the steps before it.
     *
     * @param purpose what the step does, for logs (e.g. {@code "lock the records the where finds"})
     * @param render  the statement, given the results of every step before this one; empty to skip it
     * @param yields  what the operation takes from its result
     */
    record Run(String purpose, Function<List<StepResult>, Optional<SqlStatement>> render, Yield yields)
            implements Step {
        public Run {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(render, "render");
            Objects.requireNonNull(yields, "yields");
        }

        /** A step whose statement does not depend on earlier results. */
        public static Run of(String purpose, SqlStatement statement, Yield yields) {
            Objects.requireNonNull(statement, "statement");
            Optional<SqlStatement> fixed = Optional.of(statement);
            return new Run(purpose, results -> fixed, yields);
        }
    }

    /**
     * Fails the plan when the statement before it left a warning whose code is not
     * {@code tolerated}: how an {@code INSERT IGNORE} skips duplicates and nothing else (it would
     * otherwise also skip rows that break a foreign key, store a default for a missing required
     * value and cut text that is too long, each only as a warning).
     *
     * @param tolerated the warning codes that are no failure, e.g. {@link #DUPLICATE_ENTRY}
     */
    record CheckWarnings(Set<Integer> tolerated) implements Step {

        /** The statement that lists the warnings of the statement before it. */
        public static final String SQL = "SHOW WARNINGS";

        /** MySQL's code for a duplicate entry of a unique key (ER_DUP_ENTRY). */
        public static final int DUPLICATE_ENTRY = 1062;

        /**
         * The most warnings a session keeps (its {@code max_error_count}, raised to this by the step
         * {@link #RAISE_LIMIT} before the statement checked); a list this long may be cut short.
         */
        public static final int LIMIT = 65535;

        /** Raises this session's {@code max_error_count} so that {@link #SQL} lists every warning of the next statement. */
        public static final SqlStatement RAISE_LIMIT = new SqlStatement("SET SESSION max_error_count = " + LIMIT,
                List.of(), new ResultShape.AffectedCount());

        public CheckWarnings {
            tolerated = Set.copyOf(tolerated);
        }
    }

    /**
     * What one step gave the steps after it.
     *
     * @param ran   false for a step skipped (or one that returns nothing, such as {@link CheckWarnings})
     * @param rows  the rows it read, as its statement's {@link ResultShape.Rows} lays them out; empty otherwise
     * @param count its affected count, or the number of its rows
     */
    record StepResult(boolean ran, List<Row> rows, long count) {

        /** The result of a step that did not run. */
        public static final StepResult SKIPPED = new StepResult(false, List.of(), 0);

        public StepResult {
            rows = List.copyOf(rows);
        }

        /** The result of a statement that read {@code rows}. */
        public static StepResult ofRows(List<Row> rows) {
            return new StepResult(true, rows, rows.size());
        }

        /** The result of a statement that changed {@code count} rows. */
        public static StepResult ofCount(long count) {
            return new StepResult(true, List.of(), count);
        }
    }
}

package dev.refract.r2dbc.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The statement being built: its text and the values bound so far. One per rendered statement,
 * used by one thread; {@link SqlRenderer} and the {@link Dialect} write into it.
 */
public final class SqlBuilder {

    private final Dialect dialect;
    private final StringBuilder sql = new StringBuilder(160);
    private final List<Bind> binds = new ArrayList<>(8);

    /** An empty statement in {@code dialect}. */
    public SqlBuilder(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** The text written so far, for appending. */
    public StringBuilder text() {
        return sql;
    }

    /** Appends raw SQL text; never a value. */
    public SqlBuilder append(String text) {
        sql.append(text);
        return this;
    }

    /** Appends one character of SQL text. */
    public SqlBuilder append(char c) {
        sql.append(c);
        return this;
    }

    /** Appends {@code name} as a quoted identifier. */
    public SqlBuilder identifier(String name) {
        dialect.identifier(sql, name);
        return this;
    }

    /**
     * Binds {@code bind} to a new placeholder written at the current position.
     *
     * @return the bind's position, counted from 1, for {@link #placeholder(int)}
     */
    public int bind(Bind bind) {
        binds.add(Objects.requireNonNull(bind, "bind"));
        int position = binds.size();
        dialect.placeholder(sql, position);
        return position;
    }

    /** Binds a non-null value as its own class; see {@link #bind(Bind)}. */
    public int bind(Object value) {
        return bind(Bind.of(value));
    }

    /**
     * Writes the placeholder of an earlier bind again.
     *
     * @throws IllegalStateException when the dialect cannot refer to a bind twice
     */
    public SqlBuilder placeholder(int position) {
        if (!dialect.reusesPlaceholders()) {
            throw new IllegalStateException("this dialect cannot refer to a bound value twice; bind it again");
        }
        dialect.placeholder(sql, position);
        return this;
    }

    /** The finished statement. */
    public SqlStatement toStatement(ResultShape result) {
        return new SqlStatement(sql.toString(), binds, result);
    }

    @Override
    public String toString() {
        return sql.toString();
    }
}

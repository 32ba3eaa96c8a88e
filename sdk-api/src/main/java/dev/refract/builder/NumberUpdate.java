package dev.refract.builder;

import dev.refract.query.WriteData.WriteOp;

/**
 * How an update changes one number field: set it, or change it atomically in the database, e.g.
 * {@code d.attempts().increment(1)}.
 *
 * @param <B> the update builder
 * @param <T> the field's Java type
 */
public final class NumberUpdate<B extends WriteBuilder<B>, T extends Number> {

    private final B builder;
    private final int field;
    private final String name;

    NumberUpdate(B builder, int field, String name) {
        this.builder = builder;
        this.field = field;
        this.name = name;
    }

    /** Sets the field to {@code value}. */
    public B set(T value) {
        return builder.write(field, WriteOp.SET, value);
    }

    /** Adds {@code value} to the field's current value. */
    public B increment(T value) {
        return builder.write(field, WriteOp.INCREMENT, checked(value, "increment"));
    }

    /** Subtracts {@code value} from the field's current value. */
    public B decrement(T value) {
        return builder.write(field, WriteOp.DECREMENT, checked(value, "decrement"));
    }

    /** Multiplies the field's current value by {@code value}. */
    public B multiply(T value) {
        return builder.write(field, WriteOp.MULTIPLY, checked(value, "multiply"));
    }

    /** Divides the field's current value by {@code value}. */
    public B divide(T value) {
        return builder.write(field, WriteOp.DIVIDE, checked(value, "divide"));
    }

    private T checked(T value, String op) {
        if (value == null) {
            throw new NullPointerException(name + "()." + op + " needs a number, was given null");
        }
        return value;
    }
}

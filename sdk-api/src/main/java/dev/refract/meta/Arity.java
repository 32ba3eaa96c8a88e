package dev.refract.meta;

/** How many values a field holds: exactly one, zero or one, or a list. */
public enum Arity {
    REQUIRED,
    OPTIONAL,
    LIST
}

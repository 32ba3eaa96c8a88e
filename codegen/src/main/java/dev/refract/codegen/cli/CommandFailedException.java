package dev.refract.codegen.cli;

/**
 * A subcommand could not do its work for a reason the user can act on (a database refused, a URL
 * is missing); {@link SchemaSubcommand} prints the message and exits with {@link RefractCommand#FAILED}.
 */
public final class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}, which says what to do about it. */
    public CommandFailedException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public CommandFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.refract.codegen.compiler;

/**
 * The compile pipeline could not run: the schema file is missing or unreadable, there is no output
 * directory, or the generated sources could not be written. The message names the path involved
 * and what to do about it. An invalid schema is not an exception; it is reported through
 * diagnostics.
 */
public final class CompilerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CompilerException(String message) {
        super(message);
    }

    public CompilerException(String message, Throwable cause) {
        super(message, cause);
    }
}

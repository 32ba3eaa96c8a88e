package dev.refract.codegen.parse;

/**
 * Thrown inside the parser after a syntax error has been reported, to give up the rest of the
 * current line; the block parser catches it and resynchronises at the next line. Never leaves
 * the parser.
 */
final class LineAbandoned extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LineAbandoned() {
        // No stack trace: this is control flow for error recovery, not a failure of the program.
        super(null, null, false, false);
    }
}

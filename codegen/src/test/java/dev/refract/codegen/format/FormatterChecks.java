package dev.refract.codegen.format;

import java.util.stream.Collectors;

/** Checks shared by the formatter's tests. */
final class FormatterChecks {

    private FormatterChecks() {}

    /**
     * The characters of {@code text} other than whitespace and trailing commas, sorted: formatting
     * moves and respaces text, but must never add or drop any of it.
     */
    static String nonBlankCharacters(String text) {
        // A trailing comma in a list or argument list is the one character the formatter drops.
        String withoutTrailingCommas = text.replaceAll(",\\s*(?=[)\\]])", "");
        return withoutTrailingCommas.codePoints().filter(c -> !Character.isWhitespace(c)).sorted()
                .mapToObj(Character::toString).collect(Collectors.joining());
    }
}

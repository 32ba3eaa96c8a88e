package dev.refract.codegen.generate;

/** Turns {@code ///} documentation of the schema into Javadoc text. */
final class Docs {

    private Docs() {}

    /** {@code doc} as Javadoc, or {@code fallback} when the schema has none; always ends with a newline. */
    static String javadoc(String doc, String fallback) {
        String text = doc == null || doc.isBlank() ? fallback : doc.strip();
        // A "*/" in a schema comment would end the Javadoc early; "@" at a line start would start a tag.
        text = text.replace("*/", "*&#47;").replace("\n@", "\n{@literal @}");
        return text.endsWith("\n") ? text : text + "\n";
    }

    /** {@code doc} for a {@code @param} line: one line, or {@code null} when there is none. */
    static String paramDoc(String doc) {
        if (doc == null || doc.isBlank()) {
            return null;
        }
        return doc.strip().replace("*/", "*&#47;").replace('\n', ' ');
    }
}

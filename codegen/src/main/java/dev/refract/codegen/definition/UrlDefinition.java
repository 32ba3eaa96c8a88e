package dev.refract.codegen.definition;

/**
 * A datasource URL: either written in the schema or read from an environment variable at run
 * time ({@code env("DATABASE_URL")}). Exactly one of the two is non-null.
 */
public record UrlDefinition(String literal, String environmentVariable) {

    public UrlDefinition {
        if ((literal == null) == (environmentVariable == null)) {
            throw new IllegalArgumentException("exactly one of literal and environmentVariable must be set");
        }
    }

    /** A URL written in the schema. */
    public static UrlDefinition literal(String url) {
        return new UrlDefinition(url, null);
    }

    /** A URL read from {@code variable} at run time. */
    public static UrlDefinition fromEnvironment(String variable) {
        return new UrlDefinition(null, variable);
    }
}

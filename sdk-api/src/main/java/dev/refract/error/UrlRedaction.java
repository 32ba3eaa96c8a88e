package dev.refract.error;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Removes passwords from connection URLs before they reach a message or a log. */
public final class UrlRedaction {

    /** {@code scheme://user:password@} and {@code password=value} query parameters. */
    private static final Pattern USER_INFO = Pattern.compile("(://[^:/@\\s]*:)([^@\\s]*)(@)");
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("([?&;](?:password|pwd|pass)=)([^&;\\s]*)", Pattern.CASE_INSENSITIVE);
    private static final String MASK = "****";

    private UrlRedaction() {}

    /** {@code text} with every URL password replaced by {@code ****}; {@code null} stays {@code null}. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String withoutUserInfo = USER_INFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + MASK + m.group(3)));
        return PASSWORD_PARAMETER.matcher(withoutUserInfo).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + MASK));
    }
}

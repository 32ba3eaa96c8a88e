package dev.refract.docs.harness;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fenced code block of a guide page.
 *
 * @param line     the line of the opening fence, counting from 1
 * @param language what follows the opening fence ({@code java}, {@code prisma}, …), empty when nothing does
 * @param indent   the spaces before the fence, which every line of the block carries too
 * @param body     the lines between the fences, as written
 * @param marker   the HTML comment on the last non-blank line above the fence, without {@code <!--} and
 *                 {@code -->}, e.g. {@code snippet: GettingStarted#firstQuery} or {@code invalid}; empty when none
 */
public record FencedBlock(int line, String language, String indent, List<String> body, String marker) {

    private static final Pattern SNIPPET = Pattern.compile("snippet:\\s*(\\S+)");

    public FencedBlock {
        body = List.copyOf(body);
    }

    /** The snippet the marker names ({@code ClassName#region}), if it names one. */
    public Optional<String> snippetId() {
        Matcher matcher = SNIPPET.matcher(marker);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Whether the marker says the block is a deliberately invalid example. */
    public boolean markedInvalid() {
        return marker.equals("invalid");
    }

    /** The body as {@link Snippets#normalise} reads a region, for comparing the two. */
    public String normalisedText() {
        return Snippets.normalise(body);
    }
}

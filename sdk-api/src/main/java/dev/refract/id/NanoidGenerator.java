package dev.refract.id;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Nano IDs, as {@code nanoid()} and {@code nanoid(n)} ask for: 21 characters (or 2 to 255) drawn
 * uniformly from the URL-safe alphabet {@code A-Z a-z 0-9 _ -}, or from an alphabet of one's own.
 *
 * <p>Uniform because each character is taken from the low bits of a random byte under the smallest
 * mask covering the alphabet, and bytes beyond the alphabet are thrown away rather than folded in
 * with a modulo; with the 64-character default alphabet no byte is ever thrown away.
 */
public final class NanoidGenerator implements IdGenerator {

    /** The default alphabet: 64 characters that need no escaping in a URL. */
    public static final String URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    /** The length of an id unless another is asked for. */
    public static final int DEFAULT_LENGTH = 21;

    private final RandomGenerator random;
    private final char[] alphabet;
    private final int length;
    private final int mask;
    private final int bytesPerDraw;

    /** Ids of {@code length} URL-safe characters. */
    public NanoidGenerator(RandomGenerator random, int length) {
        this(random, URL_ALPHABET, length);
    }

    /**
     * Ids of {@code length} characters of {@code alphabet}.
     *
     * @throws IllegalArgumentException when the length is not 2 to 255, or the alphabet has fewer
     *                                  than 2 or more than 256 characters, or repeats one
     */
    public NanoidGenerator(RandomGenerator random, String alphabet, int length) {
        this.random = Objects.requireNonNull(random, "random");
        if (length < 2 || length > 255) {
            throw new IllegalArgumentException("A nanoid length must be between 2 and 255, was " + length);
        }
        if (alphabet.length() < 2 || alphabet.length() > 256) {
            throw new IllegalArgumentException("A nanoid alphabet needs 2 to 256 characters, had " + alphabet.length());
        }
        if (alphabet.chars().distinct().count() != alphabet.length()) {
            throw new IllegalArgumentException("A nanoid alphabet must not repeat a character: \"" + alphabet + "\"");
        }
        this.alphabet = alphabet.toCharArray();
        this.length = length;
        this.mask = (2 << (31 - Integer.numberOfLeadingZeros(alphabet.length() - 1))) - 1;
        // Enough bytes that one draw usually fills the id even when some bytes are thrown away.
        this.bytesPerDraw = (int) Math.ceil(1.6 * mask * length / alphabet.length());
    }

    @Override
    public String next() {
        char[] id = new char[length];
        byte[] bytes = new byte[bytesPerDraw];
        int filled = 0;
        while (filled < length) {
            random.nextBytes(bytes);
            for (int i = 0; i < bytes.length && filled < length; i++) {
                int index = bytes[i] & mask;
                if (index < alphabet.length) {
                    id[filled++] = alphabet[index];
                }
            }
        }
        return new String(id);
    }
}

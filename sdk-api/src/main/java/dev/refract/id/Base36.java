package dev.refract.id;

/** Base-36 text as JavaScript's {@code Number.toString(36)} writes it: digits, then lowercase letters. */
final class Base36 {

    private Base36() {}

    /** The last {@code width} digits of {@code value} in base 36, padded with leading zeros. */
    static String padded(long value, int width) {
        String digits = Long.toString(value, 36);
        if (digits.length() >= width) {
            return digits.substring(digits.length() - width);
        }
        return "0".repeat(width - digits.length()) + digits;
    }
}

package dev.refract.r2dbc.migrate;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum that tells whether an applied migration was edited: the SHA-256 of the script's
 * bytes after {@code \r\n} and a lone {@code \r} are made {@code \n}, as 64 lower-case hex digits.
 * Line endings are normalised so that a checkout converting them (Git's {@code autocrlf} on
 * Windows) does not make every applied migration look edited; every other byte counts, a byte
 * order mark, trailing whitespace and a changed comment included.
 */
public final class Checksums {

    private Checksums() {
    }

    /** The checksum of a script's bytes. */
    public static String of(byte[] script) {
        ByteArrayOutputStream normalised = new ByteArrayOutputStream(script.length);
        for (int i = 0; i < script.length; i++) {
            byte b = script[i];
            if (b == '\r') {
                normalised.write('\n');
                if (i + 1 < script.length && script[i + 1] == '\n') {
                    i++;
                }
            } else {
                normalised.write(b);
            }
        }
        return HexFormat.of().formatHex(sha256(normalised.toByteArray()));
    }

    /** The SHA-256 digest of {@code bytes}. */
    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no SHA-256, which every Java runtime must have", e);
        }
    }
}

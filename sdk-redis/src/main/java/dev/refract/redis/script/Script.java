package dev.refract.redis.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One Lua script and its SHA-1 digest, computed once here, so that it runs by {@code EVALSHA} and
 * is sent whole only when a server does not know it yet.
 *
 * @param name   a short name for logs and errors
 * @param source the Lua text
 * @param sha    its SHA-1 digest in lower-case hex, as {@code SCRIPT LOAD} answers
 */
public record Script(String name, String source, String sha) {

    public Script {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sha, "sha");
    }

    /** The script {@code source}, its digest computed. */
    public Script(String name, String source) {
        this(name, source, sha1(source));
    }

    private static String sha1(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}

package dev.refract.id;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * CUID2, as {@code cuid(2)} asks for: a random lowercase letter followed by the base-36 digits of a
 * SHA3-512 hash of the time, random salt, a counter and a host fingerprint; 24 characters unless
 * another length (2 to 32) is given.
 *
 * <p>As the reference implementation does, the hash's first base-36 digit is dropped (it is biased)
 * and the counter starts at a random value below 476,782,367 so that hosts started together do not
 * share counters.
 */
public final class Cuid2Generator implements IdGenerator {

    /** The length of an id unless another is asked for. */
    public static final int DEFAULT_LENGTH = 24;
    /** The longest id, also the length of the fingerprint. */
    public static final int MAX_LENGTH = 32;

    private static final long INITIAL_COUNT_MAX = 476_782_367L;
    private static final String DIGEST = "SHA3-512";

    private final Clock clock;
    private final RandomGenerator random;
    private final int length;
    private final AtomicLong counter;
    private final String fingerprint;

    /** A generator of ids of the default length, 24. */
    public Cuid2Generator(Clock clock, RandomGenerator random) {
        this(clock, random, DEFAULT_LENGTH);
    }

    /**
     * @param length the length of every id, 2 to 32
     * @throws IllegalArgumentException when {@code length} is out of range
     */
    public Cuid2Generator(Clock clock, RandomGenerator random, int length) {
        if (length < 2 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("A cuid2 length must be between 2 and " + MAX_LENGTH + ", was " + length);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.length = length;
        this.counter = new AtomicLong(random.nextLong(INITIAL_COUNT_MAX));
        String host = Objects.requireNonNullElse(System.getenv("HOSTNAME"), "");
        this.fingerprint = hash(ProcessHandle.current().pid() + host + entropy(MAX_LENGTH)).substring(0, MAX_LENGTH);
    }

    @Override
    public String next() {
        char firstLetter = (char) ('a' + random.nextInt(26));
        String input = Long.toString(clock.millis(), 36) + entropy(length)
                + Long.toString(counter.getAndIncrement(), 36) + fingerprint;
        return firstLetter + hash(input).substring(1, length);
    }

    private String entropy(int digits) {
        char[] chars = new char[digits];
        for (int i = 0; i < digits; i++) {
            chars[i] = Character.forDigit(random.nextInt(36), 36);
        }
        return new String(chars);
    }

    /** The base-36 digits of the SHA3-512 hash of {@code input}, without the first one. */
    private static String hash(String input) {
        byte[] digest = digest().digest(input.getBytes(StandardCharsets.UTF_8));
        return new BigInteger(1, digest).toString(36).substring(1);
    }

    private static MessageDigest digest() {
        try {
            // A MessageDigest holds state, so each hash gets its own; the lookup is cheap.
            return MessageDigest.getInstance(DIGEST);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java 17 runtime provides " + DIGEST + "; this one does not", e);
        }
    }
}

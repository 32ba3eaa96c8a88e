package dev.refract.redis.write;

import java.util.List;

/**
 * When a record written by a script expires, with its index keys: the two script arguments that say
 * so. Decided by {@link WritePlanner} from the write's own time to live, the model's
 * {@code @expiresAt} field and its {@code @@ttl}, in that order.
 *
 * @param kind   what the script does with the record's expiry
 * @param millis for {@link Kind#AFTER}, milliseconds from now; for {@link Kind#AT}, milliseconds
 *               since the epoch; otherwise {@code 0}
 */
public record Expiry(Kind kind, long millis) {

    /** What a script does with the expiry of the keys it writes. */
    public enum Kind {
        /** The keys keep the record's remaining time ({@code PTTL}), as an update that touches no expiry. */
        KEEP("keep"),
        /** The keys never expire ({@code PERSIST}). */
        NEVER("never"),
        /** The keys expire {@code millis} from now ({@code PEXPIRE}). */
        AFTER("after"),
        /** The keys expire at the instant {@code millis} ({@code PEXPIREAT}); one in the past removes them at once. */
        AT("at");

        private final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    /** Keys that keep the record's remaining time. */
    public static final Expiry KEEP = new Expiry(Kind.KEEP, 0);
    /** Keys that never expire. */
    public static final Expiry NEVER = new Expiry(Kind.NEVER, 0);

    public Expiry {
        if ((kind == Kind.AFTER && millis < 1) || ((kind == Kind.KEEP || kind == Kind.NEVER) && millis != 0)) {
            throw new IllegalArgumentException(kind + " does not take " + millis + " ms");
        }
    }

    /** Keys expiring {@code millis} (at least 1) from now. */
    public static Expiry after(long millis) {
        return new Expiry(Kind.AFTER, millis);
    }

    /** Keys expiring at {@code epochMillis}. */
    public static Expiry at(long epochMillis) {
        return new Expiry(Kind.AT, epochMillis);
    }

    /** The two arguments the write scripts read: the kind's code and the milliseconds. */
    List<String> arguments() {
        return List.of(kind.code, Long.toString(millis));
    }
}

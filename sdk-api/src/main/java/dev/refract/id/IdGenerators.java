package dev.refract.id;

import dev.refract.meta.DefaultValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * The id generators of one client, one per kind of generated default. A client builds its set once,
 * with {@link #standard(Clock)} unless its options give another (tests replace generators with
 * predictable ones).
 *
 * @param cuid   for {@code cuid()}
 * @param cuid2  for {@code cuid(2)}
 * @param uuid4  for {@code uuid()}
 * @param uuid7  for {@code uuid(7)}
 * @param ulid   for {@code ulid()}
 * @param nanoid for {@code nanoid(n)}: the generator of ids of length {@code n}; called once per
 *               field when the client starts, not per id
 */
public record IdGenerators(IdGenerator cuid, IdGenerator cuid2, IdGenerator uuid4, IdGenerator uuid7,
        IdGenerator ulid, IntFunction<IdGenerator> nanoid) {

    public IdGenerators {
        Objects.requireNonNull(cuid, "cuid");
        Objects.requireNonNull(cuid2, "cuid2");
        Objects.requireNonNull(uuid4, "uuid4");
        Objects.requireNonNull(uuid7, "uuid7");
        Objects.requireNonNull(ulid, "ulid");
        Objects.requireNonNull(nanoid, "nanoid");
    }

    /**
     * The generators of the published formats, each with a {@link SecureRandom} of its own, reading
     * time from {@code clock}.
     */
    public static IdGenerators standard(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return new IdGenerators(new CuidGenerator(clock, new SecureRandom()),
                new Cuid2Generator(clock, new SecureRandom()),
                new UuidV4Generator(new SecureRandom()),
                new UuidV7Generator(clock, new SecureRandom()),
                new UlidGenerator(clock, new SecureRandom()),
                length -> new NanoidGenerator(new SecureRandom(), length));
    }

    /**
     * The generator {@code value} asks for, or {@code null} when it is no generated id (a literal,
     * {@code now()}, or a value the database makes).
     */
    public IdGenerator forDefault(DefaultValue value) {
        if (value instanceof DefaultValue.Cuid c) {
            return c.version() == 2 ? cuid2 : cuid;
        }
        if (value instanceof DefaultValue.Uuid u) {
            return u.version() == 7 ? uuid7 : uuid4;
        }
        if (value instanceof DefaultValue.Ulid) {
            return ulid;
        }
        if (value instanceof DefaultValue.Nanoid n) {
            return Objects.requireNonNull(nanoid.apply(n.length()), "the nanoid generator of length " + n.length());
        }
        return null;
    }

    /** These generators with {@code generator} for {@code cuid()}. */
    public IdGenerators withCuid(IdGenerator generator) {
        return new IdGenerators(generator, cuid2, uuid4, uuid7, ulid, nanoid);
    }

    /** These generators with {@code generator} for {@code uuid(7)}. */
    public IdGenerators withUuid7(IdGenerator generator) {
        return new IdGenerators(cuid, cuid2, uuid4, generator, ulid, nanoid);
    }
}

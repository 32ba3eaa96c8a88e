package dev.refract.r2dbc.error;

import io.r2dbc.spi.R2dbcException;

/** Reads the errors of one database's driver into {@link DatabaseError}s. */
interface DriverErrors {

    /** What {@code error} says; {@link DatabaseError.Kind#OTHER} when it is none of the known kinds. */
    DatabaseError read(R2dbcException error);

    /**
     * True when {@code error}, which is no {@link R2dbcException}, is how the driver says that the
     * connection a statement was sent on has ended (none but socket errors unless a driver says so).
     */
    default boolean lostConnection(Throwable error) {
        return false;
    }

    /**
     * True when {@code identifier}, a constraint or index name as this database reports it, is the
     * name {@code name} Refract gave it (which the database may have cut to its longest identifier).
     */
    boolean sameIdentifier(String name, String identifier);
}

package dev.refract.r2dbc.ddl;

import java.util.List;

/**
 * {@link DbPush} found tables or enum types of the schema already in the database. Push only
 * creates a schema in an empty database and never drops or alters anything; changing an
 * existing database is the job of migrations.
 */
public final class DbPushRefusedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final List<String> existing;

    DbPushRefusedException(String datasource, String databaseSchema, List<String> existing) {
        super("db push refused for datasource " + datasource + ": database schema \"" + databaseSchema
                + "\" already holds " + String.join(", ", existing) + ". db push only creates the tables of a schema"
                + " in an empty database and never drops or alters anything; push into an empty database schema,"
                + " or drop these objects yourself first");
        this.existing = List.copyOf(existing);
    }

    /** The objects found, e.g. {@code table "User"} or {@code type "Role"}. */
    public List<String> existing() {
        return existing;
    }
}

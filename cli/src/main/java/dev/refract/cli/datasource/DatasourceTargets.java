package dev.refract.cli.datasource;

import dev.refract.codegen.cli.CommandFailedException;
import dev.refract.error.UrlRedaction;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Which datasources of a schema a database command works on, and how it reaches them: every
 * relational datasource the schema may change (and every MongoDB one, for the commands that work on
 * them), or the one named with {@code --datasource}; its URL from {@code --url}, else as the schema
 * gives it (written, or read from the environment).
 */
public final class DatasourceTargets {

    /** One datasource to work on, or one left alone and why. */
    public record Target(DatasourceMeta datasource, String skipped) {

        /** True when the command works on this datasource. */
        public boolean selected() {
            return skipped == null;
        }
    }

    private final SchemaMeta schema;
    private final UnaryOperator<String> environment;

    /** Targets of {@code schema}, reading URLs from {@code environment} (e.g. {@code System::getenv}). */
    public DatasourceTargets(SchemaMeta schema, UnaryOperator<String> environment) {
        this.schema = schema;
        this.environment = environment;
    }

    /**
     * The datasources of the schema in declaration order, each selected or skipped with a reason.
     *
     * @param name the datasource given with {@code --datasource}, or {@code null} for every one
     * @throws CommandFailedException when {@code name} is no datasource of the schema, or names one the
     *         command cannot work on
     */
    public List<Target> select(String name) {
        return select(name, true);
    }

    /**
     * The datasources of the schema in declaration order, each selected or skipped with a reason.
     *
     * @param name    the datasource given with {@code --datasource}, or {@code null} for every one
     * @param changes true for a command that changes the database, which a read-only datasource refuses;
     *                false for one that only reads it ({@code db pull})
     * @throws CommandFailedException when {@code name} is no datasource of the schema, or names one the
     *         command cannot work on
     */
    public List<Target> select(String name, boolean changes) {
        return select(name, changes, false);
    }

    /**
     * The datasources of the schema in declaration order, each selected or skipped with a reason.
     *
     * @param name      the datasource given with {@code --datasource}, or {@code null} for every one
     * @param changes   true for a command that changes the database, which a read-only datasource refuses
     * @param documents true for a command that also works on MongoDB datasources ({@code db push},
     *                  {@code migrate …}), false for one that works on relational ones only
     * @throws CommandFailedException when {@code name} is no datasource of the schema, or names one the
     *         command cannot work on
     */
    public List<Target> select(String name, boolean changes, boolean documents) {
        if (name != null && schema.datasources().stream().noneMatch(d -> d.name().equals(name))) {
            throw new CommandFailedException("The schema has no datasource '" + name + "'; its datasources are "
                    + schema.datasources().stream().map(DatasourceMeta::name).collect(Collectors.joining(", ")) + ".");
        }
        List<Target> targets = new ArrayList<>();
        for (DatasourceMeta datasource : schema.datasources()) {
            if (name != null && !datasource.name().equals(name)) {
                continue;
            }
            String skipped = null;
            if (changes && datasource.readOnly()) {
                skipped = "read-only (readOnly = true), so it is never changed";
            } else if (datasource.provider() == Provider.REDIS) {
                skipped = "a Redis datasource keeps no tables or collections: nothing to migrate";
            } else if (datasource.provider().family() != Provider.Family.RELATIONAL && !documents) {
                skipped = "provider " + datasource.provider().schemaName() + " is not relational";
            }
            if (skipped != null && name != null) {
                throw new CommandFailedException("Datasource '" + name + "' is " + skipped + ".");
            }
            targets.add(new Target(datasource, skipped));
        }
        return targets;
    }

    /**
     * The URL of {@code datasource}: {@code override} when given, else the schema's.
     *
     * @throws CommandFailedException when the schema reads it from an environment variable that is not set
     */
    public String url(DatasourceMeta datasource, String override) {
        if (override != null) {
            return override;
        }
        if (datasource.url() != null) {
            return datasource.url();
        }
        String value = environment.apply(datasource.urlEnvironment());
        if (value == null || value.isBlank()) {
            throw new CommandFailedException("Datasource '" + datasource.name() + "' reads its URL from the"
                    + " environment variable " + datasource.urlEnvironment() + ", which is not set. Set it, or pass"
                    + " the URL with --url (together with --datasource " + datasource.name() + ").");
        }
        return value;
    }

    /**
     * The connections of {@code datasource} at {@code url}.
     *
     * @throws CommandFailedException when {@code url} is no R2DBC URL a driver on the class path takes
     */
    public static ConnectionFactory connections(DatasourceMeta datasource, String url) {
        try {
            return ConnectionFactories.get(url);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandFailedException("The URL of datasource '" + datasource.name() + "' ("
                    + UrlRedaction.redact(url) + ") is not an R2DBC URL Refract can open: write it as "
                    + (datasource.provider() == Provider.MYSQL ? "r2dbc:mysql://user:password@host:3306/database"
                            : "r2dbc:postgresql://user:password@host:5432/database") + ".", e);
        }
    }
}

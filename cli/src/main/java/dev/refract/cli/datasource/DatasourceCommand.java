package dev.refract.cli.datasource;

import dev.refract.codegen.cli.CommandFailedException;
import dev.refract.codegen.cli.SchemaSubcommand;
import dev.refract.codegen.generate.RuntimeMetadata;
import dev.refract.error.UrlRedaction;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import io.r2dbc.spi.ConnectionFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;
import reactor.core.Exceptions;

/**
 * The base of the commands that work on the databases of a schema's datasources ({@code db push}
 * and {@code migrate …}: relational and MongoDB ones; {@code db pull}: relational ones): the
 * {@code --datasource} and {@code --url} options, and a loop that gives the command each selected
 * datasource with its connections, saying which datasources it leaves alone and why.
 */
public abstract class DatasourceCommand extends SchemaSubcommand {

    @Option(names = "--datasource", paramLabel = "NAME",
            description = "Work on this datasource only (default: every datasource the command works on, in declared"
                    + " order).")
    private String datasource;

    @Option(names = "--url", paramLabel = "URL",
            description = "The URL of the database (R2DBC, or a MongoDB connection string), instead of the schema's"
                    + " (needs --datasource when the schema has several datasources the command works on).")
    private String url;

    private final UnaryOperator<String> environment;

    /** A command reading datasource URLs from {@code environment} (the process's: {@code System::getenv}). */
    protected DatasourceCommand(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /**
     * One datasource to work on: its metadata in {@code schema}, its URL and, for a relational one,
     * its connections ({@code null} for a MongoDB datasource: see {@link MongoDatabases}).
     */
    public record Selected(SchemaMeta schema, DatasourceMeta datasource, String url, ConnectionFactory connections) {

        /** The URL without its password, for messages. */
        public String displayUrl() {
            return UrlRedaction.redact(url);
        }

        /** True for a MongoDB datasource, whose collections and indexes the command works on. */
        public boolean isMongo() {
            return datasource.provider() == Provider.MONGODB;
        }
    }

    /** True for a command that also works on MongoDB datasources (then it checks {@link Selected#isMongo()}). */
    protected boolean worksOnMongo() {
        return false;
    }

    /** True for a command that works on one datasource only, which must then be named when there are several. */
    protected boolean onOneDatasource() {
        return false;
    }

    /** False for a command that only reads its databases, and so may read read-only datasources too. */
    protected boolean changesDatabase() {
        return true;
    }

    /** The datasource given with {@code --datasource}, or {@code null} for every one. */
    protected final String datasourceOption() {
        return datasource;
    }

    /**
     * Runs {@code work} for each selected datasource of the schema file {@code schema}, in declared order,
     * after printing why the others are left alone.
     *
     * @throws CommandFailedException when the schema is not valid, a named datasource does not exist or
     *         cannot be worked on, or a URL is missing
     */
    protected final void forEachDatasource(Path schema, DatasourceWork work) {
        SchemaMeta meta = RuntimeMetadata.of(validSchema(schema));
        DatasourceTargets targets = new DatasourceTargets(meta, environment);
        List<DatasourceTargets.Target> selected = targets.select(datasource, changesDatabase(), worksOnMongo());
        long count = selected.stream().filter(DatasourceTargets.Target::selected).count();
        if (url != null && count > 1) {
            throw new CommandFailedException("--url names one database, but the schema has several datasources"
                    + " to work on: add --datasource NAME.");
        }
        if (onOneDatasource() && count > 1) {
            throw new CommandFailedException(commandName() + " works on one datasource, and the schema has "
                    + count + " it could work on: name it with --datasource NAME.");
        }
        for (DatasourceTargets.Target target : selected) {
            if (!target.selected()) {
                out().println("Datasource '" + target.datasource().name() + "': left alone, " + target.skipped() + ".");
                continue;
            }
            String location = targets.url(target.datasource(), url);
            try {
                boolean mongo = target.datasource().provider() == Provider.MONGODB;
                work.run(new Selected(meta, target.datasource(), location,
                        mongo ? null : DatasourceTargets.connections(target.datasource(), location)));
            } catch (CommandFailedException e) {
                throw e;
            } catch (RuntimeException e) {
                throw failure(target.datasource(), location, Exceptions.unwrap(e));
            }
            out().flush();
        }
        out().flush();
    }

    /**
     * A failure of the work on {@code datasource}: the library's own refusals (an edited migration,
     * data loss not accepted, a lock held too long) and the database's or driver's errors (a
     * connection refused, a statement failing) alike, said with the datasource and its URL without
     * the password, and the cause kept.
     */
    private static CommandFailedException failure(DatasourceMeta datasource, String url, Throwable cause) {
        StringBuilder message = new StringBuilder();
        for (Throwable reason = cause; reason != null && message.length() < 2_000; reason = reason.getCause()) {
            String text = reason.getMessage() == null ? reason.getClass().getSimpleName() : reason.getMessage();
            if (message.indexOf(text) < 0) {
                message.append(message.length() == 0 ? "" : ": ").append(text);
            }
        }
        return new CommandFailedException("Datasource '" + datasource.name() + "' (" + UrlRedaction.redact(url)
                + "): " + UrlRedaction.redact(message.toString()), cause);
    }

    /** What a command does with one datasource. */
    @FunctionalInterface
    protected interface DatasourceWork {

        /**
         * Works on {@code datasource}.
         *
         * @throws CommandFailedException when the work cannot be done
         */
        void run(Selected datasource);
    }
}

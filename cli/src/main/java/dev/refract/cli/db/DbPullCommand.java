package dev.refract.cli.db;

import dev.refract.cli.datasource.DatasourceCommand;
import dev.refract.codegen.cli.CommandFailedException;
import dev.refract.codegen.cli.RefractCommand;
import dev.refract.codegen.compiler.CheckResult;
import dev.refract.codegen.compiler.DiagnosticSummary;
import dev.refract.codegen.compiler.SchemaCompiler;
import dev.refract.codegen.source.SourceFile;
import dev.refract.error.UrlRedaction;
import dev.refract.meta.Provider;
import dev.refract.r2dbc.catalog.Catalog;
import dev.refract.r2dbc.catalog.CatalogReader;
import dev.refract.r2dbc.catalog.pull.PulledSchema;
import dev.refract.r2dbc.catalog.pull.SchemaWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;

/**
 * {@code refract db pull}: brings an existing PostgreSQL or MySQL database into the schema. Reads the
 * catalog of one datasource's database and writes its tables as that datasource's models (and its enum
 * types as enums), replacing the models the datasource had; the other blocks of the file stay. The
 * database is only read, so a read-only datasource can be pulled too. The schema file is written only
 * when the result is valid.
 */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = "Writes the tables of an existing database as the models of its datasource in the schema,"
                + " replacing the models that datasource had; the database is only read.")
public final class DbPullCommand extends DatasourceCommand {

    /** How long reading one database's catalog may take before the command gives up. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** A command reading datasource URLs from the process's environment. */
    public DbPullCommand() {
        this(System::getenv);
    }

    /** A command reading datasource URLs from {@code environment}. */
    public DbPullCommand(UnaryOperator<String> environment) {
        super(environment);
    }

    @Override
    protected boolean changesDatabase() {
        return false;
    }

    @Override
    protected boolean onOneDatasource() {
        return true;
    }

    @Override
    protected int run(Path schema) {
        forEachDatasource(schema, target -> pull(schema, target));
        return RefractCommand.SUCCESS;
    }

    private void pull(Path schema, Selected target) {
        String name = target.datasource().name();
        Provider provider = target.datasource().provider();
        Catalog catalog;
        try {
            catalog = CatalogReader.read(target.connections(), provider).block(TIMEOUT);
        } catch (RuntimeException e) {
            throw new CommandFailedException("db pull of datasource '" + name + "' from " + target.displayUrl()
                    + " failed: " + UrlRedaction.redact(String.valueOf(e.getMessage())), e);
        }
        PulledSchema pulled = SchemaWriter.write(catalog, provider, target.datasource().index() == 0 ? null : name);
        SchemaCompiler compiler = new SchemaCompiler(this::display);
        SourceFile source = compiler.read(schema);
        String text;
        try {
            text = PulledSchemaFile.replace(source, name, pulled.text());
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage(), e);
        }
        CheckResult check = compiler.check(new SourceFile(source.name(), text));
        if (check.hasErrors()) {
            err().println(DiagnosticSummary.render(check.diagnostics()));
            throw new CommandFailedException("The schema with the models pulled from datasource '" + name + "' is not"
                    + " valid (the errors above), so " + display(schema) + " was left as it was. Rename or map what"
                    + " clashes, or fix the database, then pull again.");
        }
        try {
            Files.writeString(schema, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + display(schema), e);
        }
        out().println("Datasource '" + name + "' (" + provider.schemaName() + ", " + target.displayUrl() + "): wrote "
                + DiagnosticSummary.plural(pulled.models().size(), "model")
                + (pulled.enums().isEmpty() ? "" : " and " + DiagnosticSummary.plural(pulled.enums().size(), "enum"))
                + " to " + display(schema) + ".");
        pulled.skipped().forEach(reason -> out().println("  left out " + reason));
    }
}

package com.example.pipeline;

import com.example.pipeline.db.RefractClient;
import com.example.pipeline.migrate.MigrationDeployer;
import com.example.pipeline.report.PipelineReport;
import com.example.pipeline.report.StepExport;
import com.example.pipeline.seed.PipelineSeed;
import com.example.pipeline.servers.DatasourceServer;
import com.example.pipeline.servers.DatasourceServers;
import com.example.pipeline.table.TextTable;
import dev.refract.error.UrlRedaction;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The example's whole run, on the servers already chosen: checks that every datasource answers, deploys
 * the migrations, records the seed data and prints the seed's queries as tables. It is one cold,
 * non-blocking {@link Mono}; {@link Main} is the only place that waits for it.
 */
public final class PipelineApp {

    /** How long a datasource may take to answer the first ping. */
    static final Duration REACHABLE_WITHIN = Duration.ofSeconds(15);

    private final DatasourceServers servers;
    private final Path migrations;
    private final Path export;
    private final Clock clock;
    private final PrintStream out;

    /**
     * @param servers    the server of each datasource
     * @param migrations the directory holding one migrations directory per datasource
     * @param export     the file the streamed export of all steps is written to
     * @param clock      what "now" is, for the seed's times and "the last 24 hours"
     * @param out        where the tables are printed
     */
    public PipelineApp(DatasourceServers servers, Path migrations, Path export, Clock clock, PrintStream out) {
        this.servers = Objects.requireNonNull(servers, "servers");
        this.migrations = Objects.requireNonNull(migrations, "migrations");
        this.export = Objects.requireNonNull(export, "export");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * The run: a client on the chosen servers, closed at the end whatever happens.
     *
     * @return completes when everything is printed; signals an {@link IllegalStateException} naming the
     *         datasource and its variable when a server does not answer, and the client's error when a
     *         step fails
     */
    public Mono<Void> run() {
        return Mono.usingWhen(Mono.fromSupplier(this::client), this::run, RefractClient::closeAsync);
    }

    private RefractClient client() {
        RefractClient.Builder builder = RefractClient.builder().clock(clock);
        for (DatasourceServer server : servers.servers()) {
            builder.datasource(server.datasource().name(), server.url());
        }
        return builder.build();
    }

    private Mono<Void> run(RefractClient db) {
        // whole seconds: the databases keep milliseconds at most, and the tables show minutes
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        PipelineReport report = new PipelineReport(db, now);
        return Mono.fromRunnable(() -> {
                    out.println("Datasources:");
                    servers.servers().forEach(server -> out.println("  " + server.describe()));
                })
                .then(reachable(db))
                .then(Mono.fromRunnable(() -> out.println("Migrations:")))
                .thenMany(new MigrationDeployer(db.core().schema(), migrations).deploy(servers))
                .doOnNext(deployed -> out.println("  " + deployed.describe()))
                .then(new PipelineSeed(db).seed(now))
                .doOnNext(seeded -> out.println("Recorded " + seeded.runs().size() + " pipeline runs with their steps"
                        + " (PostgreSQL), " + seeded.contentItems().size() + " content items (MongoDB) and "
                        + seeded.sessions().size() + " sessions (Redis)."))
                .thenMany(Flux.concat(
                        report.failedRunsOfLastDay(),
                        report.costByPipeline(),
                        new StepExport(db).export(export),
                        report.runsWithContentAndSessions(),
                        report.cachedLookUp(PipelineSeed.RUN_IDS.get(2))))
                .doOnNext(this::print)
                .then();
    }

    private void print(TextTable table) {
        out.println();
        out.print(table.render());
    }

    /** Pings every datasource, one after the other, failing with what to do about the first that does not answer. */
    private Mono<Void> reachable(RefractClient db) {
        return Flux.fromIterable(servers.servers())
                .concatMap(server -> db.core().ping(server.datasource().name())
                        .timeout(REACHABLE_WITHIN)
                        .onErrorMap(error -> unreachable(server, error)))
                .then();
    }

    private static IllegalStateException unreachable(DatasourceServer server, Throwable error) {
        String variable = server.datasource().urlEnvironment();
        String remedy = server.embedded() ? "The embedded server started for it does not answer."
                : "Start that server, correct " + variable + ", or unset " + variable + " to use an embedded server.";
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new IllegalStateException("datasource '" + server.datasource().name() + "' ("
                + server.datasource().provider().schemaName() + ") cannot be reached at "
                + UrlRedaction.redact(server.url()) + ": " + UrlRedaction.redact(reason) + ". " + remedy, error);
    }
}

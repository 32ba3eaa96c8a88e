package dev.refract.benchmarks.compare.r2dbc;

import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Lineup;
import dev.refract.benchmarks.compare.Settings;
import dev.refract.benchmarks.compare.Workload;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The lineup of a relational database, whichever it is: its contenders on one database (or schema)
 * of their own, a JDBC connection beside them that readies and checks the data between runs, and
 * the statements that do so in the database's own SQL. The PostgreSQL and MySQL lineups differ only
 * in how they set the data up and in those statements.
 */
public final class SqlLineup implements Lineup {

    /** The keys of the contenders of a relational lineup, in the order each round runs them. */
    public static final List<String> CONTENDERS = List.of("refract", "raw", "spring-template", "spring-repository");

    private final String key;
    private final String server;
    private final String address;
    private final Map<String, String> versions;
    private final List<Contender> contenders;
    private final Connection admin;
    private final Checks checks;
    private final AutoCloseable cleanup;
    private long countersBefore;
    /**
     * The sum of the counters the last increment run's check counted, or -1 when the next run must count it
     * anew: nothing changes the counters between that check and the next run, so the sum is counted once per
     * run rather than before and after it (a scan of the whole table, which the in-process MongoDB server
     * makes slowly).
     */
    private long countersChecked = -1;

    /**
     * The statements that ready and check the data, in the database's SQL.
     *
     * @param emptyEntries  empties the table the creates write, restarting its ids
     * @param checkEntries  one row: the entries, their distinct ids, and those whose columns hold the
     *                      values of their data index (read back from {@code total = index * 1000003})
     * @param sumCounters   one row: the sum of the counters of the ten-column table
     */
    public record Checks(String emptyEntries, String checkEntries, String sumCounters) {
    }

    /**
     * A started lineup. {@code cleanup} runs on {@link #close()}, after the contenders and {@code admin}
     * are closed: it drops the data and undoes whatever the lineup changed on the server.
     */
    public SqlLineup(String key, String server, String address, Map<String, String> versions, List<Contender> contenders,
            Connection admin, Checks checks, AutoCloseable cleanup) {
        this.key = key;
        this.server = server;
        this.address = address;
        this.versions = Map.copyOf(versions);
        this.contenders = List.copyOf(contenders);
        this.admin = admin;
        this.checks = checks;
        this.cleanup = cleanup;
    }

    /**
     * The contender {@code key} of {@link #CONTENDERS} on the data at {@code url} of a database of
     * {@code sql}; {@code refract} makes Refract's, whose generated client differs per database.
     *
     * @throws IllegalArgumentException naming the contenders there are
     */
    public static Contender contender(String key, String url, Settings settings, SqlSyntax sql,
            BiFunction<String, Integer, Contender> refract) {
        return switch (key) {
            case "refract" -> refract.apply(url, settings.poolSize());
            case "raw" -> new RawContender(sql, url, settings.poolSize(), settings.fetchSize());
            case "spring-template" -> new SpringTemplateContender(sql, url, settings.poolSize(), settings.fetchSize());
            case "spring-repository" -> new SpringRepositoryContender(sql, url, settings.poolSize(), settings.fetchSize());
            default -> throw new IllegalArgumentException("Unknown " + sql.driver() + " contender '" + key
                    + "'; the contenders are " + String.join(", ", CONTENDERS));
        };
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String server() {
        return server;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public Map<String, String> versions() {
        return versions;
    }

    @Override
    public List<Contender> contenders() {
        return contenders;
    }

    @Override
    public void prepare(Workload workload) {
        try (Statement statement = admin.createStatement()) {
            switch (workload) {
                case CREATE, CREATE_MANY -> statement.execute(checks.emptyEntries());
                case INCREMENT -> {
                    countersBefore = countersChecked >= 0 ? countersChecked : counters(statement);
                    countersChecked = -1;
                }
                default -> {
                    // the reads leave the data as they found it
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the data for " + workload.label() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String verify(Workload workload, long units) {
        try (Statement statement = admin.createStatement()) {
            return switch (workload) {
                case CREATE, CREATE_MANY -> verifyEntries(statement, units);
                case INCREMENT -> {
                    long counted = counters(statement);
                    countersChecked = counted;
                    long added = counted - countersBefore;
                    yield added == units ? null : "wrong result: " + units + " increments added " + added
                            + " to the counters in the database";
                }
                default -> null;
            };
        } catch (SQLException e) {
            return "could not check the database after the run: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        List<Exception> errors = new ArrayList<>();
        for (Contender contender : contenders) {
            try {
                contender.close().block(Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                errors.add(e);
            }
        }
        closeQuietly(admin);
        try {
            cleanup.close();
        } catch (Exception e) {
            errors.add(e);
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Could not close the " + key + " lineup: " + errors.get(0).getMessage(),
                    errors.get(0));
        }
    }

    /** Closes {@code connection}, if any, ignoring a failure: there is nothing left to do with it. */
    public static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing left to do with a connection that will not close
        }
    }

    /** The entries a create run wrote: as many as it created, each with its own id and its data index's values. */
    private String verifyEntries(Statement statement, long units) throws SQLException {
        try (ResultSet result = statement.executeQuery(checks.checkEntries())) {
            result.next();
            long rows = result.getLong(1);
            long ids = result.getLong(2);
            long consistent = result.getLong(3);
            if (rows != units || ids != units || consistent != units) {
                return "wrong result: the run created " + units + " entries, the table holds " + rows + " rows with "
                        + ids + " distinct ids, " + consistent + " of them with the values of their data index";
            }
            return null;
        }
    }

    private long counters(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery(checks.sumCounters())) {
            result.next();
            return result.getLong(1);
        }
    }
}

package dev.refract.r2dbc.execute;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.codec.Codec;
import dev.refract.r2dbc.codec.CodecRegistry;
import dev.refract.r2dbc.codec.Column;
import dev.refract.r2dbc.error.ErrorTranslator;
import dev.refract.r2dbc.log.QueryLog;
import dev.refract.r2dbc.sql.Bind;
import dev.refract.r2dbc.sql.RawSql;
import dev.refract.r2dbc.sql.ResultShape;
import dev.refract.r2dbc.sql.SqlStatement;
import dev.refract.spi.RawColumns;
import dev.refract.spi.RawRow;
import dev.refract.spi.RawStatement;
import dev.refract.spi.Row;
import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.RowMetadata;
import io.r2dbc.spi.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs {@link RawStatement}s, SQL written by the user, on connections its caller hands it: the
 * pool's, or a transaction's. Before a connection is taken, the text's placeholders are counted
 * (see {@link RawSql}) and must match the arguments; then every argument is bound — a {@code null}
 * without a type, for the database to infer — and the text is sent exactly as given.
 *
 * <p>Reads stream: with a positive fetch size the driver fetches that many rows at a time as the
 * subscriber asks. Without a model, each row is a {@link RawRow} whose values are read by their
 * column's database type into the closed scalar set, as aggregate columns are. With a model, each
 * column must be one of the model's fields, matched by column name ({@code @map} respected, case
 * ignored when no name matches exactly), and read as that field; every required field needs a
 * column.
 *
 * <p>Statements are logged like rendered ones, under the operation {@code QueryRaw},
 * {@code ExecuteRaw} or their {@code Unsafe} forms, and errors are translated into the typed family.
 */
public final class RawStatementExecutor {

    /** Where the connection of one statement comes from; it is given back when the work ends. */
    public interface Connections {
        /** Runs {@code work} on a connection and gives the connection back on completion, error or cancel. */
        <T> Flux<T> with(Function<Connection, Publisher<T>> work);
    }

    private final SchemaMeta schema;
    private final CodecRegistry codecs;
    private final RawSql.Placeholders placeholders;
    private final ErrorTranslator errors;
    private final QueryLog log;

    /**
     * An executor binding arguments through {@code codecs} and reading the models of {@code schema}.
     *
     * @param placeholders how the datasource's SQL writes placeholders
     */
    public RawStatementExecutor(SchemaMeta schema, CodecRegistry codecs, RawSql.Placeholders placeholders,
            ErrorTranslator errors, QueryLog log) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.codecs = Objects.requireNonNull(codecs, "codecs").withFirst(new RawArgumentCodec());
        this.placeholders = Objects.requireNonNull(placeholders, "placeholders");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** The rows {@code statement} reads, streamed {@code fetchSize} at a time (all at once when not positive). */
    public Flux<Row> query(RawStatement statement, Connections connections, int fetchSize) {
        return Flux.defer(() -> {
            SqlStatement checked = check(statement);
            ModelMeta model = statement.model().isPresent() ? schema.model(statement.model().getAsInt()) : null;
            Flux<Row> rows = connections.with(connection -> {
                Statement prepared = prepare(connection, statement);
                if (fetchSize > 0) {
                    prepared.fetchSize(fetchSize);
                }
                return Flux.from(prepared.execute()).concatMap(result -> result.map(reader(model)), 1);
            });
            return log.observe(rows, model == null ? null : model.name(), name("QueryRaw", statement), checked)
                    .onErrorMap(error -> errors.translate(error, model));
        });
    }

    /** The number of rows {@code statement} changed, summed over the statements of its text. */
    public Mono<Long> execute(RawStatement statement, Connections connections) {
        return Mono.defer(() -> {
            SqlStatement checked = check(statement);
            Mono<Long> count = connections.with(connection -> Flux.from(prepare(connection, statement).execute())
                    .concatMap(io.r2dbc.spi.Result::getRowsUpdated, 1))
                    .reduce(0L, Long::sum);
            return log.observe(count, null, name("ExecuteRaw", statement), checked, Long::longValue)
                    .onErrorMap(error -> errors.translate(error, null));
        });
    }

    /** Checks the placeholders against the arguments; returns the statement as the query log shows it. */
    private SqlStatement check(RawStatement statement) {
        RawSql.checkArguments(statement.sql(), statement.arguments().size(), placeholders);
        List<Bind> binds = new ArrayList<>(statement.arguments().size());
        for (Object argument : statement.arguments()) {
            binds.add(argument == null ? Bind.nullOf(Object.class) : Bind.of(argument));
        }
        // the log reads only the text and the binds; the shape is how the executor reads the result
        return new SqlStatement(statement.sql(), binds, new ResultShape.AffectedCount());
    }

    private Statement prepare(Connection connection, RawStatement statement) {
        Statement prepared = connection.createStatement(statement.sql());
        List<Object> arguments = statement.arguments();
        for (int i = 0; i < arguments.size(); i++) {
            Object argument = arguments.get(i);
            if (argument == null) {
                prepared.bind(i, codecs.untypedNull());
            } else {
                prepared.bind(i, codecs.encode(argument, argument.getClass()));
            }
        }
        return prepared;
    }

    private static String name(String operation, RawStatement statement) {
        return statement.unsafe() ? operation + "Unsafe" : operation;
    }

    /** A reader for one result: it looks at the columns on the first row and reuses what it found. */
    private BiFunction<io.r2dbc.spi.Row, RowMetadata, Row> reader(ModelMeta model) {
        return model == null ? new LabelledReader()::read : new ModelReader(model)::read;
    }

    /** Reads rows as labelled columns, each by its database type. */
    private final class LabelledReader {

        private RawColumns labels;
        private Column[] columns;

        Row read(io.r2dbc.spi.Row row, RowMetadata metadata) {
            if (columns == null) {
                List<? extends ColumnMetadata> described = metadata.getColumnMetadatas();
                Column[] types = new Column[described.size()];
                List<String> names = new ArrayList<>(described.size());
                for (int i = 0; i < types.length; i++) {
                    names.add(described.get(i).getName());
                    types[i] = Column.named(i, described.get(i).getType().getName());
                }
                labels = new RawColumns(names);
                columns = types;
            }
            Object[] values = new Object[columns.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = codecs.decodeByColumnType(row, columns[i]);
            }
            return RawRow.wrap(labels, values);
        }
    }

    /** Reads rows as positional rows of a model, each column as the field it holds. */
    private final class ModelReader {

        private final ModelMeta model;
        private int[] positions;
        private FieldMeta[] fields;
        private Codec[] decoders;
        private Column[] columns;

        ModelReader(ModelMeta model) {
            this.model = model;
        }

        Row read(io.r2dbc.spi.Row row, RowMetadata metadata) {
            if (positions == null) {
                prepare(metadata.getColumnMetadatas());
            }
            Object[] values = new Object[model.fieldCount()];
            for (int i = 0; i < positions.length; i++) {
                values[positions[i]] = decoders[i].decode(row, columns[i], fields[i]);
            }
            return Row.wrap(values);
        }

        private void prepare(List<? extends ColumnMetadata> columns) {
            int count = columns.size();
            int[] found = new int[count];
            FieldMeta[] held = new FieldMeta[count];
            Codec[] readers = new Codec[count];
            Column[] types = new Column[count];
            boolean[] covered = new boolean[model.fieldCount()];
            for (int i = 0; i < count; i++) {
                String label = columns.get(i).getName();
                int field = field(label);
                if (covered[field]) {
                    throw new InvalidQueryException(model.name(), List.of(model.field(field).name()), "The raw query"
                            + " returns two columns for field '" + model.field(field).name() + "' of model "
                            + model.name() + " (the second is '" + label + "'): select each field once");
                }
                covered[field] = true;
                found[i] = field;
                held[i] = model.field(field);
                readers[i] = codecs.decoderFor(held[i]);
                types[i] = Column.named(i, columns.get(i).getType().getName());
            }
            for (int field = 0; field < covered.length; field++) {
                FieldMeta meta = model.field(field);
                if (!covered[field] && !meta.isRelation() && !meta.isOptional()) {
                    throw new InvalidQueryException(model.name(), List.of(meta.name()), "The raw query returns no"
                            + " column for field '" + meta.name() + "' of model " + model.name() + ", which its records"
                            + " require: select the column \"" + meta.dbName() + "\"");
                }
            }
            fields = held;
            decoders = readers;
            this.columns = types;
            positions = found;
        }

        /** The field whose column is {@code label}: by exact column name, else the one equal ignoring case. */
        private int field(String label) {
            int loose = -1;
            for (int i = 0; i < model.fieldCount(); i++) {
                FieldMeta field = model.field(i);
                if (field.isRelation()) {
                    continue;
                }
                if (field.dbName().equals(label)) {
                    return i;
                }
                if (field.dbName().equalsIgnoreCase(label)) {
                    loose = loose == -1 ? i : -2;
                }
            }
            if (loose >= 0) {
                return loose;
            }
            throw new InvalidQueryException(model.name(), List.of(), "Column '" + label + "' of the raw query is no"
                    + " field of model " + model.name() + " (its fields' columns: " + model.fields().stream()
                            .filter(field -> !field.isRelation()).map(FieldMeta::dbName)
                            .collect(Collectors.joining(", "))
                    + "): leave it out, or label it AS the column of the field it holds");
        }
    }
}

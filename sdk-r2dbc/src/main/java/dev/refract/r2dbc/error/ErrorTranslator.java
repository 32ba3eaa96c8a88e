package dev.refract.r2dbc.error;

import dev.refract.error.ConnectionFailedException;
import dev.refract.error.ForeignKeyViolationException;
import dev.refract.error.InvalidQueryException;
import dev.refract.error.NullConstraintViolationException;
import dev.refract.error.QueryFailedException;
import dev.refract.error.RefractException;
import dev.refract.error.TransactionConflictException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.error.UrlRedaction;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.ReferentialAction;
import dev.refract.meta.RelationLink;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.ddl.ConstraintNames;
import dev.refract.r2dbc.ddl.ReferentialActions;
import io.r2dbc.spi.R2dbcException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Turns what the driver signals into a {@link RefractException} of one datasource: a duplicate
 * value of a unique key into {@link UniqueConstraintViolationException} with the key's fields, a
 * foreign key that points at nothing or a record still pointed at into
 * {@link ForeignKeyViolationException} naming the model holding the foreign key, its relation and
 * referential actions, and what to do, a missing required value into
 * {@link NullConstraintViolationException} with the field, serialization failures, deadlocks and
 * lock wait timeouts into the retryable {@link TransactionConflictException}, lost or refused
 * connections into {@link ConnectionFailedException}, a value no codec can bind into
 * {@link InvalidQueryException}, and anything else into {@link QueryFailedException}.
 *
 * <p>What an error says is read per database ({@link DriverErrors}): PostgreSQL's SQLSTATEs and
 * error details ({@code 23505}, {@code 23503}, {@code 23502}, {@code 40001}, {@code 40P01}), MySQL's
 * and MariaDB's error codes and messages ({@code 1062}, {@code 1452}/{@code 1451}, {@code 1048}/{@code
 * 1364}, {@code 1213}, {@code 1205}). Tables, constraints and columns are mapped back to models,
 * relations and fields through the schema in one place for both, constraints by the names Refract's
 * data definition gives them ({@link ConstraintNames}); no message carries a bound value or a URL
 * password.
 */
public final class ErrorTranslator {

    private final SchemaMeta schema;
    private final String datasource;
    private final DriverErrors driver;

    /**
     * A translator for the models of {@code schema} served by the datasource called
     * {@code datasource}, reading errors as its provider's driver raises them (PostgreSQL's when
     * the schema does not declare the datasource).
     */
    public ErrorTranslator(SchemaMeta schema, String datasource) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.datasource = Objects.requireNonNull(datasource, "datasource");
        Provider provider = schema.datasources().stream().filter(d -> d.name().equals(datasource))
                .map(DatasourceMeta::provider).findFirst().orElse(Provider.POSTGRESQL);
        this.driver = provider == Provider.MYSQL ? MySqlErrors.INSTANCE : PostgresErrors.INSTANCE;
    }

    /**
     * The typed form of {@code error}, raised while working on {@code model} ({@code null} when
     * none); a {@link RefractException} is returned as is.
     */
    public RefractException translate(Throwable thrown, ModelMeta model) {
        Throwable error = databaseCause(thrown);
        if (error instanceof RefractException refract) {
            return refract;
        }
        String modelName = model == null ? null : model.name();
        if (error instanceof R2dbcException r2dbc) {
            DatabaseError read = driver.read(r2dbc);
            switch (read.kind()) {
                case UNIQUE:
                    return uniqueViolation(r2dbc, read, model);
                case FOREIGN_KEY_MISSING_TARGET:
                case FOREIGN_KEY_STILL_REFERENCED:
                    return foreignKeyViolation(r2dbc, read, model);
                case NOT_NULL:
                    return nullViolation(r2dbc, read, model);
                case SERIALIZATION_FAILURE:
                case DEADLOCK:
                case LOCK_TIMEOUT:
                    String what = read.kind() == DatabaseError.Kind.SERIALIZATION_FAILURE ? "Serialization failure"
                            : read.kind() == DatabaseError.Kind.DEADLOCK ? "Deadlock" : "Lock wait timeout";
                    return new TransactionConflictException(name(tableModel(read.table(), model)), what
                            + " on datasource '" + datasource + "': the transaction was aborted by the"
                            + " database; run the work again", error);
                case CONNECTION:
                    return connectionFailed(error);
                default:
                    return new QueryFailedException(modelName, r2dbc.getSqlState(), "The database rejected a"
                            + " statement" + (modelName == null ? "" : " on " + modelName) + " (" + read.code()
                            + "): " + redact(r2dbc.getMessage()), error);
            }
        }
        if (isConnectionProblem(error) || driver.lostConnection(error)) {
            return connectionFailed(error);
        }
        if (error instanceof IllegalArgumentException) {
            // the codecs' verdict on a bound value: bad input, not a database failure
            return new InvalidQueryException(modelName, List.of(), redact(error.getMessage()));
        }
        return new QueryFailedException(modelName, null, "Unexpected failure on datasource '" + datasource + "'"
                + (modelName == null ? "" : " for " + modelName) + ": " + redact(String.valueOf(error.getMessage())),
                error);
    }

    /**
     * The Refract or R2DBC error inside {@code thrown}, or {@code thrown} itself: Reactor wraps an
     * error of a resource's cleanup (a failed commit, say) in an exception of its own.
     */
    private static Throwable databaseCause(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefractException || cause instanceof R2dbcException) {
                return cause;
            }
        }
        return thrown;
    }

    /**
     * A duplicate of a unique key: PostgreSQL names its columns, MySQL the index, whose name leads
     * to the key ({@code PRIMARY} is the id of the table's model).
     */
    private RefractException uniqueViolation(R2dbcException error, DatabaseError read, ModelMeta model) {
        ModelMeta table = tableModel(read.table(), model);
        String constraint = read.constraint();
        List<String> fields;
        if (read.columns().isEmpty() && constraint != null) {
            UniqueKey key = uniqueKeyNamed(constraint, table);
            table = key == null ? table : key.model();
            constraint = key == null ? constraint : key.index();
            fields = key == null ? List.of() : names(key.model(), key.key().fields());
        } else {
            fields = fieldNames(table, read.columns());
        }
        return new UniqueConstraintViolationException(name(table),
                fields, "Unique constraint failed on " + describe(table, fields)
                        + (constraint == null ? "" : " (constraint " + constraint + ")")
                        + ": another record already has the same value", error);
    }

    /** A unique key of a model, the model and the key's index as the database named it, without its table. */
    private record UniqueKey(ModelMeta model, KeyMeta key, String index) {}

    /**
     * The unique key of this datasource whose index is called {@code index} (as MySQL reports it,
     * possibly {@code Table.index}), looking at {@code table} first; {@code null} when none is.
     */
    private UniqueKey uniqueKeyNamed(String index, ModelMeta table) {
        List<ModelMeta> candidates = new ArrayList<>();
        if (table != null) {
            candidates.add(table);
        }
        String name = index;
        for (ModelMeta model : schema.models()) {
            if (!schema.datasource(model.datasource()).name().equals(datasource)) {
                continue;
            }
            if (index.startsWith(model.dbName() + ".")) {
                candidates.add(0, model);
                name = index.substring(model.dbName().length() + 1);
            } else if (!candidates.contains(model)) {
                candidates.add(model);
            }
        }
        for (ModelMeta model : candidates) {
            if (name.equals("PRIMARY")) {
                return new UniqueKey(model, model.id(), name);
            }
            List<KeyMeta> keys = new ArrayList<>();
            keys.add(model.id());
            keys.addAll(model.uniques());
            for (int field = 0; field < model.fieldCount(); field++) {
                if (model.field(field).unique()) {
                    keys.add(KeyMeta.of(field));
                }
            }
            for (KeyMeta key : keys) {
                if (driver.sameIdentifier(ConstraintNames.uniqueKey(model, key), name)) {
                    return new UniqueKey(model, key, name);
                }
            }
        }
        return null;
    }

    /**
     * A foreign key error names the table holding the key and the constraint; Refract names its
     * foreign keys as Prisma does, so the constraint leads to the relation. Either the record
     * written points at nothing, or the record deleted or re-keyed is still pointed at and the
     * relation's referential actions forbid that.
     */
    private RefractException foreignKeyViolation(R2dbcException error, DatabaseError read, ModelMeta model) {
        String constraint = read.constraint();
        boolean stillReferenced = read.kind() == DatabaseError.Kind.FOREIGN_KEY_STILL_REFERENCED;
        List<String> columns = read.columns();
        ModelMeta table = tableModel(read.table(), model);
        ForeignKey key = foreignKeyNamed(constraint);
        if (key == null && table != null) {
            key = stillReferenced ? foreignKeyTo(table, model, columns) : foreignKeyOf(table, columns);
        }
        if (key != null) {
            return key.violation(stillReferenced, constraint, error);
        }
        RefractException joinViolation = joinTableViolation(read.table(), columns, constraint, error);
        if (joinViolation != null) {
            return joinViolation;
        }
        String named = constraint == null ? "" : " (constraint " + constraint + ")";
        if (stillReferenced) {
            return new ForeignKeyViolationException(name(table), List.of(), "Foreign key constraint failed"
                    + (table == null ? "" : " on " + table.name()) + named + ": its records still point at the "
                    + (model == null ? "record" : model.name()) + " being deleted or re-keyed; delete them or point"
                    + " them at another record first", error);
        }
        List<String> fields = fieldNames(table, columns);
        return new ForeignKeyViolationException(name(table), fields, "Foreign key constraint failed of "
                + describe(table, fields) + named + ": the record it points at does not exist; create it first",
                error);
    }

    /**
     * A link written to the join table of an implicit many-to-many relation that points at no
     * record, or {@code null} when the error is not about a join table of this datasource.
     */
    private RefractException joinTableViolation(String table, List<String> columns, String constraint,
            Throwable error) {
        if (table == null || columns.size() != 1) {
            return null;
        }
        for (ModelMeta parent : schema.models()) {
            if (!schema.datasource(parent.datasource()).name().equals(datasource)) {
                continue;
            }
            for (RelationMeta relation : parent.relations()) {
                if (!relation.toMany() || relation.holdsForeignKey() || relation.crossDatasource()) {
                    continue;
                }
                RelationLink link = RelationLink.of(schema, parent.index(), relation.field());
                if (link.shape() == RelationLink.Shape.JOIN_TABLE && link.joinTable().name().equals(table)
                        && link.joinTable().targetColumn().equals(columns.get(0))) {
                    String field = parent.field(relation.field()).name();
                    String target = link.target().name();
                    String id = link.target().field(link.targetKey().get(0)).name();
                    return new ForeignKeyViolationException(parent.name(), List.of(field), "Foreign key constraint"
                            + " failed on relation " + field + " of " + parent.name() + " (join table " + table
                            + ", column " + columns.get(0) + " -> " + target + "." + id
                            + (constraint == null ? "" : ", constraint " + constraint) + "): no " + target
                            + " has the " + id + " given; connect only " + target + " records that exist", error);
                }
            }
        }
        return null;
    }

    /** The foreign key of this datasource named {@code constraint}, or {@code null}. */
    private ForeignKey foreignKeyNamed(String constraint) {
        if (constraint == null) {
            return null;
        }
        for (ModelMeta holder : schema.models()) {
            if (!schema.datasource(holder.datasource()).name().equals(datasource)) {
                continue;
            }
            for (RelationMeta relation : holder.relations()) {
                if (holdsForeignKeyInThisDatabase(relation)
                        && driver.sameIdentifier(ConstraintNames.foreignKey(holder, relation), constraint)) {
                    return new ForeignKey(holder, relation, schema.model(relation.targetModel()));
                }
            }
        }
        return null;
    }

    /** The one foreign key of {@code holder} over exactly {@code columns}, or {@code null}. */
    private ForeignKey foreignKeyOf(ModelMeta holder, List<String> columns) {
        ForeignKey found = null;
        for (RelationMeta relation : holder.relations()) {
            if (holdsForeignKeyInThisDatabase(relation) && columns(holder, relation.fields()).equals(columns)) {
                if (found != null) {
                    return null;
                }
                found = new ForeignKey(holder, relation, schema.model(relation.targetModel()));
            }
        }
        return found;
    }

    /**
     * The one foreign key of {@code holder} pointing at {@code columns} of {@code target} (any model
     * when {@code null}), or {@code null}.
     */
    private ForeignKey foreignKeyTo(ModelMeta holder, ModelMeta target, List<String> columns) {
        ForeignKey found = null;
        for (RelationMeta relation : holder.relations()) {
            ModelMeta referenced = schema.model(relation.targetModel());
            if (holdsForeignKeyInThisDatabase(relation) && (target == null || referenced.index() == target.index())
                    && columns(referenced, relation.references()).equals(columns)) {
                if (found != null) {
                    return null;
                }
                found = new ForeignKey(holder, relation, referenced);
            }
        }
        return found;
    }

    private static boolean holdsForeignKeyInThisDatabase(RelationMeta relation) {
        return relation.holdsForeignKey() && !relation.toMany() && !relation.crossDatasource();
    }

    private static List<String> columns(ModelMeta model, int[] fields) {
        return Arrays.stream(fields).mapToObj(i -> model.field(i).dbName()).toList();
    }

    /** A foreign key of the schema: the model holding it, the relation it belongs to, the model it points at. */
    private record ForeignKey(ModelMeta holder, RelationMeta relation, ModelMeta target) {

        RefractException violation(boolean stillReferenced, String constraint, Throwable error) {
            List<String> keyFields = names(holder, relation.fields());
            String key = list(keyFields);
            String referenced = list(names(target, relation.references()));
            String relationField = holder.field(relation.field()).name();
            String where = "Foreign key constraint failed on relation " + relationField + " of " + holder.name()
                    + " (" + key + " -> " + target.name() + "." + referenced
                    + (constraint == null ? "" : ", constraint " + constraint) + "): ";
            ReferentialAction onDelete = ReferentialActions.onDelete(holder, relation);
            ReferentialAction onUpdate = ReferentialActions.onUpdate(relation);
            String message;
            if (stillReferenced) {
                boolean optional = !ReferentialActions.required(holder, relation);
                message = where + holder.name() + " records still point at this " + target.name() + ", and the"
                        + " relation's onDelete: " + onDelete.schemaName() + ", onUpdate: " + onUpdate.schemaName()
                        + " forbid deleting it or changing its " + referenced + " while they do; delete those "
                        + holder.name() + " records or point them at another " + target.name() + " first, or declare"
                        + " onDelete/onUpdate: Cascade" + (optional ? " or SetNull" : "") + " on " + holder.name()
                        + "." + relationField + " in the schema";
            } else {
                message = where + "no " + target.name() + " has the " + referenced + " given in " + key + "; create"
                        + " that " + target.name() + " first, or point " + key + " at one that exists";
                List<String> setDefault = new ArrayList<>();
                if (onDelete == ReferentialAction.SET_DEFAULT) {
                    setDefault.add("onDelete: SetDefault");
                }
                if (onUpdate == ReferentialAction.SET_DEFAULT) {
                    setDefault.add("onUpdate: SetDefault");
                }
                if (!setDefault.isEmpty()) {
                    message += ". If this came from deleting " + target.name() + " records or changing their "
                            + referenced + ": the relation's " + String.join(" and ", setDefault) + " put the default of "
                            + key + " in its place, and no " + target.name() + " has that " + referenced
                            + "; create it first";
                }
            }
            return new ForeignKeyViolationException(holder.name(), keyFields, message, error);
        }

        private static List<String> names(ModelMeta model, int[] fields) {
            return Arrays.stream(fields).mapToObj(i -> model.field(i).name()).toList();
        }

        private static String list(List<String> names) {
            return names.size() == 1 ? names.get(0) : "(" + String.join(", ", names) + ")";
        }
    }

    private RefractException nullViolation(R2dbcException error, DatabaseError read, ModelMeta model) {
        ModelMeta table = tableModel(read.table(), model);
        String column = read.column();
        String field = column == null ? null : fieldNames(table, List.of(column)).get(0);
        return new NullConstraintViolationException(name(table), field, "Null constraint failed on "
                + (field == null ? "a field" : "field '" + field + "'") + (table == null ? "" : " of " + table.name())
                + ": give it a value, or declare it optional in the schema", error);
    }

    private RefractException connectionFailed(Throwable error) {
        return new ConnectionFailedException(datasource, "Cannot use the database of datasource '" + datasource
                + "': " + redact(String.valueOf(error.getMessage()))
                + "; check that the server is up and the URL, user and password are right", error);
    }

    private static boolean isConnectionProblem(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            // socket-level failures only: a JSON parse error is an IOException too, and no connection problem
            if (cause instanceof SocketException || cause instanceof UnknownHostException
                    || cause instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    /** The model of this datasource stored in {@code table}, or {@code fallback}. */
    private ModelMeta tableModel(String table, ModelMeta fallback) {
        if (table != null) {
            for (ModelMeta candidate : schema.models()) {
                if (candidate.dbName().equals(table)
                        && schema.datasource(candidate.datasource()).name().equals(datasource)) {
                    return candidate;
                }
            }
        }
        return fallback;
    }

    private static String name(ModelMeta model) {
        return model == null ? null : model.name();
    }

    private static List<String> names(ModelMeta model, List<Integer> fields) {
        return fields.stream().map(field -> model.field(field).name()).toList();
    }

    /** The field names of {@code columns}; a column no field of {@code model} stores keeps its own name. */
    private static List<String> fieldNames(ModelMeta model, List<String> columns) {
        List<String> names = new ArrayList<>(columns.size());
        for (String column : columns) {
            String name = column;
            if (model != null) {
                for (FieldMeta field : model.fields()) {
                    if (!field.isRelation() && field.dbName().equals(column)) {
                        name = field.name();
                        break;
                    }
                }
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private static String describe(ModelMeta model, List<String> fields) {
        String list = fields.isEmpty() ? "its key" : "the fields (" + String.join(", ", fields) + ")";
        return model == null ? list : list + " of " + model.name();
    }

    private static String redact(String message) {
        return UrlRedaction.redact(message);
    }
}

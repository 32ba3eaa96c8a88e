package dev.refract.r2dbc.ddl;

import dev.refract.meta.DefaultValue;
import dev.refract.meta.EnumMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.ReferentialAction;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.sql.MySqlDialect;
import dev.refract.r2dbc.sql.MySqlServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders the data definition of one MySQL datasource from the schema's runtime metadata, as
 * Prisma's {@code db push} creates it on MySQL: one {@code CREATE TABLE} per model with its columns,
 * defaults, primary key, unique and plain indexes, in InnoDB with {@code utf8mb4} and
 * {@code utf8mb4_unicode_ci}; the implicit many-to-many join tables ({@code A}, {@code B}, a unique
 * index {@code _X_AB_unique} and an index {@code _X_B_index}); then the foreign keys. Enums are
 * {@code ENUM('A', 'B')} columns, so there are no types to create. Constraint and index names follow
 * Prisma's conventions ({@link ConstraintNames}), cut to MySQL's 64 characters. Pure: it reads
 * metadata and returns text.
 *
 * <p>MySQL's InnoDB accepts {@code SET DEFAULT} but then acts as if it were {@code RESTRICT}, so a
 * relation with {@code SetDefault} is refused rather than created to do something else.
 */
public final class MySqlDdl {

    /** The table options of every table. */
    public static final String TABLE_OPTIONS = " ENGINE=InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";

    private static final int IDENTIFIER_LENGTH = 64;

    /** Quoting only: the server's version changes no identifier. */
    private static final MySqlDialect QUOTING = new MySqlDialect(MySqlServer.OLDEST_MYSQL);

    private final DatasourceModels datasource;

    private MySqlDdl(DatasourceModels datasource) {
        this.datasource = datasource;
    }

    /**
     * The statements that create the models of the datasource at {@code datasourceIndex}.
     *
     * @throws IllegalArgumentException when there is no such datasource, it is not MySQL, or its
     *                                  metadata cannot be expressed in MySQL (a list, a native type
     *                                  MySQL lacks, {@code SetDefault})
     */
    public static DdlScript render(SchemaMeta schema, int datasourceIndex) {
        return new MySqlDdl(DatasourceModels.of(schema, datasourceIndex, Provider.MYSQL)).script();
    }

    private DdlScript script() {
        List<String> statements = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        List<String> foreignKeys = new ArrayList<>();
        for (ModelMeta model : datasource.models) {
            tables.add(model.dbName());
            statements.add(createTable(model));
            foreignKeys.addAll(foreignKeys(model));
        }
        for (DatasourceModels.JoinTable join : datasource.joinTables()) {
            tables.add(join.name());
            statements.add(joinTable(join));
            foreignKeys.add(joinForeignKey(join, "A", join.a()));
            foreignKeys.add(joinForeignKey(join, "B", join.b()));
        }
        statements.addAll(foreignKeys);
        return new DdlScript(List.of(), tables, statements);
    }

    private String createTable(ModelMeta model) {
        List<String> lines = new ArrayList<>();
        for (FieldMeta field : model.fields()) {
            if (!field.isRelation()) {
                lines.add(column(model, field));
            }
        }
        for (KeyMeta unique : DatasourceModels.uniqueKeys(model)) {
            lines.add("UNIQUE INDEX " + name(ConstraintNames.uniqueKey(model, unique)) + "(" + columns(model, unique)
                    + ")");
        }
        for (KeyMeta index : model.indexes()) {
            lines.add("INDEX " + name(ConstraintNames.index(model, index)) + "(" + columns(model, index) + ")");
        }
        if (model.primaryKey()) {
            lines.add("PRIMARY KEY (" + columns(model, model.id()) + ")");
        }
        return "CREATE TABLE " + QUOTING.quote(model.dbName()) + " (\n    " + String.join(",\n    ", lines) + "\n)"
                + TABLE_OPTIONS;
    }

    private String column(ModelMeta model, FieldMeta field) {
        ColumnDefinition definition = columnDefinition(datasource, model, field);
        StringBuilder column = new StringBuilder(QUOTING.quote(definition.name())).append(' ').append(definition.type())
                .append(definition.nullable() ? " NULL" : " NOT NULL");
        if (definition.autoincrement()) {
            column.append(" AUTO_INCREMENT");
        }
        if (definition.defaultExpression() != null) {
            column.append(" DEFAULT ").append(definition.defaultExpression());
        }
        return column.toString();
    }

    /**
     * The column of {@code field}, a scalar or enum field of {@code model}: its type, nullability,
     * default and {@code AUTO_INCREMENT}, as {@code CREATE TABLE} writes them.
     *
     * @throws IllegalArgumentException when the field cannot be expressed in MySQL
     */
    public static ColumnDefinition columnDefinition(DatasourceModels datasource, ModelMeta model, FieldMeta field) {
        EnumMeta enumType = datasource.enumOf(model, field);
        String type = MySqlColumnTypes.of(model.name(), field, enumType);
        boolean autoincrement = field.defaultValue() instanceof DefaultValue.Autoincrement;
        if (autoincrement && !MySqlColumnTypes.isInteger(type)) {
            throw new IllegalArgumentException("Field " + model.name() + "." + field.name() + " has"
                    + " @default(autoincrement()) but its column is " + type
                    + "; autoincrement() needs an Int or BigInt field");
        }
        return new ColumnDefinition(field.dbName(), type, field.isOptional(),
                defaultExpression(model, field, enumType, type), autoincrement);
    }

    /**
     * The type of the column of {@code join} that points at {@code model}: the type of its id.
     *
     * @throws IllegalArgumentException when {@code model} has a compound id
     */
    public static String joinColumnType(DatasourceModels.JoinTable join, ModelMeta model) {
        return MySqlColumnTypes.of(model.name(), join.idOf(model), null);
    }

    /** The SQL default of {@code field}, or {@code null} when the database computes none. */
    private static String defaultExpression(ModelMeta model, FieldMeta field, EnumMeta enumType, String type) {
        DefaultValue value = field.defaultValue();
        if (value instanceof DefaultValue.Now) {
            int digits = MySqlColumnTypes.fractionalDigits(type);
            return digits == 0 ? "CURRENT_TIMESTAMP" : "CURRENT_TIMESTAMP(" + digits + ")";
        } else if (value instanceof DefaultValue.DbGenerated generated) {
            return generated.expression().isBlank() ? null : generated.expression();
        } else if (value instanceof DefaultValue.Literal literal) {
            String sql = literal(model, field, enumType, literal.value());
            // TEXT, BLOB and JSON columns take a default only as an expression
            return MySqlColumnTypes.needsExpressionDefault(type) || sql.startsWith("FROM_BASE64") ? "(" + sql + ")"
                    : sql;
        }
        // Generated ids (cuid, uuid, ulid, nanoid) are produced by the client; AUTO_INCREMENT needs no default.
        return null;
    }

    private static String literal(ModelMeta model, FieldMeta field, EnumMeta enumType, Object value) {
        return Literals.defaultValue(model, field, enumType, value, Literals.Style.MYSQL);
    }

    private List<String> foreignKeys(ModelMeta model) {
        List<String> statements = new ArrayList<>();
        for (RelationMeta relation : model.relations()) {
            if (!relation.holdsForeignKey() || relation.crossDatasource()) {
                continue;
            }
            if (relation.toMany()) {
                throw new IllegalArgumentException("Relation " + relation.name() + " of model " + model.name()
                        + " keeps a list of foreign keys, which only MongoDB stores; in MySQL leave fields and"
                        + " references off a many-to-many relation so that a join table holds it");
            }
            ModelMeta target = datasource.schema.model(relation.targetModel());
            String relationName = model.name() + "." + model.field(relation.field()).name();
            KeyMeta foreignKey = new KeyMeta(null, Arrays.stream(relation.fields()).boxed().toList());
            KeyMeta references = new KeyMeta(null, Arrays.stream(relation.references()).boxed().toList());
            statements.add("ALTER TABLE " + QUOTING.quote(model.dbName()) + " ADD CONSTRAINT "
                    + name(ConstraintNames.foreignKey(model, relation)) + " FOREIGN KEY (" + columns(model, foreignKey)
                    + ") REFERENCES " + QUOTING.quote(target.dbName()) + "(" + columns(target, references)
                    + ") ON DELETE " + sql(ReferentialActions.onDelete(model, relation), relationName, "onDelete")
                    + " ON UPDATE " + sql(ReferentialActions.onUpdate(relation), relationName, "onUpdate"));
        }
        return statements;
    }

    private static String sql(ReferentialAction action, String relation, String when) {
        return switch (action) {
            case CASCADE, RESTRICT, NO_ACTION, SET_NULL -> ReferentialActions.sql(action);
            case SET_DEFAULT -> throw new IllegalArgumentException("Relation " + relation + " has " + when
                    + ": SetDefault, which MySQL's InnoDB accepts but carries out as Restrict; use Restrict,"
                    + " NoAction, SetNull or Cascade on MySQL");
        };
    }

    private String joinTable(DatasourceModels.JoinTable join) {
        String a = joinColumnType(join, join.a());
        String b = joinColumnType(join, join.b());
        return "CREATE TABLE " + QUOTING.quote(join.name()) + " (\n    `A` " + a + " NOT NULL,\n    `B` " + b
                + " NOT NULL,\n    UNIQUE INDEX " + name(join.name() + "_AB_unique") + "(`A`, `B`),\n    INDEX "
                + name(join.name() + "_B_index") + "(`B`)\n)" + TABLE_OPTIONS;
    }

    private String joinForeignKey(DatasourceModels.JoinTable join, String column, ModelMeta model) {
        return "ALTER TABLE " + QUOTING.quote(join.name()) + " ADD CONSTRAINT " + name(join.name() + "_" + column
                + "_fkey") + " FOREIGN KEY (`" + column + "`) REFERENCES " + QUOTING.quote(model.dbName()) + "("
                + columns(model, model.id()) + ") ON DELETE CASCADE ON UPDATE CASCADE";
    }

    /** A constraint or index name, cut to MySQL's 64 characters as Prisma cuts it, quoted. */
    private static String name(String name) {
        return QUOTING.quote(constraintName(name));
    }

    /** True for the column types ({@code TEXT}, {@code BLOB}, {@code JSON}, in any case) whose defaults MySQL takes only as expressions. */
    public static boolean takesDefaultAsExpression(String type) {
        return MySqlColumnTypes.needsExpressionDefault(type.toUpperCase(Locale.ROOT));
    }

    /** A constraint or index name, cut to MySQL's 64 characters as Prisma cuts it. */
    public static String constraintName(String name) {
        return name.length() > IDENTIFIER_LENGTH ? name.substring(0, IDENTIFIER_LENGTH) : name;
    }

    private static String columns(ModelMeta model, KeyMeta key) {
        return key.fields().stream().map(f -> QUOTING.quote(model.field(f).dbName())).collect(Collectors.joining(", "));
    }
}

package dev.refract.r2dbc.ddl;

import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.DefaultValue;
import dev.refract.meta.EnumMeta;
import dev.refract.meta.FieldKind;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.ReferentialAction;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.sql.PostgresDialect;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders the data definition of one PostgreSQL datasource from the schema's runtime metadata, as
 * Prisma's {@code db push} would create it: enum types, tables with their columns, defaults and
 * primary keys, unique and plain indexes, implicit many-to-many join tables, and foreign keys.
 * Constraint names follow Prisma's conventions ({@code Table_pkey}, {@code Table_a_b_key},
 * {@code Table_a_b_idx}, {@code Table_a_fkey}). Pure: it reads metadata and returns text.
 */
public final class PostgresDdl {

    private final SchemaMeta schema;
    private final List<ModelMeta> models;
    private final DatasourceModels datasourceModels;

    private PostgresDdl(DatasourceModels datasourceModels) {
        this.schema = datasourceModels.schema;
        this.models = datasourceModels.models;
        this.datasourceModels = datasourceModels;
    }

    /**
     * The statements that create the models of the datasource at {@code datasourceIndex}.
     *
     * @throws IllegalArgumentException when there is no such datasource, it is not PostgreSQL, or
     *                                  its metadata cannot be expressed in PostgreSQL
     */
    public static DdlScript render(SchemaMeta schema, int datasourceIndex) {
        return new PostgresDdl(DatasourceModels.of(schema, datasourceIndex, Provider.POSTGRESQL)).script();
    }

    private DdlScript script() {
        List<String> statements = new ArrayList<>();
        List<String> enumTypes = new ArrayList<>();
        for (EnumMeta enumType : usedEnums()) {
            enumTypes.add(enumType.dbName());
            statements.add("CREATE TYPE " + PostgresDialect.INSTANCE.quote(enumType.dbName()) + " AS ENUM ("
                    + enumType.dbValues().stream().map(Literals::literal).collect(Collectors.joining(", ")) + ")");
        }
        List<String> tables = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> foreignKeys = new ArrayList<>();
        for (ModelMeta model : models) {
            tables.add(model.dbName());
            statements.add(createTable(model));
            indexes.addAll(indexes(model));
            foreignKeys.addAll(foreignKeys(model));
        }
        for (JoinTable join : joinTables()) {
            tables.add(join.name());
            statements.add(join.createTable());
            indexes.addAll(join.indexes());
            foreignKeys.addAll(join.foreignKeys());
        }
        statements.addAll(indexes);
        statements.addAll(foreignKeys);
        return new DdlScript(enumTypes, tables, statements);
    }

    private List<EnumMeta> usedEnums() {
        return datasourceModels.usedEnums();
    }

    private EnumMeta enumOf(ModelMeta model, FieldMeta field) {
        return datasourceModels.enumOf(model, field);
    }

    private String createTable(ModelMeta model) {
        List<String> lines = new ArrayList<>();
        for (FieldMeta field : model.fields()) {
            if (!field.isRelation()) {
                lines.add(column(model, field));
            }
        }
        if (model.primaryKey()) {
            lines.add("CONSTRAINT " + PostgresDialect.INSTANCE.quote(model.dbName() + "_pkey") + " PRIMARY KEY ("
                    + columnList(model, model.id()) + ")");
        }
        return "CREATE TABLE " + PostgresDialect.INSTANCE.quote(model.dbName()) + " (\n    " + String.join(",\n    ", lines) + "\n)";
    }

    private String column(ModelMeta model, FieldMeta field) {
        EnumMeta enumType = enumOf(model, field);
        String element = PostgresColumnTypes.elementType(model.name(), field, enumType);
        String type = field.isList() ? element + "[]" : element;
        StringBuilder column = new StringBuilder(PostgresDialect.INSTANCE.quote(field.dbName())).append(' ').append(type);
        DefaultValue value = field.defaultValue();
        if (value instanceof DefaultValue.Autoincrement) {
            if (field.isList() || !PostgresColumnTypes.isInteger(type)) {
                throw new IllegalArgumentException("Field " + model.name() + "." + field.name() + " has"
                        + " @default(autoincrement()) but its column is " + type
                        + "; autoincrement() needs an Int or BigInt field");
            }
            column.append(" GENERATED BY DEFAULT AS IDENTITY");
        }
        // Lists stay nullable columns, as in Prisma's data definition; the client never writes null to them.
        if (!field.isOptional() && !field.isList()) {
            column.append(" NOT NULL");
        }
        String defaultExpression = defaultExpression(model, field, enumType, element);
        if (defaultExpression != null) {
            column.append(" DEFAULT ").append(defaultExpression);
        }
        return column.toString();
    }

    /** The SQL default of {@code field}, or {@code null} when the database computes none. */
    private static String defaultExpression(ModelMeta model, FieldMeta field, EnumMeta enumType, String element) {
        DefaultValue value = field.defaultValue();
        if (value instanceof DefaultValue.Now) {
            return "CURRENT_TIMESTAMP";
        } else if (value instanceof DefaultValue.DbGenerated generated) {
            return generated.expression().isBlank() ? null : generated.expression();
        } else if (value instanceof DefaultValue.Literal literal) {
            if (literal.value() instanceof List<?> list) {
                return "ARRAY[" + list.stream().map(v -> literal(model, field, enumType, v))
                        .collect(Collectors.joining(", ")) + "]::" + element + "[]";
            }
            return literal(model, field, enumType, literal.value());
        }
        // Generated ids (cuid, uuid, ulid, nanoid) are produced by the client; identity columns need no default.
        return null;
    }

    private static String literal(ModelMeta model, FieldMeta field, EnumMeta enumType, Object value) {
        if (value instanceof Boolean bool) {
            return bool ? "true" : "false";
        } else if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        } else if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        } else if (value instanceof Double number) {
            return BigDecimal.valueOf(number).toPlainString();
        } else if (value instanceof String text) {
            if (enumType != null) {
                return Literals.literal(enumType.dbValue(text));
            }
            if (field.scalarType() == ScalarType.BYTES) {
                return "decode(" + Literals.literal(text) + ", 'base64')";
            }
            return Literals.literal(text);
        }
        throw new IllegalArgumentException("Field " + model.name() + "." + field.name() + " has a default of type "
                + value.getClass().getSimpleName() + ", which has no SQL literal");
    }

    private List<String> indexes(ModelMeta model) {
        List<String> statements = new ArrayList<>();
        List<KeyMeta> uniques = new ArrayList<>();
        if (!model.primaryKey()) {
            uniques.add(model.id());
        }
        uniques.addAll(model.uniques());
        for (int i = 0; i < model.fieldCount(); i++) {
            FieldMeta field = model.field(i);
            int position = i;
            // A field flagged unique whose key the metadata does not list on its own still gets its index.
            if (field.unique() && uniques.stream().noneMatch(k -> k.fields().equals(List.of(position)))) {
                uniques.add(KeyMeta.of(position));
            }
        }
        for (KeyMeta unique : uniques) {
            statements.add("CREATE UNIQUE INDEX " + PostgresDialect.INSTANCE.quote(ConstraintNames.uniqueKey(model, unique)) + " ON "
                    + PostgresDialect.INSTANCE.quote(model.dbName()) + "(" + columnList(model, unique) + ")");
        }
        for (KeyMeta index : model.indexes()) {
            String name = ConstraintNames.index(model, index);
            statements.add("CREATE INDEX " + PostgresDialect.INSTANCE.quote(name) + " ON " + PostgresDialect.INSTANCE.quote(model.dbName())
                    + "(" + columnList(model, index) + ")");
        }
        return statements;
    }

    private List<String> foreignKeys(ModelMeta model) {
        List<String> statements = new ArrayList<>();
        for (RelationMeta relation : model.relations()) {
            if (!relation.holdsForeignKey() || relation.crossDatasource()) {
                continue;
            }
            if (relation.toMany()) {
                throw new IllegalArgumentException("Relation " + relation.name() + " of model " + model.name()
                        + " keeps a list of foreign keys, which only MongoDB stores; in PostgreSQL leave fields and"
                        + " references off a many-to-many relation so that a join table holds it");
            }
            ModelMeta target = schema.model(relation.targetModel());
            List<Integer> fields = new ArrayList<>();
            for (int field : relation.fields()) {
                fields.add(field);
            }
            KeyMeta foreignKey = new KeyMeta(null, fields);
            ReferentialAction onDelete = ReferentialActions.onDelete(model, relation);
            ReferentialAction onUpdate = ReferentialActions.onUpdate(relation);
            String references = Arrays.stream(relation.references())
                    .mapToObj(r -> PostgresDialect.INSTANCE.quote(target.field(r).dbName())).collect(Collectors.joining(", "));
            statements.add("ALTER TABLE " + PostgresDialect.INSTANCE.quote(model.dbName()) + " ADD CONSTRAINT "
                    + PostgresDialect.INSTANCE.quote(foreignKeyName(model, relation)) + " FOREIGN KEY ("
                    + columnList(model, foreignKey) + ") REFERENCES " + PostgresDialect.INSTANCE.quote(target.dbName()) + "("
                    + references + ") ON DELETE " + sql(onDelete) + " ON UPDATE " + sql(onUpdate));
        }
        return statements;
    }

    /**
     * The name of the foreign key that {@code relation} of {@code model} holds, as Prisma names it:
     * {@code Table_column_fkey}, with every column of a compound key.
     */
    public static String foreignKeyName(ModelMeta model, RelationMeta relation) {
        return ConstraintNames.foreignKey(model, relation);
    }

    private static String sql(ReferentialAction action) {
        return switch (action) {
            case CASCADE -> "CASCADE";
            case RESTRICT -> "RESTRICT";
            case NO_ACTION -> "NO ACTION";
            case SET_NULL -> "SET NULL";
            case SET_DEFAULT -> "SET DEFAULT";
        };
    }


    private static String columnList(ModelMeta model, KeyMeta key) {
        return key.fields().stream().map(f -> PostgresDialect.INSTANCE.quote(model.field(f).dbName()))
                .collect(Collectors.joining(", "));
    }

    /** The implicit many-to-many relations of this datasource, each once. */
    private List<JoinTable> joinTables() {
        return datasourceModels.joinTables().stream().map(join -> new JoinTable(join.name(), join.a(), join.b()))
                .toList();
    }

    /** An implicit many-to-many join table: column A points at model {@code a}, column B at {@code b}. */
    private final class JoinTable {

        private final String name;
        private final ModelMeta a;
        private final ModelMeta b;

        JoinTable(String name, ModelMeta a, ModelMeta b) {
            this.name = name;
            this.a = a;
            this.b = b;
        }

        String name() {
            return name;
        }

        String createTable() {
            return "CREATE TABLE " + PostgresDialect.INSTANCE.quote(name) + " (\n    \"A\" " + idType(a) + " NOT NULL,\n    \"B\" "
                    + idType(b) + " NOT NULL,\n    CONSTRAINT " + PostgresDialect.INSTANCE.quote(name + "_AB_pkey")
                    + " PRIMARY KEY (\"A\", \"B\")\n)";
        }

        List<String> indexes() {
            return List.of(
                    "CREATE INDEX " + PostgresDialect.INSTANCE.quote(name + "_B_index") + " ON " + PostgresDialect.INSTANCE.quote(name)
                            + "(\"B\")");
        }

        List<String> foreignKeys() {
            return List.of(foreignKey("A", a), foreignKey("B", b));
        }

        private String foreignKey(String column, ModelMeta model) {
            return "ALTER TABLE " + PostgresDialect.INSTANCE.quote(name) + " ADD CONSTRAINT " + PostgresDialect.INSTANCE.quote(name + "_" + column
                    + "_fkey") + " FOREIGN KEY (\"" + column + "\") REFERENCES " + PostgresDialect.INSTANCE.quote(model.dbName())
                    + "(" + columnList(model, model.id()) + ") ON DELETE CASCADE ON UPDATE CASCADE";
        }

        private String idType(ModelMeta model) {
            if (model.id().fields().size() != 1) {
                throw new IllegalArgumentException("Model " + model.name() + " has a compound id, so the implicit"
                        + " many-to-many relation " + name.substring(1) + " cannot point at it; give it a single"
                        + " @id field or model the relation with an explicit join model");
            }
            FieldMeta id = model.field(model.id().fields().get(0));
            return PostgresColumnTypes.elementType(model.name(), id, enumOf(model, id));
        }
    }
}

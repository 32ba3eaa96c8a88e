package dev.refract.r2dbc.catalog;

import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.ReferentialAction;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.catalog.Catalog.Column;
import dev.refract.r2dbc.catalog.Catalog.EnumType;
import dev.refract.r2dbc.catalog.Catalog.ForeignKey;
import dev.refract.r2dbc.catalog.Catalog.Index;
import dev.refract.r2dbc.catalog.Catalog.PrimaryKey;
import dev.refract.r2dbc.catalog.Catalog.Table;
import dev.refract.r2dbc.ddl.ColumnDefinition;
import dev.refract.r2dbc.ddl.ConstraintNames;
import dev.refract.r2dbc.ddl.DatasourceModels;
import dev.refract.r2dbc.ddl.DatasourceModels.JoinTable;
import dev.refract.r2dbc.ddl.MySqlDdl;
import dev.refract.r2dbc.ddl.PostgresDdl;
import dev.refract.r2dbc.ddl.ReferentialActions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The catalog a relational datasource should have according to the schema: what {@code db push}
 * creates, built from the same facts as its data definition (column types, nullability and defaults
 * from {@link PostgresDdl#columnDefinition} and {@link MySqlDdl#columnDefinition}, names from
 * {@link ConstraintNames}, actions from {@link ReferentialActions}, join tables from
 * {@link DatasourceModels}), spelled canonically. Pure.
 */
public final class DesiredCatalog {

    private final DatasourceModels datasource;
    private final boolean mysql;

    private DesiredCatalog(DatasourceModels datasource, boolean mysql) {
        this.datasource = datasource;
        this.mysql = mysql;
    }

    /**
     * The catalog of the datasource at {@code datasourceIndex}, a PostgreSQL or MySQL one.
     *
     * @throws IllegalArgumentException when there is no such datasource, it is not relational, or its
     *                                  metadata cannot be expressed in its database (as push refuses it)
     */
    public static Catalog of(SchemaMeta schema, int datasourceIndex) {
        if (datasourceIndex < 0 || datasourceIndex >= schema.datasources().size()) {
            throw new IllegalArgumentException("The schema has no datasource with index " + datasourceIndex
                    + "; it declares " + schema.datasources().size());
        }
        Provider provider = schema.datasource(datasourceIndex).provider();
        if (provider != Provider.POSTGRESQL && provider != Provider.MYSQL) {
            throw new IllegalArgumentException("Datasource " + schema.datasource(datasourceIndex).name() + " is "
                    + provider.schemaName() + ", which has no relational catalog; diff only postgresql and mysql"
                    + " datasources");
        }
        // Refuses what push refuses, with push's own messages (a list of foreign keys, SetDefault on MySQL, ...).
        if (provider == Provider.MYSQL) {
            MySqlDdl.render(schema, datasourceIndex);
        } else {
            PostgresDdl.render(schema, datasourceIndex);
        }
        boolean mysql = provider == Provider.MYSQL;
        return new DesiredCatalog(DatasourceModels.of(schema, datasourceIndex, provider), mysql).catalog();
    }

    private Catalog catalog() {
        List<Table> tables = new ArrayList<>();
        for (ModelMeta model : datasource.models()) {
            tables.add(table(model));
        }
        for (JoinTable join : datasource.joinTables()) {
            tables.add(joinTable(join));
        }
        List<EnumType> enums = mysql ? List.of() : datasource.usedEnums().stream()
                .map(e -> new EnumType(e.dbName(), e.dbValues())).toList();
        return new Catalog(tables, enums);
    }

    private Table table(ModelMeta model) {
        List<Column> columns = new ArrayList<>();
        for (FieldMeta field : model.fields()) {
            if (!field.isRelation()) {
                columns.add(column(mysql ? MySqlDdl.columnDefinition(datasource, model, field)
                        : PostgresDdl.columnDefinition(datasource, model, field)));
            }
        }
        PrimaryKey primaryKey = model.primaryKey()
                ? new PrimaryKey(mysql ? "PRIMARY" : model.dbName() + "_pkey", columns(model, model.id())) : null;
        List<Index> indexes = new ArrayList<>();
        for (KeyMeta unique : DatasourceModels.uniqueKeys(model)) {
            indexes.add(new Index(name(ConstraintNames.uniqueKey(model, unique)), columns(model, unique), true));
        }
        for (KeyMeta index : model.indexes()) {
            indexes.add(new Index(name(ConstraintNames.index(model, index)), columns(model, index), false));
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (RelationMeta relation : model.relations()) {
            if (relation.holdsForeignKey() && !relation.crossDatasource()) {
                ModelMeta target = datasource.schema().model(relation.targetModel());
                foreignKeys.add(new ForeignKey(name(ConstraintNames.foreignKey(model, relation)),
                        columns(model, relation.fields()), target.dbName(), columns(target, relation.references()),
                        ReferentialActions.onDelete(model, relation), ReferentialActions.onUpdate(relation)));
            }
        }
        return new Table(model.dbName(), columns, primaryKey, indexes, foreignKeys);
    }

    /** An implicit many-to-many join table, as each database's push creates it. */
    private Table joinTable(JoinTable join) {
        UnaryOperator<String> type = mysql ? MySqlSpelling::type : PostgresSpelling::type;
        String a = mysql ? MySqlDdl.joinColumnType(join, join.a()) : PostgresDdl.joinColumnType(datasource, join, join.a());
        String b = mysql ? MySqlDdl.joinColumnType(join, join.b()) : PostgresDdl.joinColumnType(datasource, join, join.b());
        List<Column> columns = List.of(new Column("A", type.apply(a), false, null, false),
                new Column("B", type.apply(b), false, null, false));
        List<Index> indexes = new ArrayList<>();
        PrimaryKey primaryKey = null;
        if (mysql) {
            indexes.add(new Index(name(join.name() + "_AB_unique"), List.of("A", "B"), true));
        } else {
            primaryKey = new PrimaryKey(join.name() + "_AB_pkey", List.of("A", "B"));
        }
        indexes.add(new Index(name(join.name() + "_B_index"), List.of("B"), false));
        List<ForeignKey> foreignKeys = List.of(joinForeignKey(join, "A", join.a()), joinForeignKey(join, "B", join.b()));
        return new Table(join.name(), columns, primaryKey, indexes, foreignKeys);
    }

    private ForeignKey joinForeignKey(JoinTable join, String column, ModelMeta target) {
        return new ForeignKey(name(join.name() + "_" + column + "_fkey"), List.of(column), target.dbName(),
                columns(target, target.id()), ReferentialAction.CASCADE, ReferentialAction.CASCADE);
    }

    private Column column(ColumnDefinition definition) {
        String type = mysql ? MySqlSpelling.type(definition.type()) : PostgresSpelling.type(definition.type());
        String defaultExpression = mysql ? MySqlSpelling.defaultExpression(definition.defaultExpression(), type)
                : PostgresSpelling.defaultExpression(definition.defaultExpression(), type);
        return new Column(definition.name(), type, definition.nullable(), defaultExpression, definition.autoincrement());
    }

    /** A constraint or index name as the database keeps it: MySQL cuts it to 64 characters. */
    private String name(String name) {
        return mysql ? MySqlDdl.constraintName(name) : name;
    }

    private static List<String> columns(ModelMeta model, KeyMeta key) {
        return key.fields().stream().map(f -> model.field(f).dbName()).toList();
    }

    private static List<String> columns(ModelMeta model, int[] fields) {
        return Arrays.stream(fields).mapToObj(f -> model.field(f).dbName()).toList();
    }
}

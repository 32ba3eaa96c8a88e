package dev.refract.r2dbc;

import dev.refract.meta.Arity;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.EnumMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.spi.AdapterConfig;
import java.util.List;

/**
 * The metadata of the tables the adapter's integration tests create by plain SQL:
 * {@code value_row} with a column of every type, {@code owner} with a unique email, and
 * {@code pet} pointing at its owner.
 */
final class TestSchema {

    static final int VALUES = 0;
    static final int OWNER = 1;
    static final int PET = 2;

    static final String DDL = """
            create type mood as enum ('HAPPY', 'SAD');
            create table value_row (
              id bigint primary key, label text, price numeric(20, 6), big bigint, data bytea,
              at timestamptz, local_at timestamp, doc jsonb, tags text[], scores int[], mood mood,
              flag boolean, ratio double precision, qty int);
            create table owner (id int primary key, "e-mail" text not null unique, name text not null);
            create table pet (id int primary key, owner_id int not null references owner(id), name text);
            create table counter (id int primary key, n int not null);
            """;

    private TestSchema() {}

    static SchemaMeta schema(PoolMeta pool) {
        DatasourceMeta datasource = DatasourceMeta.fromEnvironment("db", 0, Provider.POSTGRESQL, "DATABASE_URL", pool);
        ModelMeta values = new ModelMeta("ValueRow", "value_row", VALUES, 0, List.of(
                FieldMeta.scalar("id", ScalarType.BIGINT, Arity.REQUIRED).asId(),
                FieldMeta.scalar("label", ScalarType.STRING, Arity.OPTIONAL),
                FieldMeta.scalar("price", ScalarType.DECIMAL, Arity.OPTIONAL),
                FieldMeta.scalar("big", ScalarType.BIGINT, Arity.OPTIONAL),
                FieldMeta.scalar("data", ScalarType.BYTES, Arity.OPTIONAL),
                FieldMeta.scalar("at", ScalarType.DATETIME, Arity.OPTIONAL),
                FieldMeta.scalar("localAt", ScalarType.DATETIME, Arity.OPTIONAL).withDbName("local_at"),
                FieldMeta.scalar("doc", ScalarType.JSON, Arity.OPTIONAL),
                FieldMeta.scalar("tags", ScalarType.STRING, Arity.LIST),
                FieldMeta.scalar("scores", ScalarType.INT, Arity.LIST),
                FieldMeta.enumField("mood", "Mood", Arity.OPTIONAL),
                FieldMeta.scalar("flag", ScalarType.BOOLEAN, Arity.OPTIONAL),
                FieldMeta.scalar("ratio", ScalarType.FLOAT, Arity.OPTIONAL),
                FieldMeta.scalar("qty", ScalarType.INT, Arity.OPTIONAL)),
                KeyMeta.of(0), List.of(), List.of(), null, 0);
        ModelMeta owner = new ModelMeta("Owner", "owner", OWNER, 0, List.of(
                FieldMeta.scalar("id", ScalarType.INT, Arity.REQUIRED).asId(),
                FieldMeta.scalar("email", ScalarType.STRING, Arity.REQUIRED).withDbName("e-mail").asUnique(),
                FieldMeta.scalar("name", ScalarType.STRING, Arity.REQUIRED),
                FieldMeta.relation("pets", "Pet", Arity.LIST)),
                KeyMeta.of(0), List.of(KeyMeta.of(1)),
                List.of(new RelationMeta("OwnerPets", 3, PET, true, new int[0], new int[0], null, null, 3, false)),
                null, 0);
        ModelMeta pet = new ModelMeta("Pet", "pet", PET, 0, List.of(
                FieldMeta.scalar("id", ScalarType.INT, Arity.REQUIRED).asId(),
                FieldMeta.scalar("ownerId", ScalarType.INT, Arity.REQUIRED).withDbName("owner_id"),
                FieldMeta.scalar("name", ScalarType.STRING, Arity.OPTIONAL),
                FieldMeta.relation("owner", "Owner", Arity.REQUIRED)),
                KeyMeta.of(0), List.of(),
                List.of(new RelationMeta("OwnerPets", 3, OWNER, false, new int[] {1}, new int[] {0}, null, null, 3,
                        false)),
                null, 0);
        return new SchemaMeta(List.of(datasource), List.of(values, owner, pet),
                List.of(new EnumMeta("Mood", "mood", List.of("HAPPY", "SAD"))), List.of());
    }

    static AdapterConfig config(String url, PoolMeta pool) {
        SchemaMeta schema = schema(pool);
        return new AdapterConfig(schema, schema.datasource(0), url, pool);
    }
}

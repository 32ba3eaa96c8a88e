package dev.refract.r2dbc.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.r2dbc.ddl.GeneratedSchemaMeta;
import dev.refract.test.isolation.MysqlNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every test schema of the adapter, pushed into a fresh namespace, reads back equal to its desired
 * catalog: every scalar and native type, every kind of default (literals, escapes, enums, lists,
 * now(), dbgenerated), compound keys, self and many-to-many relations and every referential action,
 * on PostgreSQL and on MariaDB/MySQL. Equal means the two spellings agree, so a diff between a
 * pushed database and its schema finds nothing.
 */
@RefractTestDatabases
class PushedCatalogReadBackIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static void assertReadsBackAsDesired(SchemaMeta schema, int datasource, ConnectionFactory connections) {
        DbPush.push(schema, datasource, connections).block(TIMEOUT);
        Catalog read = CatalogReader.read(connections, schema.datasource(datasource).provider()).block(TIMEOUT);
        assertThat(read).isEqualTo(DesiredCatalog.of(schema, datasource));
    }

    private static void postgres(PostgresNamespace postgres, SchemaMeta schema) {
        try (PostgresNamespace fresh = PostgresNamespace.create(postgres.endpoint(), "read-back")) {
            assertReadsBackAsDesired(schema, 0, ConnectionFactories.get(fresh.r2dbcUrl()));
        }
    }

    private static void mysql(MysqlNamespace mysql, SchemaMeta schema) {
        try (MysqlNamespace fresh = MysqlNamespace.create(mysql.endpoint(), "read-back")) {
            assertReadsBackAsDesired(schema, 0, ConnectionFactories.get(fresh.r2dbcUrl()));
        }
    }

    @Test
    void everyPostgresTypeAndDefaultReadsBackAsDesired(PostgresNamespace postgres) {
        postgres(postgres, com.example.types.db.RefractClientMetadata.SCHEMA);
    }

    @Test
    void postgresRelationsOfEveryShapeReadBackAsDesired(PostgresNamespace postgres) {
        postgres(postgres, com.example.relations.db.RefractClientMetadata.SCHEMA);
        postgres(postgres, com.example.blog.db.RefractClientMetadata.SCHEMA);
    }

    @Test
    void postgresBankRawAndSeedSchemasReadBackAsDesired(PostgresNamespace postgres) {
        postgres(postgres, com.example.bank.db.RefractClientMetadata.SCHEMA);
        postgres(postgres, com.example.raw.db.RefractClientMetadata.SCHEMA);
        postgres(postgres, com.example.pipeline.db.RefractClientMetadata.SCHEMA);
    }

    @Test
    void everyMySqlTypeAndDefaultReadsBackAsDesired(MysqlNamespace mysql) {
        mysql(mysql, com.example.types.mysql.db.RefractClientMetadata.SCHEMA);
    }

    @Test
    void mySqlRelationsBankAndRawSchemasReadBackAsDesired(MysqlNamespace mysql) {
        mysql(mysql, com.example.relations.mysql.db.RefractClientMetadata.SCHEMA);
        mysql(mysql, GeneratedSchemaMeta.of("sdk-r2dbc/target/relational-schemas/mysql/bank.prisma"));
        mysql(mysql, com.example.raw.mysql.db.RefractClientMetadata.SCHEMA);
    }
}

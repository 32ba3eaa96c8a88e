package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.meta.KeyMeta;
import org.junit.jupiter.api.Test;

class MetadataEmitterTest {

    @Test
    void declaresDatasourcesModelsAndTheirIndexes() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context, new MetadataEmitter(context).emit());

        assertThat(source).contains("DatasourceMeta.fromEnvironment(\"db\", 0, Provider.POSTGRESQL, \"DATABASE_URL\","
                        + " new PoolMeta(20, null, null, null))")
                .contains("DOCS_DATASOURCE = DatasourceMeta.fromEnvironment(\"docs\", 1, Provider.MONGODB")
                .contains("new ModelMeta(\"PipelineStep\", \"pipeline_steps\", 1, 0,")
                .contains("new ModelMeta(\"ContentItem\", \"ContentItem\", 2, 1,")
                .contains("FieldMeta.scalar(\"id\", ScalarType.STRING, Arity.REQUIRED).withDbName(\"_id\").asId()"
                        + ".withDefault(new DefaultValue.Auto()).withNativeType(\"ObjectId\")")
                .contains("List.of(KeyMeta.of(2, 3))")
                .contains("new RelationMeta(\"PipelineRunToPipelineStep\", 1, 0, false, new int[] {2}, new int[] {0},"
                        + " ReferentialAction.CASCADE, null, 7, false)")
                .contains("new CacheMeta(2, 60L), 0L)")
                .contains("null, 3600L)")
                .contains("STATUS_ENUM = new EnumMeta(\"Status\", \"Status\", List.of(\"PENDING\", \"RUNNING\", \"COMPLETED\", \"FAILED\"))")
                .contains("SCHEMA = new SchemaMeta(List.of(DB_DATASOURCE, DOCS_DATASOURCE, CACHE_DATASOURCE),")
                .contains("List.of(PIPELINE_RUN, PIPELINE_STEP, CONTENT_ITEM, SESSION),")
                .contains("List.of(STATUS_ENUM),");
    }

    @Test
    void writesLiteralUrlsAndFullPoolSettings() {
        GenerationContext context = Emitted.context(UnusualSchemaCompilesTest.unusual());

        String source = Emitted.render(context, new MetadataEmitter(context).emit());

        assertThat(source).contains("DatasourceMeta.withUrl(\"db\", 0, Provider.MYSQL, \"r2dbc:mysql://u:secret@localhost/app\","
                        + " new PoolMeta(5, 1, Duration.ofMillis(3000L), Duration.ofMillis(300000L)))")
                .contains("new DefaultValue.Nanoid(12)")
                .contains("ADDRESS_TYPE = new CompositeMeta(\"Address\", List.of(")
                .contains("FieldMeta.enumField(\"kind\", \"Role\", Arity.REQUIRED)")
                .contains("ROLE_ENUM = new EnumMeta(\"Role\", \"user_role\", List.of(\"admin\", \"plain\"))")
                .contains("new DefaultValue.Literal(List.of(1L))")
                .doesNotContain("legacy");
    }

    @Test
    void declaresIndexesTheKindOfIdentityAndMappedEnumValueNames() {
        GenerationContext context = Emitted.context(SchemaText.definition("""
                enum Level {
                  LOW  @map("low")
                  HIGH

                  @@map("level")
                }

                model Token {
                  kind  String
                  value String
                  level Level  @default(LOW)

                  @@unique([kind, value])
                  @@index([level, kind], map: "token_level")
                  @@index([value])
                }
                """));

        String source = Emitted.render(context, new MetadataEmitter(context).emit());

        assertThat(source).contains(".withIndexes(List.of(new KeyMeta(\"token_level\", List.of(2, 0)), KeyMeta.of(1)))")
                .contains(".identifiedByUnique()")
                .contains("new EnumMeta(\"Level\", \"level\", List.of(\"low\", \"HIGH\"))")
                .contains(".withValueNames(List.of(\"LOW\", \"HIGH\"))");
    }

    @Test
    void marksReadOnlyDatasources() {
        GenerationContext context = Emitted.context(SchemaText.definition("""
                datasource legacy {
                  provider = "mysql"
                  url      = env("LEGACY_URL")
                  readOnly = true
                }

                model Customer {
                  id Int @id

                  @@datasource(legacy)
                }
                """));

        String source = Emitted.render(context, new MetadataEmitter(context).emit());

        assertThat(source).contains("DatasourceMeta.fromEnvironment(\"legacy\", 1, Provider.MYSQL, \"LEGACY_URL\","
                + " PoolMeta.DEFAULTS).asReadOnly()")
                .contains("DatasourceMeta.fromEnvironment(\"db\", 0, Provider.POSTGRESQL, \"DATABASE_URL\","
                        + " PoolMeta.DEFAULTS);");
    }

    @Test
    void modelsWithAnIdAndWithoutIndexesKeepTheShortForm() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context, new MetadataEmitter(context).emit());

        assertThat(source).doesNotContain(".identifiedByUnique()").doesNotContain(".withValueNames(")
                .contains(".withIndexes(List.of(KeyMeta.of(2, 3)))");
    }

    @Test
    void declaresTheSecondsOfATtlIndexAsTheRuntimeMetadataHasThem() {
        SchemaDefinition definition = SchemaText.definition("""
                datasource docs {
                  provider = "mongodb"
                  url      = env("MONGODB_URL")
                }

                model Session {
                  id        String   @id @default(auto()) @map("_id") @db.ObjectId
                  expiresAt DateTime
                  @@index([expiresAt], expireAfterSeconds: 3600)
                  @@datasource(docs)
                }
                """);
        GenerationContext context = Emitted.context(definition);

        String source = Emitted.render(context, new MetadataEmitter(context).emit());

        assertThat(source).contains(".withIndexes(List.of(KeyMeta.of(1).expiringAfter(3600L)))");
        KeyMeta ttl = RuntimeMetadata.of(definition).model(0).indexes().get(0);
        assertThat(ttl.expireAfterSeconds()).isEqualTo(3600L);
        assertThat(ttl.fields()).containsExactly(1);
    }

    @Test
    void declaresTheExpiresAtFieldAsTheRuntimeMetadataHasIt() {
        SchemaDefinition definition = SchemaText.definition("""
                datasource kv {
                  provider = "redis"
                  url      = env("REDIS_URL")
                }

                model Pass {
                  id         String    @id
                  code       String
                  validUntil DateTime? @expiresAt
                  @@datasource(kv)
                  @@ttl(60)
                }
                """);
        GenerationContext context = Emitted.context(definition);

        String source = Emitted.render(context, new MetadataEmitter(context).emit());

        assertThat(source).contains("null, 60L)\n            .expiringAt(2);");
        assertThat(RuntimeMetadata.of(definition).model(0).expiresAt()).isEqualTo(2);
        assertThat(RuntimeMetadata.of(definition).model(0).ttlSeconds()).isEqualTo(60L);
        assertThat(RuntimeMetadata.of(definition).model(0).hasExpiresAt()).isTrue();
    }
}

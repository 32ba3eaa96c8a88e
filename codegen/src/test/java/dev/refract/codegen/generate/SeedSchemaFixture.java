package dev.refract.codegen.generate;

import dev.refract.meta.Arity;
import dev.refract.codegen.definition.CacheDefinition;
import dev.refract.codegen.definition.DatasourceDefinition;
import dev.refract.codegen.definition.EnumDefinition;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.FieldType;
import dev.refract.codegen.definition.GeneratorDefinition;
import dev.refract.codegen.definition.KeyDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.codegen.definition.PoolDefinition;
import dev.refract.codegen.definition.RelationDefinition;
import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.definition.UrlDefinition;
import dev.refract.meta.DefaultValue;
import dev.refract.meta.Provider;
import dev.refract.meta.ReferentialAction;
import dev.refract.meta.ScalarType;
import java.util.ArrayList;
import java.util.List;

/**
 * The resolved definition of the seed schema (examples/ai-pipeline/schema.prisma), built by hand so
 * generator tests do not depend on the parser and validator, plus small builders for variations.
 */
public final class SeedSchemaFixture {

    /** The package the seed schema generates into. */
    public static final String PACKAGE = "com.example.pipeline.db";

    private SeedSchemaFixture() {}

    /** The seed schema's definition. */
    public static SchemaDefinition seed() {
        List<DatasourceDefinition> datasources = List.of(
                new DatasourceDefinition("db", 0, Provider.POSTGRESQL, UrlDefinition.fromEnvironment("DATABASE_URL"),
                        new PoolDefinition(20, null, null, null), ""),
                new DatasourceDefinition("docs", 1, Provider.MONGODB, UrlDefinition.fromEnvironment("MONGODB_URL"),
                        PoolDefinition.DEFAULTS, ""),
                new DatasourceDefinition("cache", 2, Provider.REDIS, UrlDefinition.fromEnvironment("REDIS_URL"),
                        PoolDefinition.DEFAULTS, ""));
        EnumDefinition status = new EnumDefinition("Status", "Status", "Where a pipeline run or one of its steps stands.",
                List.of(value("PENDING"), value("RUNNING"), value("COMPLETED"), value("FAILED")));

        ModelDefinition run = new ModelDefinition("PipelineRun", "PipelineRun", "One execution of a named content pipeline.",
                "db", 0, List.of(
                        field("id").string().id().defaultTo(new DefaultValue.Cuid(1)).build(),
                        field("name").string().doc("The pipeline's name, e.g. \"video-production\".").build(),
                        field("status").enumOf("Status").defaultTo(new DefaultValue.Literal("PENDING")).build(),
                        field("startedAt").scalar(ScalarType.DATETIME).defaultTo(new DefaultValue.Now()).build(),
                        field("updatedAt").scalar(ScalarType.DATETIME).updatedAt().build(),
                        field("cost").scalar(ScalarType.FLOAT).doc("What the run cost, in US dollars.")
                                .defaultTo(new DefaultValue.Literal(java.math.BigDecimal.ZERO)).build(),
                        field("metadata").scalar(ScalarType.JSON).optional().build(),
                        field("steps").model("PipelineStep").list()
                                .relation(new RelationDefinition("PipelineRunToPipelineStep", "PipelineStep",
                                        RelationDefinition.Kind.ONE_TO_MANY, List.of(), List.of(), null, null, "run", false))
                                .build(),
                        field("contentItems").model("ContentItem").list().doc("The content the run produced, kept in MongoDB.")
                                .relation(new RelationDefinition("ContentItemToPipelineRun", "ContentItem",
                                        RelationDefinition.Kind.ONE_TO_MANY, List.of(), List.of(), null, null, "run", true))
                                .build()),
                new KeyDefinition(null, List.of("id")), List.of(),
                List.of(new KeyDefinition(null, List.of("status", "startedAt"))),
                new CacheDefinition("cache", 2, 60), null);

        ModelDefinition step = new ModelDefinition("PipelineStep", "pipeline_steps", "One step of a pipeline run, executed in order.",
                "db", 0, List.of(
                        field("id").string().id().defaultTo(new DefaultValue.Uuid(7)).build(),
                        field("run").model("PipelineRun")
                                .relation(new RelationDefinition("PipelineRunToPipelineStep", "PipelineRun",
                                        RelationDefinition.Kind.MANY_TO_ONE, List.of("runId"), List.of("id"),
                                        ReferentialAction.CASCADE, null, "steps", false))
                                .build(),
                        field("runId").string().build(),
                        field("position").scalar(ScalarType.INT).build(),
                        field("name").string().build(),
                        field("status").enumOf("Status").defaultTo(new DefaultValue.Literal("PENDING")).build(),
                        field("attempts").scalar(ScalarType.INT).defaultTo(new DefaultValue.Literal(0L)).build(),
                        field("durationMs").scalar(ScalarType.BIGINT).optional().build(),
                        field("output").scalar(ScalarType.JSON).optional().build(),
                        field("createdAt").scalar(ScalarType.DATETIME).defaultTo(new DefaultValue.Now()).build()),
                new KeyDefinition(null, List.of("id")), List.of(new KeyDefinition(null, List.of("runId", "position"))),
                List.of(), null, null);

        ModelDefinition content = new ModelDefinition("ContentItem", "ContentItem",
                "A piece of generated content, stored as a MongoDB document.", "docs", 1, List.of(
                        field("id").string().id().dbName("_id").defaultTo(new DefaultValue.Auto())
                                .nativeType(new dev.refract.codegen.definition.NativeType("ObjectId", List.of())).build(),
                        field("run").model("PipelineRun").doc("The run that produced it, in PostgreSQL.")
                                .relation(new RelationDefinition("ContentItemToPipelineRun", "PipelineRun",
                                        RelationDefinition.Kind.MANY_TO_ONE, List.of("runId"), List.of("id"), null, null,
                                        "contentItems", true))
                                .build(),
                        field("runId").string().build(),
                        field("session").model("Session").optional()
                                .doc("The user session that asked for it, in Redis; none when the pipeline ran on its own.")
                                .relation(new RelationDefinition("ContentItemToSession", "Session",
                                        RelationDefinition.Kind.MANY_TO_ONE, List.of("sessionId"), List.of("id"), null, null,
                                        "contentItems", true))
                                .build(),
                        field("sessionId").string().optional().build(),
                        field("type").string().build(),
                        field("title").string().build(),
                        field("tags").string().list().build(),
                        field("metadata").scalar(ScalarType.JSON).build()),
                new KeyDefinition(null, List.of("id")), List.of(), List.of(new KeyDefinition(null, List.of("runId"))),
                null, null);

        ModelDefinition session = new ModelDefinition("Session", "Session",
                "A signed-in user's session, kept in Redis and expired by it.", "cache", 2, List.of(
                        field("id").string().id().defaultTo(new DefaultValue.Uuid(4)).build(),
                        field("userId").string().build(),
                        field("data").scalar(ScalarType.JSON).build(),
                        field("contentItems").model("ContentItem").list().doc("The content this session asked for, in MongoDB.")
                                .relation(new RelationDefinition("ContentItemToSession", "ContentItem",
                                        RelationDefinition.Kind.ONE_TO_MANY, List.of(), List.of(), null, null, "session", true))
                                .build()),
                new KeyDefinition(null, List.of("id")), List.of(), List.of(), null, 3600L);

        return new SchemaDefinition(datasources,
                new GeneratorDefinition("client", "refract-java", PACKAGE, "RefractClient", null),
                List.of(run, step, content, session), List.of(status), List.of());
    }

    /** A schema of one model {@code Item} in a PostgreSQL datasource, with the given fields. */
    public static SchemaDefinition singleModel(FieldDefinition... fields) {
        List<FieldDefinition> all = new ArrayList<>(List.of(fields));
        return new SchemaDefinition(
                List.of(new DatasourceDefinition("db", 0, Provider.POSTGRESQL, UrlDefinition.literal("r2dbc:postgresql://localhost/app"),
                        PoolDefinition.DEFAULTS, "")),
                new GeneratorDefinition("client", "refract-java", "com.example.items", "RefractClient", null),
                List.of(new ModelDefinition("Item", "Item", "", "db", 0, all,
                        new KeyDefinition(null, List.of(all.get(0).name())), List.of(), List.of(), null, null)),
                List.of(), List.of());
    }

    private static EnumDefinition.Value value(String name) {
        return new EnumDefinition.Value(name, name, "");
    }

    /** A field definition builder starting as a required String field named {@code name}. */
    public static FieldBuilder field(String name) {
        return new FieldBuilder(name);
    }

    /** Builds a {@link FieldDefinition} step by step. */
    public static final class FieldBuilder {
        private final String name;
        private String dbName;
        private String doc = "";
        private FieldType type = new FieldType.Scalar(ScalarType.STRING);
        private Arity arity = Arity.REQUIRED;
        private DefaultValue defaultValue;
        private boolean id;
        private boolean unique;
        private boolean updatedAt;
        private boolean expiresAt;
        private dev.refract.codegen.definition.NativeType nativeType;
        private RelationDefinition relation;

        FieldBuilder(String name) {
            this.name = name;
            this.dbName = name;
        }

        public FieldBuilder string() {
            return scalar(ScalarType.STRING);
        }

        public FieldBuilder scalar(ScalarType scalar) {
            type = new FieldType.Scalar(scalar);
            return this;
        }

        public FieldBuilder enumOf(String enumName) {
            type = new FieldType.EnumRef(enumName);
            return this;
        }

        public FieldBuilder model(String modelName) {
            type = new FieldType.ModelRef(modelName);
            return this;
        }

        public FieldBuilder composite(String typeName) {
            type = new FieldType.CompositeRef(typeName);
            return this;
        }

        public FieldBuilder unsupported(String nativeType) {
            type = new FieldType.Unsupported(nativeType);
            return this;
        }

        public FieldBuilder optional() {
            arity = Arity.OPTIONAL;
            return this;
        }

        public FieldBuilder list() {
            arity = Arity.LIST;
            return this;
        }

        public FieldBuilder id() {
            id = true;
            return this;
        }

        public FieldBuilder unique() {
            unique = true;
            return this;
        }

        public FieldBuilder expiresAt() {
            expiresAt = true;
            return this;
        }

        public FieldBuilder updatedAt() {
            updatedAt = true;
            return this;
        }

        public FieldBuilder doc(String text) {
            doc = text;
            return this;
        }

        public FieldBuilder dbName(String name) {
            dbName = name;
            return this;
        }

        public FieldBuilder defaultTo(DefaultValue value) {
            defaultValue = value;
            return this;
        }

        public FieldBuilder nativeType(dev.refract.codegen.definition.NativeType type) {
            nativeType = type;
            return this;
        }

        public FieldBuilder relation(RelationDefinition definition) {
            relation = definition;
            return this;
        }

        public FieldDefinition build() {
            return new FieldDefinition(name, dbName, doc, type, arity, defaultValue, id, unique, updatedAt, expiresAt,
                    nativeType,
                    relation);
        }
    }
}

package dev.refract.r2dbc.sql;

import dev.refract.meta.Arity;
import dev.refract.meta.CacheMeta;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.DefaultValue;
import dev.refract.meta.EnumMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.ReferentialAction;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import java.util.List;

/**
 * The metadata the generator emits for the relational part of the seed schema (PipelineRun and
 * PipelineStep, as the generated {@code RefractClientMetadata} declares them), plus a model with
 * scalar lists, an optional column and a mapped name, which the seed lacks.
 */
final class PipelineSchema {

    static final int RUN = 0;
    static final int STEP = 1;
    static final int TAGGED = 2;
    static final int CONTENT = 3;

    // PipelineRun
    static final int RUN_ID = 0;
    static final int RUN_NAME = 1;
    static final int RUN_STATUS = 2;
    static final int RUN_STARTED_AT = 3;
    static final int RUN_UPDATED_AT = 4;
    static final int RUN_COST = 5;
    static final int RUN_METADATA = 6;
    static final int RUN_STEPS = 7;

    // PipelineStep
    static final int STEP_ID = 0;
    static final int STEP_RUN = 1;
    static final int STEP_RUN_ID = 2;
    static final int STEP_POSITION = 3;
    static final int STEP_NAME = 4;
    static final int STEP_STATUS = 5;
    static final int STEP_ATTEMPTS = 6;
    static final int STEP_DURATION_MS = 7;
    static final int STEP_OUTPUT = 8;
    static final int STEP_CREATED_AT = 9;

    // Tagged
    static final int TAGGED_ID = 0;
    static final int TAGGED_TAGS = 1;
    static final int TAGGED_SCORES = 2;
    static final int TAGGED_LABELS = 3;
    static final int TAGGED_NOTE = 4;
    static final int TAGGED_PRICE = 5;
    static final int TAGGED_CODE = 6;
    static final int TAGGED_REF = 7;
    static final int TAGGED_CODES = 8;

    static final SchemaMeta SCHEMA = new SchemaMeta(
            List.of(DatasourceMeta.fromEnvironment("db", 0, Provider.POSTGRESQL, "DATABASE_URL",
                            new PoolMeta(20, null, null, null)),
                    DatasourceMeta.fromEnvironment("docs", 1, Provider.MONGODB, "MONGODB_URL", PoolMeta.DEFAULTS),
                    DatasourceMeta.fromEnvironment("cache", 2, Provider.REDIS, "REDIS_URL", PoolMeta.DEFAULTS)),
            List.of(
                    new ModelMeta("PipelineRun", "PipelineRun", RUN, 0, List.of(
                            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId()
                                    .withDefault(new DefaultValue.Cuid(1)),
                            FieldMeta.scalar("name", ScalarType.STRING, Arity.REQUIRED),
                            FieldMeta.enumField("status", "Status", Arity.REQUIRED)
                                    .withDefault(new DefaultValue.Literal("PENDING")),
                            FieldMeta.scalar("startedAt", ScalarType.DATETIME, Arity.REQUIRED)
                                    .withDefault(new DefaultValue.Now()),
                            FieldMeta.scalar("updatedAt", ScalarType.DATETIME, Arity.REQUIRED).asUpdatedAt(),
                            FieldMeta.scalar("cost", ScalarType.FLOAT, Arity.REQUIRED)
                                    .withDefault(new DefaultValue.Literal(0.0)),
                            FieldMeta.scalar("metadata", ScalarType.JSON, Arity.OPTIONAL),
                            FieldMeta.relation("steps", "PipelineStep", Arity.LIST)),
                            KeyMeta.of(RUN_ID), List.of(),
                            List.of(new RelationMeta("PipelineRunToPipelineStep", RUN_STEPS, STEP, true, new int[0],
                                    new int[0], null, null, STEP_RUN, false)),
                            new CacheMeta(2, 60), 0),
                    new ModelMeta("PipelineStep", "pipeline_steps", STEP, 0, List.of(
                            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId()
                                    .withDefault(new DefaultValue.Uuid(7)),
                            FieldMeta.relation("run", "PipelineRun", Arity.REQUIRED),
                            FieldMeta.scalar("runId", ScalarType.STRING, Arity.REQUIRED),
                            FieldMeta.scalar("position", ScalarType.INT, Arity.REQUIRED),
                            FieldMeta.scalar("name", ScalarType.STRING, Arity.REQUIRED),
                            FieldMeta.enumField("status", "Status", Arity.REQUIRED)
                                    .withDefault(new DefaultValue.Literal("PENDING")),
                            FieldMeta.scalar("attempts", ScalarType.INT, Arity.REQUIRED)
                                    .withDefault(new DefaultValue.Literal(0)),
                            FieldMeta.scalar("durationMs", ScalarType.BIGINT, Arity.OPTIONAL),
                            FieldMeta.scalar("output", ScalarType.JSON, Arity.OPTIONAL),
                            FieldMeta.scalar("createdAt", ScalarType.DATETIME, Arity.REQUIRED)
                                    .withDefault(new DefaultValue.Now())),
                            KeyMeta.of(STEP_ID), List.of(KeyMeta.of(STEP_RUN_ID, STEP_POSITION)),
                            List.of(new RelationMeta("PipelineRunToPipelineStep", STEP_RUN, RUN, false,
                                    new int[] {STEP_RUN_ID}, new int[] {RUN_ID}, ReferentialAction.CASCADE, null,
                                    RUN_STEPS, false)),
                            null, 0),
                    new ModelMeta("Tagged", "tagged_items", TAGGED, 0, List.of(
                            FieldMeta.scalar("id", ScalarType.INT, Arity.REQUIRED).asId()
                                    .withDefault(new DefaultValue.Autoincrement()),
                            FieldMeta.scalar("tags", ScalarType.STRING, Arity.LIST),
                            FieldMeta.scalar("scores", ScalarType.INT, Arity.LIST),
                            FieldMeta.enumField("labels", "Status", Arity.LIST),
                            FieldMeta.scalar("note", ScalarType.STRING, Arity.OPTIONAL).withDbName("the_note"),
                            FieldMeta.scalar("price", ScalarType.DECIMAL, Arity.OPTIONAL),
                            FieldMeta.scalar("code", ScalarType.STRING, Arity.REQUIRED).asUnique(),
                            FieldMeta.scalar("ref", ScalarType.STRING, Arity.OPTIONAL).withNativeType("Uuid"),
                            FieldMeta.scalar("codes", ScalarType.STRING, Arity.LIST).withNativeType("VarChar(8)")),
                            KeyMeta.of(TAGGED_ID), List.of(KeyMeta.of(TAGGED_CODE)), List.of(), null, 0),
                    new ModelMeta("ContentItem", "ContentItem", CONTENT, 1, List.of(
                            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId().withDbName("_id")
                                    .withDefault(new DefaultValue.Auto()).withNativeType("ObjectId")),
                            KeyMeta.of(0), List.of(), List.of(), null, 0)),
            List.of(new EnumMeta("Status", "Status", List.of("PENDING", "RUNNING", "COMPLETED", "FAILED"))),
            List.of());

    private PipelineSchema() {
    }
}

package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.definition.SchemaDefinition;
import org.junit.jupiter.api.Test;

class WriteEmitterTest {

    private final GenerationContext context = Emitted.seedContext();
    private final WriteEmitter emitter = new WriteEmitter(context);

    @Test
    void createChecksOnlyFieldsWithoutDefaultOnBuild() {
        String source = Emitted.render(context, emitter.emitCreate(Emitted.model(context, "PipelineStep")));

        assertThat(source).contains("require(3, \"PipelineStep\", \"position\");")
                .contains("require(4, \"PipelineStep\", \"name\");")
                .doesNotContain("\"attempts\");")
                .doesNotContain("\"createdAt\");")
                .contains("return setRequired(5, \"status\", status == null ? null : status.dbName());")
                .contains("return set(7, durationMs);");
    }

    @Test
    void updateOffersAtomicArithmeticOnNumbersOnly() {
        String source = Emitted.render(context, emitter.emitUpdate(Emitted.model(context, "PipelineStep")));

        assertThat(source).contains("public NumberUpdate<PipelineStepUpdate, Integer> attempts()")
                .contains("public NumberUpdate<PipelineStepUpdate, Long> durationMs()")
                .contains("public PipelineStepUpdate durationMs(Long durationMs)")
                .contains("{@code null} clears it")
                .doesNotContain("NumberUpdate<PipelineStepUpdate, String>");
    }

    @Test
    void settersCarryTheFieldsDocumentation() {
        String source = Emitted.render(context, emitter.emitCreate(Emitted.model(context, "PipelineRun")));

        assertThat(source).contains("Sets {@code cost}. What the run cost, in US dollars.");
    }

    @Test
    void foreignKeyOfARequiredRelationIsRequiredOnlyWhenTheRelationIsNotGiven() {
        String source = Emitted.render(context, emitter.emitCreate(Emitted.model(context, "PipelineStep")));

        assertThat(source).contains("""
                    public WriteData build() {
                        return buildNested(-1);
                    }
                """).contains("""
                    public WriteData buildNested(int relationField) {
                        if (!linked(relationField, 1)) {
                            require(2, "PipelineStep", "runId", "run");
                        }
                        require(3, "PipelineStep", "position");
                """).contains("Given this way, {@code runId} needs no value.");
    }

    @Test
    void createTakesNestedWritesBuiltByTheRelatedModelsOwnBuilders() {
        String run = Emitted.render(context, emitter.emitCreate(Emitted.model(context, "PipelineRun")));
        String step = Emitted.render(context, emitter.emitCreate(Emitted.model(context, "PipelineStep")));

        assertThat(run).contains("public PipelineRunCreate steps(\n"
                        + "            Consumer<ToManyCreate<PipelineStepCreate, PipelineStepWhereUnique>> writes) {")
                .contains("""
                                return relate(7, writes, new ToManyCreate<>(
                                        RelatedBuilder.of(PipelineStepCreate::new, create -> create.buildNested(1)),
                                        RelatedBuilder.of(PipelineStepWhereUnique::new, PipelineStepWhereUnique::build)));
                        """)
                .doesNotContain("ToManyWrite");
        assertThat(step).contains("Consumer<ToOneCreate<PipelineRunCreate, PipelineRunWhereUnique>> writes")
                .contains("RelatedBuilder.of(PipelineRunCreate::new, create -> create.buildNested(7))");
    }

    @Test
    void updateTakesEveryNestedWrite() {
        String run = Emitted.render(context, emitter.emitUpdate(Emitted.model(context, "PipelineRun")));
        String step = Emitted.render(context, emitter.emitUpdate(Emitted.model(context, "PipelineStep")));

        assertThat(run).contains("Consumer<ToManyWrite<PipelineStepCreate, PipelineStepUpdate, PipelineStepWhereUnique, "
                        + "PipelineStepWhere>> writes")
                .contains("RelatedBuilder.of(PipelineStepUpdate::new, PipelineStepUpdate::build),")
                .contains("RelatedBuilder.of(PipelineStepWhere::new, PipelineStepWhere::build)));")
                .doesNotContain("buildNested(int");
        assertThat(step).contains("Consumer<ToOneWrite<PipelineRunCreate, PipelineRunUpdate, PipelineRunWhereUnique>> writes")
                .contains("return relate(1, writes, new ToOneWrite<>(");
    }

    @Test
    void onlyAnOptionalToOneRelationCanBeDisconnectedOrDeleted() {
        GenerationContext blog = Emitted.context(SchemaText.definition("""
                model User {
                  id     Int    @id
                  posts  Post[] @relation("Author")
                  edited Post[] @relation("Editor")
                }
                model Post {
                  id       Int   @id
                  author   User  @relation("Author", fields: [authorId], references: [id])
                  authorId Int
                  editor   User? @relation("Editor", fields: [editorId], references: [id])
                  editorId Int?
                }
                """));

        String post = Emitted.render(blog, new WriteEmitter(blog).emitUpdate(blog.model("Post")));

        assertThat(post).contains("public PostUpdate author(Consumer<ToOneWrite<UserCreate, UserUpdate, UserWhereUnique>> writes)")
                .contains("Consumer<ToOneWrite.Nullable<UserCreate, UserUpdate, UserWhereUnique>> writes")
                .contains("return relate(3, writes, new ToOneWrite.Nullable<>(")
                .contains("create -> create.buildNested(1)")
                .contains("create -> create.buildNested(2)");
    }

    @Test
    void foreignKeyFieldSharedByTwoRelationsIsGivenByEither() {
        GenerationContext tenants = Emitted.context(SchemaText.definition("""
                model Tenant {
                  id       Int       @id
                  members  Member[]
                  projects Project[]
                }
                model Member {
                  tenantId Int
                  userId   Int
                  tenant   Tenant    @relation(fields: [tenantId], references: [id])
                  projects Project[]
                  @@id([tenantId, userId])
                }
                model Project {
                  id       Int    @id
                  tenantId Int
                  ownerId  Int
                  tenant   Tenant @relation(fields: [tenantId], references: [id])
                  owner    Member @relation(fields: [tenantId, ownerId], references: [tenantId, userId])
                }
                """));

        String project = Emitted.render(tenants, new WriteEmitter(tenants).emitCreate(tenants.model("Project")));

        assertThat(project).contains("""
                        if (!linked(relationField, 3, 4)) {
                            require(1, "Project", "tenantId", "tenant");
                        }
                        if (!linked(relationField, 4)) {
                            require(2, "Project", "ownerId", "owner");
                        }
                """).contains("Given this way, {@code tenantId} and {@code ownerId} need no value.");
    }

    @Test
    void relationToAnotherDatasourceTakesNoNestedWrites() {
        SchemaDefinition schema = SchemaText.definition("""
                datasource docs {
                  provider = "mongodb"
                  url      = env("MONGODB_URL")
                }
                model User {
                  id    Int    @id
                  items Item[]
                }
                model Item {
                  id     String @id @default(auto()) @map("_id") @db.ObjectId
                  userId Int
                  user   User   @relation(fields: [userId], references: [id])
                  @@datasource(docs)
                }
                """);
        GenerationContext split = Emitted.context(schema);
        WriteEmitter writes = new WriteEmitter(split);

        String item = Emitted.render(split, writes.emitCreate(split.model("Item")));
        String user = Emitted.render(split, writes.emitUpdate(split.model("User")));

        assertThat(item).contains("require(1, \"Item\", \"userId\");").doesNotContain("buildNested")
                .doesNotContain("Item user(");
        assertThat(user).doesNotContain("items(").doesNotContain("relate(");
    }

    @Test
    void onlyTheWriteBuildersOfRedisModelsTakeATimeToLive() {
        GenerationContext kv = Emitted.context(SchemaText.definition("""
                datasource kv {
                  provider = "redis"
                  url      = env("REDIS_URL")
                }
                model Account {
                  id Int @id
                }
                model Session {
                  id String @id
                  @@datasource(kv)
                  @@ttl(3600)
                }
                """));
        WriteEmitter writes = new WriteEmitter(kv);

        String create = Emitted.render(kv, writes.emitCreate(kv.model("Session")));
        String update = Emitted.render(kv, writes.emitUpdate(kv.model("Session")));

        assertThat(create).contains("public SessionCreate ttl(Duration ttl) {\n        return timeToLive(ttl);")
                .contains("instead of what\n     * {@code @@ttl(3600)} says");
        assertThat(update).contains("public SessionUpdate ttl(Duration ttl) {");
        assertThat(Emitted.render(kv, writes.emitCreate(kv.model("Account")))).doesNotContain("ttl(");
        assertThat(Emitted.render(kv, writes.emitUpdate(kv.model("Account")))).doesNotContain("ttl(");
    }

    @Test
    void theJavadocOfAWriteBuilderSaysWhyARelationToAnotherDatasourceHasNoNestedWritesAndPointsAtSagas() {
        GenerationContext context = Emitted.seedContext();
        WriteEmitter writes = new WriteEmitter(context);

        String run = Emitted.render(context, writes.emitCreate(context.model("PipelineRun")));
        String item = Emitted.render(context, writes.emitUpdate(context.model("ContentItem")));
        String step = Emitted.render(context, writes.emitCreate(context.model("PipelineStep")));

        assertThat(run).contains("Relations to models of another datasource ({@code contentItems}) take no nested writes")
                .contains("coordinate the writes in a saga ({@code db.saga()})");
        assertThat(item).contains("({@code run}, {@code session}) take no nested writes");
        assertThat(step).as("a model related within its own datasource only").doesNotContain("saga");
    }
}

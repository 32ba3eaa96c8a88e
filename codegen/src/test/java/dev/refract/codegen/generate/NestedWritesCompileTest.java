package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.parse.ParseResult;
import dev.refract.codegen.parse.SchemaParser;
import dev.refract.codegen.source.Diagnostic;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.validate.SchemaValidator;
import dev.refract.codegen.validate.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Programs that call every nested write of the generated create and update builders compile
 * without a warning, on the seed schema and on the corpus schemas with the most shapes of
 * relation (blog: one-to-one, one-to-many, two named relations, implicit many-to-many, a comment
 * thread; self-relations: self one-to-one, self one-to-many, implicit self many-to-many, explicit
 * many-to-many with a compound id); nested writes a relation does not take do not compile.
 */
class NestedWritesCompileTest {

    private static final String SEED_PATH = "com/example/app/WritesPipelines.java";

    private static final String SEED_PROGRAM = """
            package com.example.app;

            import com.example.pipeline.db.PipelineRun;
            import com.example.pipeline.db.PipelineRunCreate;
            import com.example.pipeline.db.PipelineRunUpdate;
            import com.example.pipeline.db.PipelineStep;
            import com.example.pipeline.db.PipelineStepCreate;
            import com.example.pipeline.db.PipelineStepUpdate;
            import com.example.pipeline.db.RefractClient;
            import com.example.pipeline.db.Status;
            import dev.refract.query.WriteData;
            import java.util.List;
            import reactor.core.publisher.Mono;

            final class WritesPipelines {

                private WritesPipelines() {}

                static List<WriteData> builders() {
                    WriteData run = new PipelineRunCreate().name("video")
                            .steps(s -> s.create(c -> c.position(1).name("script"))
                                    .createMany(List.of(new PipelineStepCreate().position(2).name("voice")))
                                    .createMany(List.of(new PipelineStepCreate().position(3).name("edit")), true)
                                    .connect(w -> w.id("step-1"))
                                    .connectOrCreate(w -> w.runIdPosition("run-0", 4), c -> c.position(4).name("publish")))
                            .build();
                    WriteData runChanges = new PipelineRunUpdate().status(Status.RUNNING)
                            .steps(s -> s.create(c -> c.position(5).name("review"))
                                    .createMany(List.of(new PipelineStepCreate().position(6).name("post")))
                                    .createMany(List.of(new PipelineStepCreate().position(7).name("share")), false)
                                    .connect(w -> w.id("step-2"))
                                    .connectOrCreate(w -> w.id("step-3"), c -> c.position(8).name("archive"))
                                    .set(List.of(w -> w.id("step-1"), w -> w.runIdPosition("run-1", 2)))
                                    .setNone()
                                    .disconnect(w -> w.id("step-4"))
                                    .update(w -> w.id("step-5"), u -> u.attempts().increment(1))
                                    .updateMany(w -> w.status().eq(Status.FAILED), u -> u.status(Status.PENDING))
                                    .upsert(w -> w.id("step-6"), c -> c.position(9).name("retry"), u -> u.attempts(0))
                                    .delete(w -> w.id("step-7"))
                                    .deleteMany(w -> w.attempts().gt(3)))
                            .build();
                    WriteData step = new PipelineStepCreate().position(1).name("script")
                            .run(r -> r.create(c -> c.name("video"))
                                    .connect(w -> w.id("run-1"))
                                    .connectOrCreate(w -> w.id("run-2"), c -> c.name("image")))
                            .build();
                    WriteData stepChanges = new PipelineStepUpdate()
                            .run(r -> r.create(c -> c.name("video"))
                                    .connect(w -> w.id("run-1"))
                                    .connectOrCreate(w -> w.id("run-2"), c -> c.name("image"))
                                    .update(u -> u.cost().increment(1.5))
                                    .upsert(c -> c.name("audio"), u -> u.status(Status.RUNNING)))
                            .build();
                    return List.of(run, runChanges, step, stepChanges);
                }

                static List<Mono<?>> operations(RefractClient db) {
                    Mono<PipelineRun> created = db.pipelineRun().create(c -> c.name("video")
                            .steps(s -> s.create(st -> st.position(1).name("script"))));
                    Mono<PipelineStep> linked = db.pipelineStep().create(c -> c.position(1).name("script")
                            .run(r -> r.connect(w -> w.id("run-1"))));
                    Mono<PipelineRun> updated = db.pipelineRun().update(w -> w.id("run-1"),
                            d -> d.steps(s -> s.deleteMany(w -> w.status().eq(Status.FAILED))));
                    Mono<PipelineRun> upserted = db.pipelineRun().upsert(w -> w.id("run-2"),
                            c -> c.name("image").steps(s -> s.connect(w -> w.id("step-1"))),
                            d -> d.steps(s -> s.disconnect(w -> w.id("step-1"))));
                    return List.of(created, linked, updated, upserted);
                }
            }
            """;

    private static final String BLOG_PATH = "com/example/app/WritesPosts.java";

    private static final String BLOG_PROGRAM = """
            package com.example.app;

            import com.example.blog.db.CommentUpdate;
            import com.example.blog.db.PostCreate;
            import com.example.blog.db.PostUpdate;
            import com.example.blog.db.ProfileCreate;
            import com.example.blog.db.Role;
            import com.example.blog.db.TagCreate;
            import com.example.blog.db.UserCreate;
            import com.example.blog.db.UserUpdate;
            import dev.refract.query.WriteData;
            import java.time.Instant;
            import java.util.List;

            final class WritesPosts {

                private WritesPosts() {}

                static List<WriteData> builders(Instant since) {
                    WriteData author = new UserCreate().email("ada@example.com").role(Role.AUTHOR)
                            .profile(p -> p.create(c -> c.bio("Writes about engines")))
                            .posts(p -> p.create(c -> c.slug("engines").title("Engines").body("...")
                                            .tags(t -> t.connectOrCreate(w -> w.name("history"), n -> n.name("history")))
                                            .editor(e -> e.connect(w -> w.email("grace@example.com"))))
                                    .createMany(List.of(new PostCreate().slug("notes").title("Notes").body("...")), true))
                            .edited(e -> e.connect(w -> w.slug("drafts")))
                            .comments(c -> c.connectOrCreate(w -> w.id(7),
                                    n -> n.content("First").post(p -> p.connect(w -> w.slug("engines")))))
                            .build();
                    WriteData profile = new ProfileCreate().bio("Hello")
                            .user(u -> u.connectOrCreate(w -> w.email("ada@example.com"), c -> c.email("ada@example.com")))
                            .build();
                    WriteData post = new PostCreate().slug("s").title("t").body("b")
                            .author(a -> a.create(c -> c.email("new@example.com")))
                            .comments(c -> c.create(n -> n.content("hi").author(a -> a.connect(w -> w.id(1)))))
                            .tags(t -> t.create(n -> n.name("x")).connect(w -> w.id(3)))
                            .build();
                    WriteData postChanges = new PostUpdate().title("New title")
                            .author(a -> a.update(u -> u.name("Ada"))
                                    .upsert(c -> c.email("x@example.com"), u -> u.role(Role.EDITOR))
                                    .create(c -> c.email("z@example.com"))
                                    .connect(w -> w.id(2))
                                    .connectOrCreate(w -> w.email("q@example.com"), c -> c.email("q@example.com")))
                            .editor(e -> e.disconnect()
                                    .delete()
                                    .create(c -> c.email("e@example.com"))
                                    .connect(w -> w.id(4))
                                    .connectOrCreate(w -> w.id(5), c -> c.email("f@example.com"))
                                    .update(u -> u.role(Role.EDITOR))
                                    .upsert(c -> c.email("g@example.com"), u -> u.name("G")))
                            .tags(t -> t.set(List.of(w -> w.name("a"), w -> w.name("b")))
                                    .setNone()
                                    .disconnect(w -> w.id(1))
                                    .create(c -> c.name("c"))
                                    .createMany(List.of(new TagCreate().name("d")))
                                    .createMany(List.of(new TagCreate().name("e")), true)
                                    .connect(w -> w.name("f"))
                                    .connectOrCreate(w -> w.name("g"), c -> c.name("g"))
                                    .update(w -> w.id(2), u -> u.name("b2"))
                                    .updateMany(w -> w.name().startsWith("tmp"), u -> u.name("kept"))
                                    .upsert(w -> w.name("h"), c -> c.name("h"), u -> u.name("h2"))
                                    .delete(w -> w.id(4))
                                    .deleteMany(w -> w.name().endsWith("-old")))
                            .comments(c -> c.updateMany(w -> w.content().contains("spam"), u -> u.content("[removed]"))
                                    .deleteMany(w -> w.createdAt().lt(since)))
                            .build();
                    WriteData userChanges = new UserUpdate()
                            .profile(p -> p.upsert(c -> c.bio("new"), u -> u.bio("updated")))
                            .profile(p -> p.delete())
                            .build();
                    WriteData commentChanges = new CommentUpdate()
                            .parent(p -> p.disconnect())
                            .replies(r -> r.create(c -> c.content("reply")
                                    .post(p -> p.connect(w -> w.id(1)))
                                    .author(a -> a.connect(w -> w.id(2)))))
                            .build();
                    return List.of(author, profile, post, postChanges, userChanges, commentChanges);
                }
            }
            """;

    private static final String SOCIAL_PROGRAM = """
            package com.example.app;

            import com.example.social.db.BlockCreate;
            import com.example.social.db.CategoryCreate;
            import com.example.social.db.CategoryUpdate;
            import com.example.social.db.EmployeeCreate;
            import com.example.social.db.EmployeeUpdate;
            import com.example.social.db.MemberCreate;
            import com.example.social.db.MemberUpdate;
            import dev.refract.query.WriteData;
            import java.time.Instant;
            import java.util.List;

            final class WritesPeople {

                private WritesPeople() {}

                static List<WriteData> builders(Instant today) {
                    WriteData lead = new EmployeeCreate().name("Ada").title("Lead").hiredOn(today)
                            .manager(m -> m.connect(w -> w.id(1)))
                            .reports(r -> r.create(c -> c.name("Grace").title("Engineer").hiredOn(today))
                                    .connect(w -> w.mentorId(3)))
                            .mentor(m -> m.connectOrCreate(w -> w.id(2), c -> c.name("Linus").title("Mentor").hiredOn(today)))
                            .mentee(m -> m.create(c -> c.name("Ken").title("Intern").hiredOn(today)))
                            .build();
                    WriteData leadChanges = new EmployeeUpdate()
                            .manager(m -> m.disconnect())
                            .mentor(m -> m.update(u -> u.title("Principal")))
                            .mentee(m -> m.delete())
                            .reports(r -> r.set(List.of(w -> w.id(5), w -> w.id(6))))
                            .build();
                    WriteData tree = new CategoryCreate().name("Shoes").path("clothing/shoes")
                            .parent(p -> p.connect(w -> w.path("clothing")))
                            .children(c -> c.create(n -> n.name("Running").path("clothing/shoes/running")))
                            .build();
                    WriteData treeChanges = new CategoryUpdate()
                            .children(c -> c.updateMany(w -> w.position().gt(10), u -> u.position().decrement(1))
                                    .delete(w -> w.parentIdName(4, "Old")))
                            .parent(p -> p.upsert(c -> c.name("Root").path("root"), u -> u.name("Root")))
                            .build();
                    WriteData member = new MemberCreate().handle("ada")
                            .following(f -> f.connect(w -> w.handle("grace")))
                            .blocks(b -> b.create(c -> c.blocked(x -> x.connect(w -> w.handle("troll")))))
                            .build();
                    WriteData memberChanges = new MemberUpdate()
                            .followedBy(f -> f.disconnect(w -> w.handle("grace")))
                            .blocks(b -> b.delete(w -> w.blockerIdBlockedId("m1", "m2")))
                            .blockedBy(b -> b.deleteMany(w -> w.createdAt().lt(Instant.EPOCH)))
                            .build();
                    WriteData block = new BlockCreate()
                            .blocker(b -> b.connect(w -> w.id("m1")))
                            .blocked(b -> b.create(c -> c.handle("troll")))
                            .build();
                    return List.of(lead, leadChanges, tree, treeChanges, member, memberChanges, block);
                }
            }
            """;

    @Test
    void seedProgramUsingEveryNestedWriteCompilesWithoutWarnings() {
        assertCleanCompile(compile(seed(), SEED_PATH, SEED_PROGRAM));
    }

    @Test
    void blogProgramUsingEveryNestedWriteCompilesWithoutWarnings() {
        assertCleanCompile(compile(corpus("blog.prisma"), BLOG_PATH, BLOG_PROGRAM));
    }

    @Test
    void selfRelationsProgramCompilesWithoutWarnings() {
        assertCleanCompile(compile(corpus("self-relations.prisma"), "com/example/app/WritesPeople.java", SOCIAL_PROGRAM));
    }

    @Test
    void setInsideACreateDoesNotCompile() {
        assertMisuseFails(seed(), SEED_PATH, SEED_PROGRAM, ".connect(w -> w.id(\"step-1\"))\n",
                ".set(List.of(w -> w.id(\"step-1\")))\n", "cannot find symbol");
    }

    @Test
    void deleteInsideACreateDoesNotCompile() {
        assertMisuseFails(seed(), SEED_PATH, SEED_PROGRAM, ".run(r -> r.connect(w -> w.id(\"run-1\"))));",
                ".run(r -> r.delete()));", "cannot find symbol");
    }

    @Test
    void disconnectOfARequiredToOneRelationDoesNotCompile() {
        assertMisuseFails(seed(), SEED_PATH, SEED_PROGRAM, ".update(u -> u.cost().increment(1.5))",
                ".disconnect()", "cannot find symbol");
        assertMisuseFails(corpus("blog.prisma"), BLOG_PATH, BLOG_PROGRAM, ".author(a -> a.update(u -> u.name(\"Ada\"))",
                ".author(a -> a.disconnect()", "cannot find symbol");
    }

    @Test
    void deleteOfARequiredToOneRelationDoesNotCompile() {
        assertMisuseFails(corpus("blog.prisma"), BLOG_PATH, BLOG_PROGRAM, ".author(a -> a.update(u -> u.name(\"Ada\"))",
                ".author(a -> a.delete()", "cannot find symbol");
    }

    @Test
    void nestedWriteTakesTheRelatedModelsBuildersOnly() {
        assertMisuseFails(seed(), SEED_PATH, SEED_PROGRAM, ".connect(w -> w.id(\"step-2\"))",
                ".connect(w -> w.name(\"voice\"))", "cannot find symbol");
        assertMisuseFails(seed(), SEED_PATH, SEED_PROGRAM, ".update(w -> w.id(\"step-5\"), u -> u.attempts().increment(1))",
                ".update(w -> w.id(\"step-5\"), u -> u.cost().increment(1.0))", "cannot find symbol");
    }

    @Test
    void fieldsNamedLikeTheNestedWriteMethodsStillCompile() {
        List<GeneratedFile> files = SchemaText.generate("""
                model Node {
                  id          Int    @id
                  buildNested Int
                  linked      Int
                  relate      Node?  @relation("Tree", fields: [parentId], references: [id])
                  parentId    Int?
                  data        Node[] @relation("Tree")
                }
                """);

        InMemoryCompiler.Result result = compile(files, "com/example/app/WritesNodes.java", """
                package com.example.app;

                import com.example.db.NodeCreate;
                import dev.refract.query.WriteData;

                final class WritesNodes {

                    private WritesNodes() {}

                    static WriteData node() {
                        return new NodeCreate().id(1).buildNested_(2).linked_(3)
                                .relate_(r -> r.connect(w -> w.id(0)))
                                .data_(d -> d.create(c -> c.id(2).buildNested_(0).linked_(0)))
                                .build();
                    }
                }
                """);

        assertCleanCompile(result);
        assertThat(SchemaText.file(files, "NodeCreate")).contains("public NodeCreate buildNested_(Integer buildNested)")
                .contains("public WriteData buildNested(int relationField)");
    }

    private static List<GeneratedFile> seed() {
        return new JavaGenerator().generate(SeedSchemaFixture.seed());
    }

    /** The client of the corpus schema {@code file}, which must validate. */
    static List<GeneratedFile> corpus(String file) {
        String text;
        try (InputStream in = NestedWritesCompileTest.class.getResourceAsStream("/corpus/" + file)) {
            assertThat(in).as("corpus schema " + file).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ParseResult parsed = SchemaParser.parse(new SourceFile(file, text));
        assertThat(parsed.hasErrors()).as(file + " parses").isFalse();
        ValidationResult validated = SchemaValidator.validate(parsed.schema());
        assertThat(validated.hasErrors()).as(() -> validated.diagnostics().stream().map(Diagnostic::render).toList()
                .toString()).isFalse();
        return new JavaGenerator().generate(validated.definition());
    }

    private static InMemoryCompiler.Result compile(List<GeneratedFile> client, String path, String program) {
        Map<String, String> sources = new HashMap<>(InMemoryCompiler.sources(client));
        sources.put(path, program);
        return InMemoryCompiler.compile(sources);
    }

    private static void assertCleanCompile(InMemoryCompiler.Result result) {
        assertThat(result.success()).as(result.diagnostics()).isTrue();
        assertThat(result.diagnostics()).as("compiler output").isBlank();
    }

    private static void assertMisuseFails(List<GeneratedFile> client, String path, String program, String correct,
            String misuse, String error) {
        assertThat(program).contains(correct);
        InMemoryCompiler.Result result = compile(client, path, program.replace(correct, misuse));

        assertThat(result.success()).isFalse();
        assertThat(result.diagnostics()).contains(path).contains(error);
    }
}

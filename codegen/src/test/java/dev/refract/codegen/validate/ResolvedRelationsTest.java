package dev.refract.codegen.validate;

import static dev.refract.codegen.validate.Validation.ID_LIST;
import static dev.refract.codegen.validate.Validation.TAGS;
import static dev.refract.codegen.validate.Validation.mongoPostAndTag;
import static dev.refract.codegen.validate.Validation.valid;
import static dev.refract.codegen.validate.Validation.withDatasources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.definition.KeyDefinition;
import dev.refract.codegen.definition.RelationDefinition;
import dev.refract.codegen.definition.RelationDefinition.Kind;
import dev.refract.codegen.definition.SchemaDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResolvedRelationsTest {

    private static RelationDefinition relation(SchemaDefinition schema, String model, String field) {
        return schema.model(model).orElseThrow().field(field).orElseThrow().relation();
    }

    @Test
    void resolvesImplicitManyToManyOnBothSides() {
        SchemaDefinition schema = valid(withDatasources("""
                model Post {
                  id   Int   @id
                  tags Tag[]
                }
                model Tag {
                  id    Int    @id
                  posts Post[]
                }
                """)).definition();
        RelationDefinition tags = relation(schema, "Post", "tags");
        RelationDefinition posts = relation(schema, "Tag", "posts");
        assertThat(tags.kind()).isEqualTo(Kind.MANY_TO_MANY);
        assertThat(posts.kind()).isEqualTo(Kind.MANY_TO_MANY);
        assertThat(tags.name()).isEqualTo("PostToTag");
        assertThat(posts.name()).isEqualTo("PostToTag");
        assertThat(tags.holdsForeignKey()).isFalse();
        assertThat(tags.oppositeField()).isEqualTo("posts");
        assertThat(posts.oppositeField()).isEqualTo("tags");
    }

    @Test
    void resolvesMongoManyToManyWithTheIdListsOnBothSides() {
        SchemaDefinition schema = valid(mongoPostAndTag(ID_LIST, TAGS)).definition();
        RelationDefinition tags = relation(schema, "Post", "tags");
        RelationDefinition posts = relation(schema, "Tag", "posts");
        assertThat(tags).isEqualTo(new RelationDefinition("PostToTag", "Tag", Kind.MANY_TO_MANY, List.of("tagIds"),
                List.of("id"), null, null, "posts", false));
        assertThat(posts).isEqualTo(new RelationDefinition("PostToTag", "Post", Kind.MANY_TO_MANY,
                List.of("postIds"), List.of("id"), null, null, "tags", false));
        assertThat(tags.holdsForeignKey()).isTrue();
        assertThat(posts.holdsForeignKey()).isTrue();
        assertThat(schema.model("Post").orElseThrow().field("tagIds").orElseThrow().isList()).isTrue();
    }

    @Test
    void resolvesSelfRelationPairingItsTwoFields() {
        SchemaDefinition schema = valid(withDatasources("""
                model Node {
                  id       Int    @id
                  parentId Int?
                  parent   Node?  @relation("Tree", fields: [parentId], references: [id], onDelete: SetNull)
                  children Node[] @relation("Tree")
                }
                """)).definition();
        RelationDefinition parent = relation(schema, "Node", "parent");
        RelationDefinition children = relation(schema, "Node", "children");
        assertThat(parent.kind()).isEqualTo(Kind.MANY_TO_ONE);
        assertThat(children.kind()).isEqualTo(Kind.ONE_TO_MANY);
        assertThat(parent.name()).isEqualTo("Tree");
        assertThat(parent.oppositeField()).isEqualTo("children");
        assertThat(children.oppositeField()).isEqualTo("parent");
        assertThat(parent.targetModel()).isEqualTo("Node");
        assertThat(parent.fields()).containsExactly("parentId");
    }

    @Test
    void resolvesUnnamedSelfRelationWithTheDefaultName() {
        SchemaDefinition schema = valid(withDatasources("""
                model Person {
                  id        Int     @id
                  mentorId  Int?    @unique
                  mentor    Person? @relation(fields: [mentorId], references: [id])
                  mentee    Person?
                }
                """)).definition();
        assertThat(relation(schema, "Person", "mentor").name()).isEqualTo("PersonToPerson");
        assertThat(relation(schema, "Person", "mentor").kind()).isEqualTo(Kind.ONE_TO_ONE);
        assertThat(relation(schema, "Person", "mentee").oppositeField()).isEqualTo("mentor");
    }

    @Test
    void resolvesTwoNamedRelationsBetweenTheSameModels() {
        SchemaDefinition schema = valid(withDatasources("""
                model User {
                  id      Int    @id
                  written Post[] @relation("Author")
                  edited  Post[] @relation("Editor")
                }
                model Post {
                  id       Int   @id
                  authorId Int
                  editorId Int?
                  author   User  @relation("Author", fields: [authorId], references: [id])
                  editor   User? @relation(name: "Editor", fields: [editorId], references: [id])
                }
                """)).definition();
        assertThat(relation(schema, "User", "written").oppositeField()).isEqualTo("author");
        assertThat(relation(schema, "User", "edited").oppositeField()).isEqualTo("editor");
        assertThat(relation(schema, "Post", "editor").name()).isEqualTo("Editor");
        assertThat(relation(schema, "Post", "editor").kind()).isEqualTo(Kind.MANY_TO_ONE);
    }

    @Test
    void resolvesOneToOneWithTheForeignKeyOnOneSide() {
        SchemaDefinition schema = valid(withDatasources("""
                model User {
                  id      Int      @id
                  profile Profile?
                }
                model Profile {
                  id     Int  @id
                  userId Int  @unique
                  user   User @relation(fields: [userId], references: [id], onDelete: Cascade)
                }
                """)).definition();
        assertThat(relation(schema, "User", "profile").kind()).isEqualTo(Kind.ONE_TO_ONE);
        assertThat(relation(schema, "User", "profile").holdsForeignKey()).isFalse();
        assertThat(relation(schema, "Profile", "user").kind()).isEqualTo(Kind.ONE_TO_ONE);
        assertThat(relation(schema, "Profile", "user").holdsForeignKey()).isTrue();
    }

    @Test
    void resolvesRelationOverCompositeKey() {
        SchemaDefinition schema = valid(withDatasources("""
                model Team {
                  org     String
                  slug    String
                  members Member[]
                  @@id([org, slug])
                }
                model Member {
                  id       Int    @id
                  teamOrg  String
                  teamSlug String
                  team     Team   @relation(fields: [teamOrg, teamSlug], references: [org, slug])
                }
                """)).definition();
        assertThat(schema.model("Team").orElseThrow().id()).isEqualTo(new KeyDefinition(null, List.of("org", "slug")));
        assertThat(relation(schema, "Member", "team").fields()).containsExactly("teamOrg", "teamSlug");
        assertThat(relation(schema, "Member", "team").references()).containsExactly("org", "slug");
    }

    @Test
    void marksRelationsAcrossDatasources() {
        SchemaDefinition schema = valid(withDatasources("""
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
                """)).definition();
        assertThat(relation(schema, "Item", "user").crossDatasource()).isTrue();
        assertThat(relation(schema, "User", "items").crossDatasource()).isTrue();
        assertThat(relation(schema, "User", "items").kind()).isEqualTo(Kind.ONE_TO_MANY);
    }

    @Test
    void leavesIgnoredFieldsAndModelsOut() {
        SchemaDefinition schema = valid(withDatasources("""
                model User {
                  id     Int    @id
                  legacy String @ignore
                  old    Old?   @ignore
                }
                model Old {
                  id Int @id
                  @@ignore
                }
                """)).definition();
        assertThat(schema.models()).extracting(m -> m.name()).containsExactly("User");
        assertThat(schema.model("User").orElseThrow().fields()).extracting(f -> f.name()).containsExactly("id");
    }
}

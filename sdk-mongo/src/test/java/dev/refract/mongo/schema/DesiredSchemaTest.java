package dev.refract.mongo.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.meta.SchemaMeta;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class DesiredSchemaTest {

    private static final String URL = "mongodb://localhost:27017/app";

    private static CollectionDefinition only(String models) {
        DatabaseSchema schema = DesiredSchema.of(TestSchemas.mongo(URL, models), 0);
        assertThat(schema.collections()).hasSize(1);
        return schema.collections().get(0);
    }

    @Test
    void namesIndexesAfterTheCollectionAndTheStoredFieldsAndLetAGivenNameWin() {
        CollectionDefinition users = only("""
                model User {
                  id    String @id @default(auto()) @map("_id") @db.ObjectId
                  email String @unique @map("mail")
                  team  String
                  rank  Int
                  @@unique([team, rank])
                  @@index([rank])
                  @@index([team], map: "by_team")
                  @@map("users")
                }
                """);

        assertThat(users.name()).isEqualTo("users");
        assertThat(users.indexes()).extracting(IndexDefinition::name)
                .containsExactly("users_mail_key", "users_team_rank_key", "users_rank_idx", "by_team");
        assertThat(users.index("users_team_rank_key").orElseThrow().fields()).containsExactly("team", "rank");
        assertThat(users.index("users_team_rank_key").orElseThrow().unique()).isTrue();
        assertThat(users.index("users_rank_idx").orElseThrow().unique()).isFalse();
    }

    @Test
    void aModelIdentifiedByAUniqueKeyGetsItsIndexAndAnIdGetsNone() {
        CollectionDefinition tags = only("""
                model Tag {
                  slug String @unique
                }
                """);

        assertThat(tags.indexes()).extracting(IndexDefinition::name).containsExactly("Tag_slug_key");
    }

    @Test
    void aTtlIndexKeepsItsSeconds() {
        CollectionDefinition sessions = only("""
                model Session {
                  id        String   @id @default(auto()) @map("_id") @db.ObjectId
                  expiresAt DateTime
                  @@index([expiresAt], expireAfterSeconds: 0)
                }
                """);

        IndexDefinition ttl = sessions.indexes().get(0);
        assertThat(ttl.expireAfterSeconds()).isZero();
        assertThat(ttl.toDocument()).isEqualTo(new Document("key", new Document("expiresAt", 1))
                .append("name", "Session_expiresAt_idx").append("expireAfterSeconds", 0L));
    }

    @Test
    void aUniqueIndexOverOptionalFieldsHoldsOnlyDocumentsWithAValueOfEachFieldsType() {
        CollectionDefinition people = only("""
                enum Role {
                  ADMIN
                  USER
                }

                model Person {
                  id       String    @id @default(auto()) @map("_id") @db.ObjectId
                  nickname String?   @unique
                  badge    Int?      @unique
                  role     Role?
                  bornAt   DateTime?
                  ref      String?   @db.ObjectId
                  extra    Json?     @unique
                  team     String
                  @@unique([team, role, bornAt, ref])
                }
                """);

        assertThat(people.index("Person_nickname_key").orElseThrow().partialFilter())
                .isEqualTo(new Document("nickname", new Document("$type", "string")));
        assertThat(people.index("Person_badge_key").orElseThrow().partialFilter())
                .isEqualTo(new Document("badge", new Document("$type", "number")));
        assertThat(people.index("Person_extra_key").orElseThrow().partialFilter())
                .isEqualTo(new Document("extra", new Document("$exists", true)));
        assertThat(people.index("Person_team_role_bornAt_ref_key").orElseThrow().partialFilter())
                .isEqualTo(new Document("role", new Document("$type", "string"))
                        .append("bornAt", new Document("$type", "date"))
                        .append("ref", new Document("$type", "objectId")));
    }

    @Test
    void aUniqueIndexOverRequiredFieldsHoldsEveryDocument() {
        CollectionDefinition users = only("""
                model User {
                  id    String @id @default(auto()) @map("_id") @db.ObjectId
                  email String @unique
                }
                """);

        assertThat(users.indexes().get(0).partialFilter()).isNull();
    }

    @Test
    void refusesADatasourceThatIsNotMongo() {
        SchemaMeta postgres = TestSchemas.of("datasource db {\n  provider = \"postgresql\"\n  url = \"r2dbc:postgresql://h/d\"\n}\n"
                + "generator client {\n  provider = \"refract-java\"\n  package = \"com.example.db\"\n}\n"
                + "model Note {\n  id Int @id\n}\n");

        assertThatThrownBy(() -> DesiredSchema.of(postgres, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Datasource db is postgresql, not mongodb");
    }
}

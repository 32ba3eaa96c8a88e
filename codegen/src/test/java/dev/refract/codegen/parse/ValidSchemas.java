package dev.refract.codegen.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Syntactically valid schemas to start from: the repository's examples and a few that use every construct. */
final class ValidSchemas {

    private static final Path CORPUS = Path.of("src", "test", "resources", "corpus");

    static final String EVERY_CONSTRUCT = """
            // Several datasources, one-line blocks, and every kind of value.
            datasource db { provider = "postgresql" url = env("DATABASE_URL") poolSize = 20 }
            datasource docs { provider = "mongodb" url = env("MONGODB_URL") } // documents
            datasource cache {
              provider = "redis" // key-value
              url      = env("REDIS_URL")
            }

            generator client {
              provider        = "refract-java"
              package         = "com.example.db"
              previewFeatures = ["views", "multiSchema"]
              strict          = true
            }

            /// A postal address, embedded in documents.
            type Address {
              street String
              zip    String? // optional
              tags   String[]
            }

            /// Roles a user can have.
            enum Role {
              /// The default.
              USER  @map("user")
              ADMIN @map("admin") // everything

              @@map("roles")
            }

            model User {
              id        String   @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid
              email     String   @unique @db.VarChar(255)
              score     Float    @default(-1.5e-3)
              balance   Decimal  @default(0.25)
              active    Boolean  @default(true)
              role      Role     @default(USER)
              area      Unsupported("polygon")?
              note      String   @default("tab\\tquote\\" backslash\\\\ caf\\u00e9 \u2603")
              createdAt DateTime @default(now()) @map("created_at")

              @@index([email(sort: Desc), createdAt], map: "user_email_idx", type: BTree)
              @@unique(fields: [email, role], name: "email_role")
              @@map("users") // table name
            }

            model Post {
              id       Int    @id @default(autoincrement())
              authorId String
              author   User   @relation(fields: [authorId], references: [id], onDelete: Cascade, onUpdate: NoAction)
              @@datasource(db)
              @@cache(cache, ttl: 60)
            }

            model Event {
              id      String   @id @default(auto()) @map("_id") @db.ObjectId
              address Address?
              @@datasource(docs)
            }

            model Token {
              id     String @id @default(uuid(7))
              secret Bytes
              @@datasource(cache)
              @@ttl(3600)
              @@ignore
            }
            """;

    static final String SMALL = """
            datasource db {
              provider = "mysql"
              url      = "mysql://localhost/app"
            }

            model A {
              id Int @id
            }
            """;

    private ValidSchemas() {}

    /** All valid schemas: the seed, the corpus when present, the ones above and a CRLF copy of each. */
    static List<String> all() {
        List<String> schemas = new ArrayList<>();
        schemas.add(read(SeedSchemaParseTest.SEED));
        if (Files.isDirectory(CORPUS)) {
            try (Stream<Path> files = Files.list(CORPUS)) {
                files.filter(p -> p.toString().endsWith(".prisma")).sorted().map(ValidSchemas::read)
                        .forEach(schemas::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        schemas.add(EVERY_CONSTRUCT);
        schemas.add(SMALL);
        List<String> withCrlf = new ArrayList<>(schemas);
        schemas.forEach(s -> withCrlf.add(s.replace("\n", "\r\n")));
        return List.copyOf(withCrlf);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.refract.codegen.validate;

import static dev.refract.codegen.validate.Validation.validate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.source.Diagnostic;
import org.junit.jupiter.api.Test;

class AllProblemsReportedTest {

    @Test
    void reportsEveryProblemOfTheFileInSourceOrder() {
        ValidationResult result = validate("""
                datasource db {
                  provider = "postgres"
                  url      = env("DATABASE_URL")
                }
                generator client {
                  provider = "refract-java"
                  package  = "com.example.2db"
                }
                model User {
                  id    Int    @id
                  email Strin  @uniq
                  posts Post[]
                }
                model Post {
                  id       Int    @id
                  author   User   @relation(fields: [authorId], references: [id], onDelete: Cascde)
                  authorId String
                  count    Int    @default("zero")
                }
                model Log {
                  message String
                  @@ttl(60)
                }
                """);
        assertThat(result.definition()).isNull();
        assertThat(result.errors()).extracting(d -> d.line() + ":" + d.column() + " " + d.message()).containsExactly(
                "2:14 Unknown provider \"postgres\" in datasource \"db\".",
                "7:14 \"com.example.2db\" is not a valid Java package name (generator \"client\").",
                "11:9 Type \"Strin\" is neither a scalar type, an enum, a composite type nor a model.",
                "11:16 Unknown attribute @uniq on field \"email\" of model \"User\".",
                "16:38 Field \"authorId\" of model \"Post\" is String, but the field \"id\" of model \"User\" it "
                        + "references is Int.",
                "16:77 Unknown referential action \"Cascde\" in onDelete of the relation field \"author\" of model "
                        + "\"Post\".",
                "18:28 The default value (a string) does not fit field \"count\" of model \"Post\", which is Int.",
                "20:7 Model \"Log\" has no unique identifier.");
        // @@ttl outside Redis is not reported: with the provider misspelled there is nothing to hold it against
        assertThat(result.errors()).allSatisfy(error -> assertThat(error.hint()).isNotBlank());
        assertThat(result.errors().get(2).render()).contains("hint: Did you mean \"String\"?");
    }

    @Test
    void resolvesNothingButStillWarnsWhenThereAreErrors() {
        ValidationResult result = validate("""
                datasource db { provider = "postgresql" url = env("DATABASE_URL") }
                generator js { provider = "prisma-client-js" }
                model A {
                  id Strin @id
                }
                """);
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.definition()).isNull();
        assertThat(result.diagnostics()).extracting(Diagnostic::severity)
                .containsExactly(Diagnostic.Severity.WARNING, Diagnostic.Severity.ERROR);
    }
}

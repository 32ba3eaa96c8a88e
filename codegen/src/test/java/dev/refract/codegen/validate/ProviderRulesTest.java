package dev.refract.codegen.validate;

import static dev.refract.codegen.validate.Validation.singleError;
import static dev.refract.codegen.validate.Validation.validate;
import static dev.refract.codegen.validate.Validation.withDatasources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.definition.NativeType;
import dev.refract.codegen.source.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderRulesTest {

    @Test
    void rejectsObjectIdOutsideMongo() {
        Diagnostic error = singleError(withDatasources("""
                model A {
                  id String @id @db.ObjectId
                }
                """), "@db.ObjectId is only for MongoDB, but the field \"id\" of model \"A\" lives in datasource \"db\" "
                        + "(postgresql).", 6, 17);
        assertThat(error.hint()).startsWith("Remove it;");
    }

    @Test
    void rejectsNativeTypeTheProviderDoesNotHaveSuggestingTheClosest() {
        Diagnostic error = singleError(withDatasources("""
                model A {
                  id   Int    @id
                  name String @db.Varchar(10)
                }
                """), "Unknown native type @db.Varchar for postgresql (field \"name\" of model \"A\").", 7, 15);
        assertThat(error.hint()).isEqualTo("Did you mean \"@db.VarChar\"?");
    }

    @Test
    void rejectsMySqlNativeTypeOnPostgres() {
        Diagnostic error = singleError(withDatasources("""
                model A {
                  id   Int    @id
                  name String @db.MediumText
                }
                """), "Unknown native type @db.MediumText for postgresql (field \"name\" of model \"A\").", 7, 15);
        assertThat(error.hint()).startsWith("postgresql has: Text, VarChar, Char, Uuid");
    }

    @Test
    void rejectsNativeTypeThatDoesNotFitTheScalarType() {
        Diagnostic error = singleError(withDatasources("""
                model A {
                  id    Int @id
                  count Int @db.VarChar(10)
                }
                """), "Native type @db.VarChar does not fit the field \"count\" of model \"A\", which is Int.", 7, 13);
        assertThat(error.hint())
                .isEqualTo("@db.VarChar fits String fields; for Int use @db.Integer, @db.SmallInt, @db.Oid.");
    }

    @Test
    void rejectsNativeTypeWithTooManyArguments() {
        singleError(withDatasources("""
                model A {
                  id    Int     @id
                  price Decimal @db.Decimal(10, 2, 1)
                }
                """), "Native type @db.Decimal takes up to 2 arguments, not 3.", 7, 17);
    }

    @Test
    void rejectsNativeTypeOnRedis() {
        singleError(withDatasources("""
                model S {
                  id   String @id
                  data String @db.Text
                  @@datasource(cache)
                }
                """), "Native type @db.Text on the field \"data\" of model \"S\": redis has no native types.", 7, 15);
    }

    @Test
    void resolvesNativeTypesWithTheirArguments() {
        var model = Validation.valid(withDatasources("""
                model A {
                  id    String  @id @db.Uuid
                  name  String  @db.VarChar(255)
                  price Decimal @db.Decimal(10, 2)
                }
                """)).definition().model("A").orElseThrow();
        assertThat(model.field("id").orElseThrow().nativeType()).isEqualTo(new NativeType("Uuid", List.of()));
        assertThat(model.field("name").orElseThrow().nativeType()).isEqualTo(new NativeType("VarChar", List.of("255")));
        assertThat(model.field("price").orElseThrow().nativeType())
                .isEqualTo(new NativeType("Decimal", List.of("10", "2")));
    }

    @Test
    void rejectsScalarListOnMySql() {
        Diagnostic error = singleError(validate("""
                datasource db { provider = "mysql" url = env("MYSQL_URL") }
                model A {
                  id   Int      @id
                  tags String[]
                }
                """), "The field \"tags\" of model \"A\" is a list of String, which MySQL cannot store.", 4, 8);
        assertThat(error.hint()).isEqualTo("Use a Json field, or a separate model with a relation.");
    }

    @Test
    void rejectsTtlOutsideRedis() {
        Diagnostic error = singleError(withDatasources("""
                model A {
                  id Int @id
                  @@ttl(60)
                }
                """), "@@ttl on model \"A\" needs a Redis datasource, but the model lives in datasource \"db\" "
                        + "(postgresql).", 7, 3);
        assertThat(error.hint()).isEqualTo("Only Redis expires records; remove @@ttl, or move the model with "
                + "@@datasource(cache).");
    }

    @Test
    void rejectsTtlThatIsNotPositive() {
        singleError(withDatasources("""
                model S {
                  id String @id
                  @@datasource(cache)
                  @@ttl(0)
                }
                """), "@@ttl of model \"S\" must be a positive number of seconds, not 0.", 8, 9);
    }

    @Test
    void rejectsCachePointingAtNonRedisDatasource() {
        Diagnostic error = singleError(withDatasources("""
                model A {
                  id Int @id
                  @@cache(docs, ttl: 60)
                }
                """), "@@cache of model \"A\" points at datasource \"docs\", which is mongodb, not Redis.", 7, 11);
        assertThat(error.hint()).isEqualTo("Point it at a Redis datasource: cache.");
    }

    @Test
    void rejectsCacheOnRedisModel() {
        singleError(withDatasources("""
                model S {
                  id String @id
                  @@datasource(cache)
                  @@cache(cache, ttl: 60)
                }
                """), "Model \"S\" lives in Redis already and cannot be cached in Redis.", 8, 3);
    }

    @Test
    void rejectsCacheTtlThatIsNotPositive() {
        singleError(withDatasources("""
                model A {
                  id Int @id
                  @@cache(cache, ttl: -5)
                }
                """), "The ttl of @@cache on model \"A\" must be a positive number of seconds, not -5.", 7, 23);
    }

    @Test
    void rejectsMongoIdNotMappedToUnderscoreId() {
        Diagnostic error = singleError(withDatasources("""
                model Doc {
                  id String @id @default(auto()) @db.ObjectId
                  @@datasource(docs)
                }
                """), "The id field \"id\" of model \"Doc\" must be stored as \"_id\" in MongoDB.", 6, 3);
        assertThat(error.hint()).isEqualTo("Add @map(\"_id\").");
    }

    @Test
    void rejectsAutoincrementOnMongo() {
        singleError(withDatasources("""
                model Doc {
                  id  String @id @map("_id")
                  seq Int    @default(autoincrement())
                  @@datasource(docs)
                }
                """), "autoincrement() is not available in mongodb (field \"seq\" of model \"Doc\").", 7, 23);
    }

    @Test
    void rejectsAutoincrementOnRedis() {
        Diagnostic error = singleError(withDatasources("""
                model S {
                  id Int @id @default(autoincrement())
                  @@datasource(cache)
                }
                """), "autoincrement() is not available in redis (field \"id\" of model \"S\").", 6, 23);
        assertThat(error.hint()).isEqualTo("Use cuid(), uuid(), ulid() or nanoid().");
    }

    @Test
    void rejectsCompoundIdOnMongo() {
        singleError(withDatasources("""
                model Doc {
                  a String
                  b String
                  @@id([a, b])
                  @@datasource(docs)
                }
                """), "MongoDB model \"Doc\" cannot have a compound @@id.", 8, 3);
    }

    @Test
    void rejectsNativeTypeArgumentThatIsNotAWholeNumber() {
        singleError(withDatasources("""
                model A {
                  id   Int    @id
                  name String @db.VarChar("long")
                }
                """), "Arguments of native type @db.VarChar must be unnamed whole numbers.", 7, 27);
    }
}

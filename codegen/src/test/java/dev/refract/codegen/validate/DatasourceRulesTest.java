package dev.refract.codegen.validate;

import static dev.refract.codegen.validate.Validation.singleError;
import static dev.refract.codegen.validate.Validation.valid;
import static dev.refract.codegen.validate.Validation.validate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.definition.PoolDefinition;
import dev.refract.codegen.definition.UrlDefinition;
import dev.refract.codegen.source.Diagnostic;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatasourceRulesTest {

    private static final String MODEL = """
            model A {
              id Int @id
            }
            """;

    @Test
    void rejectsSchemaWithoutDatasource() {
        Diagnostic error = singleError(validate(MODEL), "The schema declares no datasource.", 1, 1);
        assertThat(error.hint()).startsWith("Add one, e.g. datasource db {");
    }

    @Test
    void rejectsDatasourceWithoutProvider() {
        singleError(validate("""
                datasource db {
                  url = env("DATABASE_URL")
                }
                """), "Datasource \"db\" has no provider.", 1, 12);
    }

    @Test
    void rejectsUnknownProviderNamingTheFourKnownOnes() {
        Diagnostic error = singleError(validate("""
                datasource db {
                  provider = "postgres"
                  url      = env("DATABASE_URL")
                }
                """), "Unknown provider \"postgres\" in datasource \"db\".", 2, 14);
        assertThat(error.hint())
                .isEqualTo("Did you mean \"postgresql\"? Refract supports postgresql, mysql, mongodb or redis.");
    }

    @Test
    void rejectsDatasourceWithoutUrl() {
        singleError(validate("""
                datasource db {
                  provider = "mysql"
                }
                """), "Datasource \"db\" has no url.", 1, 12);
    }

    @Test
    void rejectsUrlThatIsNeitherStringNorEnv() {
        singleError(validate("""
                datasource db {
                  provider = "mysql"
                  url      = env(DATABASE_URL)
                }
                """), "The url of datasource \"db\" must be a string or env(\"VARIABLE\").", 3, 14);
        singleError(validate("""
                datasource db {
                  provider = "mysql"
                  url      = 3306
                }
                """), "The url of datasource \"db\" must be a string or env(\"VARIABLE\").", 3, 14);
    }

    @Test
    void rejectsUnknownPropertySuggestingTheClosest() {
        Diagnostic error = singleError(validate("""
                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                  poolSzie = 5
                }
                """), "Unknown property \"poolSzie\" in datasource \"db\".", 4, 3);
        assertThat(error.hint()).isEqualTo("Did you mean \"poolSize\"?");
    }

    @Test
    void warnsAboutPrismaOnlyPropertiesWithoutFailing() {
        ValidationResult result = valid(validate("""
                datasource db {
                  provider  = "postgresql"
                  url       = env("DATABASE_URL")
                  directUrl = env("DIRECT_URL")
                }
                """ + MODEL));
        assertThat(result.warnings()).extracting(Diagnostic::message)
                .containsExactly("Property \"directUrl\" of datasource \"db\" is not used by Refract and is ignored.");
    }

    @Test
    void rejectsPoolSizeOfTheWrongType() {
        singleError(validate("""
                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                  poolSize = "20"
                }
                """), "poolSize of datasource \"db\" must be a whole number, not a string.", 4, 14);
    }

    @Test
    void rejectsPoolSizeOutOfRange() {
        Diagnostic error = singleError(validate("""
                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                  poolSize = 0
                }
                """), "poolSize of datasource \"db\" is 0; it must be between 1 and 1000.", 4, 14);
        assertThat(error.hint()).isEqualTo("For example: poolSize = 20.");
    }

    @Test
    void rejectsDurationWithoutAKnownUnit() {
        singleError(validate("""
                datasource db {
                  provider           = "postgresql"
                  url                = env("DATABASE_URL")
                  poolAcquireTimeout = "5 sec"
                }
                """), "poolAcquireTimeout of datasource \"db\" is not a duration; write a number of seconds or a "
                        + "string such as \"500ms\", \"30s\" or \"5m\".", 4, 24);
    }

    @Test
    void rejectsMinIdleAbovePoolSize() {
        singleError(validate("""
                datasource db {
                  provider    = "postgresql"
                  url         = env("DATABASE_URL")
                  poolSize    = 4
                  poolMinIdle = 8
                }
                """), "poolMinIdle of datasource \"db\" is 8, more than its poolSize of 4.", 5, 17);
    }

    @Test
    void readsPoolSettingsInSecondsOrWithUnits() {
        ValidationResult result = valid(validate("""
                datasource db {
                  provider           = "postgresql"
                  url                = "r2dbc:postgresql://localhost/app"
                  poolSize           = 10
                  poolMinIdle        = 2
                  poolAcquireTimeout = 1.5
                  poolMaxIdleTime    = "5m"
                }
                datasource other {
                  provider           = "mysql"
                  url                = env("MYSQL_URL")
                  poolAcquireTimeout = "500ms"
                }
                """ + MODEL));
        var db = result.definition().datasource("db").orElseThrow();
        assertThat(db.url()).isEqualTo(UrlDefinition.literal("r2dbc:postgresql://localhost/app"));
        assertThat(db.pool()).isEqualTo(new PoolDefinition(10, 2, Duration.ofMillis(1500), Duration.ofMinutes(5)));
        assertThat(result.definition().datasource("other").orElseThrow().pool().acquireTimeout())
                .isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void readsReadOnlyAndLeavesOtherDatasourcesWritable() {
        ValidationResult result = valid(validate("""
                datasource legacy {
                  provider = "postgresql"
                  url      = env("LEGACY_URL")
                  readOnly = true
                }
                datasource app {
                  provider = "mysql"
                  url      = env("APP_URL")
                }
                """ + MODEL));

        assertThat(result.definition().datasource("legacy").orElseThrow().readOnly()).isTrue();
        assertThat(result.definition().datasource("app").orElseThrow().readOnly()).isFalse();
    }

    @Test
    void rejectsReadOnlyThatIsNotABoolean() {
        Diagnostic error = singleError(validate("""
                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                  readOnly = "yes"
                }
                """ + MODEL), "readOnly of datasource \"db\" must be true or false, not a string.", 4, 14);
        assertThat(error.hint()).startsWith("Write readOnly = true");
    }

    @Test
    void rejectsDuplicateDatasourceNames() {
        Diagnostic error = singleError(validate("""
                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                }
                datasource db {
                  provider = "mysql"
                  url      = env("MYSQL_URL")
                }
                """), "Datasource \"db\" is declared twice.", 5, 12);
        assertThat(error.hint()).isEqualTo("Rename one of them; the first is on line 1.");
    }

    @Test
    void rejectsUnknownDatasourceInDatasourceAttribute() {
        Diagnostic error = singleError(Validation.withDatasources("""
                model A {
                  id String @id
                  @@datasource(dcos)
                }
                """), "Unknown datasource \"dcos\" in @@datasource of model \"A\".", 7, 16);
        assertThat(error.hint()).isEqualTo("Did you mean \"docs\"?");
    }

    @Test
    void rejectsUnknownDatasourceInCacheAttribute() {
        Diagnostic error = singleError(Validation.withDatasources("""
                model A {
                  id String @id
                  @@cache(redis, ttl: 60)
                }
                """), "Unknown datasource \"redis\" in @@cache of model \"A\".", 7, 11);
        assertThat(error.hint()).isEqualTo("Declared datasources: db, docs, cache.");
    }

    @Test
    void rejectsPropertyGivenTwice() {
        singleError(validate("""
                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                  url      = env("OTHER_URL")
                }
                """), "Property \"url\" of datasource \"db\" is given twice.", 4, 3);
    }

    @Test
    void rejectsAcquireTimeoutOfZero() {
        singleError(validate("""
                datasource db {
                  provider           = "postgresql"
                  url                = env("DATABASE_URL")
                  poolAcquireTimeout = 0
                }
                """), "poolAcquireTimeout of datasource \"db\" must be longer than zero.", 4, 24);
    }

    @Test
    void rejectsProviderThatIsNotAString() {
        singleError(validate("""
                datasource db {
                  provider = postgresql
                  url      = env("DATABASE_URL")
                }
                """), "The provider of datasource \"db\" must be a string, not the name postgresql.", 2, 14);
    }
}

package dev.refract.codegen.validate;

import static dev.refract.codegen.validate.Validation.singleError;
import static dev.refract.codegen.validate.Validation.withDatasources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.source.Diagnostic;
import org.junit.jupiter.api.Test;

class TypeRulesTest {

    @Test
    void rejectsUnknownTypeSuggestingTheClosest() {
        Diagnostic error = singleError(withDatasources("""
                model User {
                  id   Int   @id
                  name Strin
                }
                """), "Type \"Strin\" is neither a scalar type, an enum, a composite type nor a model.", 7, 8);
        assertThat(error.hint()).isEqualTo("Did you mean \"String\"?");
        assertThat(error.render()).contains("   7 |   name Strin\n", "     |        ^^^^^\n",
                "  hint: Did you mean \"String\"?");
    }

    @Test
    void suggestsDeclaredModelsAndEnumsForUnknownTypes() {
        Diagnostic error = singleError(withDatasources("""
                enum Status {
                  ON
                }
                model User {
                  id     Int    @id
                  status Stauts
                }
                """), "Type \"Stauts\" is neither a scalar type, an enum, a composite type nor a model.", 10, 10);
        assertThat(error.hint()).isEqualTo("Did you mean \"Status\"?");
    }

    @Test
    void rejectsCompositeTypeOutsideMongo() {
        Diagnostic error = singleError(withDatasources("""
                type Address {
                  street String
                }
                model User {
                  id      Int     @id
                  address Address
                }
                """), "Field \"address\" of model \"User\" uses the composite type \"Address\", but composite types "
                        + "exist only in MongoDB and the model lives in datasource \"db\" (postgresql).", 10, 11);
        assertThat(error.hint()).isEqualTo("Use a Json field, or a separate model with a relation.");
    }

    @Test
    void acceptsCompositeTypeInMongoModel() {
        var result = Validation.valid(withDatasources("""
                type Address {
                  street String
                  zip    String?
                }
                model User {
                  id      String  @id @default(auto()) @map("_id") @db.ObjectId
                  address Address
                  @@datasource(docs)
                }
                """));
        assertThat(result.definition().compositeType("Address").orElseThrow().fields()).hasSize(2);
    }

    @Test
    void rejectsRelationFieldInsideCompositeType() {
        Diagnostic error = singleError(withDatasources("""
                model User {
                  id String @id @map("_id")
                  @@datasource(docs)
                }
                type Address {
                  owner User
                }
                """), "Field \"owner\" of type \"Address\" refers to model \"User\", but a composite type cannot hold "
                        + "a relation.", 10, 9);
        assertThat(error.hint()).endsWith("e.g. userId String.");
    }

    @Test
    void rejectsRelationAttributeOnScalarField() {
        singleError(withDatasources("""
                model User {
                  id     Int @id
                  teamId Int @relation(fields: [teamId], references: [id])
                }
                """), "@relation on field \"teamId\" of model \"User\", whose type Int is not a model.", 7, 14);
    }

    @Test
    void rejectsCompositeTypeInSchemaWithoutMongo() {
        Diagnostic error = singleError(Validation.validate("""
                datasource db { provider = "postgresql" url = env("DATABASE_URL") }
                type Address {
                  street String
                }
                """), "Composite type \"Address\" needs a MongoDB datasource, and the schema declares none.", 2, 6);
        assertThat(error.hint()).endsWith("or use a Json field instead.");
    }
}

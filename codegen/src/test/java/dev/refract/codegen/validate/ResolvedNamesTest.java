package dev.refract.codegen.validate;

import static dev.refract.codegen.validate.Validation.valid;
import static dev.refract.codegen.validate.Validation.withDatasources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.definition.EnumDefinition;
import dev.refract.codegen.definition.FieldType;
import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.meta.ScalarType;
import org.junit.jupiter.api.Test;

class ResolvedNamesTest {

    private final SchemaDefinition schema = valid(withDatasources("""
            /// Who may do what.
            enum Role {
              /// Reads only.
              READER @map("reader")
              ADMIN
              @@map("user_role")
            }
            type Address {
              street String @map("str")
              geo    Geo?
            }
            type Geo {
              lat Float
            }
            model Account {
              id        Int     @id @default(autoincrement()) @map("account_id")
              role      Role    @default(READER)
              createdAt DateTime @default(now()) @map("created_at")
              notes     Unsupported("tsvector")?
              @@map("accounts")
            }
            model Profile {
              id      String  @id @default(auto()) @map("_id") @db.ObjectId
              address Address
              @@datasource(docs)
            }
            """)).definition();

    @Test
    void resolvesEnumAndValueDatabaseNamesAndDocs() {
        EnumDefinition role = schema.enumNamed("Role").orElseThrow();
        assertThat(role.dbName()).isEqualTo("user_role");
        assertThat(role.doc()).isEqualTo("Who may do what.");
        assertThat(role.values()).containsExactly(new EnumDefinition.Value("READER", "reader", "Reads only."),
                new EnumDefinition.Value("ADMIN", "ADMIN", ""));
    }

    @Test
    void resolvesModelAndFieldDatabaseNames() {
        var account = schema.model("Account").orElseThrow();
        assertThat(account.dbName()).isEqualTo("accounts");
        assertThat(account.field("id").orElseThrow().dbName()).isEqualTo("account_id");
        assertThat(account.field("createdAt").orElseThrow().dbName()).isEqualTo("created_at");
        assertThat(account.field("role").orElseThrow().dbName()).isEqualTo("role");
        assertThat(account.field("notes").orElseThrow().type()).isEqualTo(new FieldType.Unsupported("tsvector"));
        assertThat(account.field("notes").orElseThrow().isOptional()).isTrue();
    }

    @Test
    void resolvesCompositeTypesAndTheirUse() {
        var address = schema.compositeType("Address").orElseThrow();
        assertThat(address.fields()).extracting(f -> f.name() + "/" + f.dbName() + "/" + f.type())
                .containsExactly("street/str/" + new FieldType.Scalar(ScalarType.STRING),
                        "geo/geo/" + new FieldType.CompositeRef("Geo"));
        assertThat(schema.model("Profile").orElseThrow().field("address").orElseThrow().type())
                .isEqualTo(new FieldType.CompositeRef("Address"));
        assertThat(schema.model("Profile").orElseThrow().field("address").orElseThrow().relation()).isNull();
    }
}

package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Schema fields, relations and enum values may take any name the generated code uses for its own
 * members, parameters and local variables: the client still compiles without a warning.
 */
class InternalNamesTest {

    /** Every name the emitters give a generated member, parameter or local variable, used as a schema name. */
    private static final String SCHEMA = """
            enum Mode {
              dbName
              values
              fromDbName
              toDbNames
              MODE
            }

            model Holder {
              id             Int      @id
              key            String
              extra          String
              conditions     String
              filter         String
              query          String
              data           String
              where          String
              create         String
              update         String
              records        String
              skipDuplicates Boolean
              build          String
              core           String
              model          String
              MODEL          String
              row            String
              rows           Int
              value          String
              values         String[]
              index          Int
              fieldName      String
              numeric        Boolean
              ordered        Boolean
              related        String
              unique         String
              relations      String
              select         String
              omit           String
              include        String
              selection      String
              orderBy        String
              skip           Int
              take           Int
              cursor         String
              distinct       String
              by             String
              having         String
              count          Int
              sum            Int
              avg            Float
              min            Int
              max            Int
              fields         String
              self           String
              newBuilder     String
              set            String
              setRequired    String
              dbName         String
              options        String
              name           String
              url            String
              size           Int
              lookup         String
              provider       String
              mode           Mode
              map            Item[]
              mapAll         Item[]   @relation("all")
              mapAggregate   Item[]   @relation("aggregate")
              mapGroup       Item[]   @relation("group")

              @@unique([key, extra])
              @@unique([conditions, where])
              @@unique([query, data, filter])
            }

            model Item {
              id        Int     @id
              holderId  Int
              map       Holder  @relation(fields: [holderId], references: [id])
              allId     Int
              all       Holder  @relation("all", fields: [allId], references: [id])
              aggId     Int
              aggregate Holder  @relation("aggregate", fields: [aggId], references: [id])
              groupId   Int
              group     Holder  @relation("group", fields: [groupId], references: [id])
            }
            """;

    @Test
    void fieldsNamedLikeGeneratedMembersCompile() {
        List<GeneratedFile> files = SchemaText.generate(SCHEMA);

        SchemaText.assertCompiles(files);
        assertThat(SchemaText.file(files, "HolderWhereUnique"))
                .contains("this.key = new HolderWhere().key().eq(key).extra().eq(extra).build();");
        assertThat(SchemaText.file(files, "Mode")).contains("dbName_(\"dbName\")").contains("case \"dbName\" -> dbName_;");
        assertThat(SchemaText.file(files, "HolderMapper")).contains("map_(row)").contains("mapAll_(row)");
        assertThat(SchemaText.file(files, "HolderField")).as("model and MODEL both keep a constant")
                .contains("MODEL(14, \"model\"").contains("MODEL_(15, \"MODEL\"");
        assertThat(SchemaText.file(files, "HolderWhere"))
                .contains("FieldRef<HolderWhere, String> MODEL = new FieldRef<>(14, \"model\");")
                .contains("FieldRef<HolderWhere, String> MODEL_ = new FieldRef<>(15, \"MODEL\");");
    }
}

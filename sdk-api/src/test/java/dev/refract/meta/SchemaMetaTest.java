package dev.refract.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaMetaTest {

    static final DatasourceMeta DB = DatasourceMeta.withUrl("db", 0, Provider.POSTGRESQL, "r2dbc:postgresql://x/app",
            PoolMeta.DEFAULTS);

    static ModelMeta model(String name, int index, int datasource) {
        return new ModelMeta(name, name, index, datasource,
                List.of(FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId()), KeyMeta.of(0), List.of(),
                List.of(), null, 0);
    }

    @Test
    void rejectsModelAtWrongPosition() {
        assertThatThrownBy(() -> new SchemaMeta(List.of(DB), List.of(model("A", 1, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model A has index 1");
    }

    @Test
    void rejectsModelPointingAtMissingDatasource() {
        assertThatThrownBy(() -> new SchemaMeta(List.of(DB), List.of(model("A", 0, 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("datasource 3");
    }

    @Test
    void fieldMetaKeepsKindAndTypeConsistent() {
        assertThatThrownBy(() -> new FieldMeta("x", "x", FieldKind.ENUM, ScalarType.STRING, null, Arity.REQUIRED, null,
                false, false, false, null)).isInstanceOf(IllegalArgumentException.class);
        FieldMeta id = FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).withDbName("_id").asId()
                .withDefault(new DefaultValue.Auto()).withNativeType("ObjectId");
        assertThat(id.dbName()).isEqualTo("_id");
        assertThat(id.id()).isTrue();
        assertThat(id.nativeType()).isEqualTo("ObjectId");
    }

    @Test
    void relationMetaComparesArraysByValueAndCopiesThem() {
        int[] fields = {2};
        RelationMeta relation = new RelationMeta("R", 1, 0, false, fields, new int[] {0}, null, null, 7, false);
        fields[0] = 9;

        assertThat(relation.fields()).containsExactly(2);
        assertThat(relation).isEqualTo(new RelationMeta("R", 1, 0, false, new int[] {2}, new int[] {0}, null, null, 7, false));
        assertThat(relation.holdsForeignKey()).isTrue();
    }
}

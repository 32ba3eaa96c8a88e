package dev.refract.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelMetaTest {

    private static final ModelMeta TOKEN = new ModelMeta("Token", "Token", 0, 0, List.of(
            FieldMeta.scalar("kind", ScalarType.STRING, Arity.REQUIRED),
            FieldMeta.scalar("value", ScalarType.STRING, Arity.REQUIRED)),
            KeyMeta.of(0, 1), List.of(), List.of(), null, 0);

    @Test
    void aModelHasAPrimaryKeyAndNoIndexesUnlessToldOtherwise() {
        assertThat(TOKEN.primaryKey()).isTrue();
        assertThat(TOKEN.indexes()).isEmpty();
    }

    @Test
    void indexesAndIdentityByUniqueKeyAreKeptTogether() {
        ModelMeta model = TOKEN.withIndexes(List.of(KeyMeta.of(1))).identifiedByUnique();
        assertThat(model.indexes()).containsExactly(KeyMeta.of(1));
        assertThat(model.primaryKey()).isFalse();
        assertThat(model.withIndexes(List.of()).primaryKey()).isFalse();
        assertThat(model.fields()).isEqualTo(TOKEN.fields());
    }
}

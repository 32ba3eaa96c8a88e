package dev.refract.redis.key;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.meta.Arity;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.ScalarType;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyLayoutTest {

    private static final ModelMeta MEMBER = new ModelMeta("Member", "Member", 0, 0, List.of(
            FieldMeta.scalar("tenant", ScalarType.STRING, Arity.REQUIRED),
            FieldMeta.scalar("code", ScalarType.INT, Arity.REQUIRED),
            FieldMeta.scalar("email", ScalarType.STRING, Arity.REQUIRED).withDbName("mail")),
            KeyMeta.of(0, 1), List.of(KeyMeta.of(0, 2)), List.of(), null, 0);

    private final KeyLayout layout = new KeyLayout("app", MEMBER);

    @Test
    void aRecordLivesAtPrefixModelAndIdWithTheModelAsHashTag() {
        assertThat(layout.recordKey(KeyLayout.idText(List.of("acme", "7")))).isEqualTo("app:{Member}:acme:7");
        assertThat(layout.modelPrefix()).isEqualTo("app:{Member}:");
    }

    @Test
    void aCompoundIdSplitsBackUnambiguouslyWhateverItsPartsHold() {
        List<String> parts = List.of("a:b=c", "%3A", "{x}*?[]\\,");

        String id = KeyLayout.idText(parts);

        assertThat(id).doesNotContain("=");
        assertThat(id.chars().filter(c -> c == ':').count()).isEqualTo(2);
        assertThat(KeyLayout.idParts(KeyLayout.idText(parts))).isEqualTo(parts);
    }

    @Test
    void indexKeysNameTheStoredFieldsAndAreNeverMistakenForRecords() {
        String index = layout.indexKey(KeyLayout.indexName(MEMBER, MEMBER.uniques().get(0)), List.of("acme", "a@b"));

        assertThat(index).isEqualTo("app:{Member}:tenant,mail=acme:a@b");
        assertThat(layout.idTextOf(index)).isNull();
        assertThat(layout.idTextOf("app:{Member}:acme:7")).isEqualTo("acme:7");
        assertThat(layout.idTextOf("app:{Other}:acme:7")).isNull();
    }

    @Test
    void theScanPatternMatchesTheModelsKeysLiterally() {
        ModelMeta starred = new ModelMeta("Star", "Star", 0, 0, List.of(
                FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED)), KeyMeta.of(0), List.of(), List.of(), null, 0);

        assertThat(new KeyLayout("a*b?", starred).scanPattern()).isEqualTo("a\\*b\\?:{Star}:*");
    }

    @Test
    void escapingTouchesOnlyTheSeparatorsAndPatternCharacters() {
        assertThat(KeyText.escape("plain-text_ü")).isEqualTo("plain-text_ü");
        assertThat(KeyText.escape("%:=,{}*?[]\\")).isEqualTo("%25%3A%3D%2C%7B%7D%2A%3F%5B%5D%5C");
        assertThat(KeyText.unescape(KeyText.escape("50% of a:b"))).isEqualTo("50% of a:b");
    }
}

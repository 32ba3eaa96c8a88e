package dev.refract.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnumMetaTest {

    @Test
    void valuesAreStoredUnderTheirNamesUnlessNamedOtherwise() {
        EnumMeta plain = new EnumMeta("Status", "Status", List.of("PENDING", "DONE"));
        assertThat(plain.values()).containsExactly("PENDING", "DONE");
        assertThat(plain.dbValue("DONE")).isEqualTo("DONE");

        EnumMeta mapped = new EnumMeta("Role", "user_role", List.of("admin", "PLAIN")).withValueNames(List.of("ADMIN", "PLAIN"));
        assertThat(mapped.dbValue("ADMIN")).isEqualTo("admin");
        assertThat(mapped.dbValue("PLAIN")).isEqualTo("PLAIN");
    }

    @Test
    void rejectsValueNamesThatDoNotMatchTheValues() {
        EnumMeta role = new EnumMeta("Role", "user_role", List.of("admin"));
        assertThatThrownBy(() -> role.withValueNames(List.of("ADMIN", "OTHER")))
                .hasMessageContaining("enum Role: 2 value names for 1 database values");
        assertThatThrownBy(() -> role.dbValue("OWNER")).hasMessageContaining("enum Role has no value OWNER");
    }
}

package dev.refract.r2dbc.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.postgresql.codec.PostgresqlObjectId;
import org.junit.jupiter.api.Test;

class ColumnTest {

    @Test
    void namesATypeByItsOidAsByTheDriversNameForIt() {
        for (PostgresqlObjectId type : PostgresqlObjectId.values()) {
            assertThat(Column.of(3, type.getObjectId()))
                    .isEqualTo(Column.named(3, type.name()));
        }
        assertThat(Column.of(0, PostgresqlObjectId.TIMESTAMP.getObjectId()).typeName()).isEqualTo("timestamp");
        assertThat(Column.of(0, PostgresqlObjectId.TIMESTAMPTZ.getObjectId()).typeName()).isEqualTo("timestamptz");
        assertThat(Column.of(0, PostgresqlObjectId.TIMESTAMP_ARRAY.getObjectId()).typeName()).isEqualTo("_timestamp");
    }

    @Test
    void namesATypeTheDriverDoesNotKnowByItsOidAsTheDriverDoes() {
        // an enum's OID is assigned by the database; the driver names such a type by the number
        assertThat(Column.of(1, 16_423)).isEqualTo(Column.named(1, "16423"));
        assertThat(Column.of(1, 16_423).typeName()).isEqualTo("16423");
    }
}

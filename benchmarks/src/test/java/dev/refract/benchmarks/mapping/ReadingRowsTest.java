package dev.refract.benchmarks.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.telemetry.db.Reading;
import com.example.telemetry.db.ReadingMapper;
import com.example.telemetry.db.RefractClientMetadata;
import dev.refract.json.Json;
import dev.refract.meta.FieldMeta;
import dev.refract.spi.Row;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The ten-column mapping benchmark compares like with like only if both mappings read the same
 * row into the same record, and that row fills every position of the model.
 */
class ReadingRowsTest {
    private final Row row = ReadingRows.reading();

    @Test
    void rowHasAPositionForEveryFieldOfTheModelTenOfThemScalar() {
        assertThat(row.size()).isEqualTo(RefractClientMetadata.READING.fields().size()).isEqualTo(11);
        assertThat(RefractClientMetadata.READING.fields().stream().filter(field -> !field.isRelation())).hasSize(10);
    }

    @Test
    void generatedAndHandWrittenMappingsProduceTheSameRecord() {
        assertThat(ReadingRows.mapByHand(row)).isEqualTo(ReadingMapper.map(row));
    }

    @Test
    void generatedMapperReadsEveryColumn() {
        Reading reading = ReadingMapper.map(row);

        assertThat(reading.id()).isEqualTo(9_000_000_001L);
        assertThat(reading.device().isLoaded()).isFalse();
        assertThat(reading.deviceId()).isEqualTo("5f0c6a52-3c1e-4c55-9a43-2f8f6b0d7e11");
        assertThat(reading.measuredAt()).isEqualTo(Instant.parse("2026-11-21T08:00:00.125Z"));
        assertThat(reading.receivedAt()).isEqualTo(Instant.parse("2026-11-21T08:00:01.500Z"));
        assertThat(reading.celsius()).isEqualTo(new BigDecimal("21.375"));
        assertThat(reading.humidity()).isEqualTo(48.5);
        assertThat(reading.battery()).isEqualTo(3.71);
        assertThat(reading.channels()).containsExactly(0.5, 1.25, 2.0);
        assertThat(reading.payload()).isEqualTo(Json.parse("{\"rssi\":-71,\"firmware\":\"2.4.1\"}"));
        assertThat(reading.signature()).containsExactly(0x2a, 0x13, 0x7f, 0x00, 0x55);
    }
}

package dev.refract.benchmarks.mapping;

import com.example.telemetry.db.Reading;
import dev.refract.json.Json;
import dev.refract.relation.Relation;
import dev.refract.spi.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A stored {@code Reading} of the telemetry corpus schema as the adapter SPI carries it, and the
 * hand-written mapping the generated mapper is measured against.
 *
 * <p>The row has the model's eleven positions: ten scalar columns (BigInt id, uuid text, two
 * timestamps, a decimal, two floats, a float list, Json and bytes) and, at position 1, the
 * {@code device} relation, not included ({@code null}).
 */
public final class ReadingRows {
    private ReadingRows() {
    }

    /** A reading with every column filled, the optional ones included. */
    public static Row reading() {
        return Row.of(
                9_000_000_001L,
                null,
                "5f0c6a52-3c1e-4c55-9a43-2f8f6b0d7e11",
                Instant.parse("2026-11-21T08:00:00.125Z"),
                Instant.parse("2026-11-21T08:00:01.500Z"),
                new BigDecimal("21.375"),
                48.5,
                3.71,
                List.of(0.5, 1.25, 2.0),
                Json.parse("{\"firmware\":\"2.4.1\",\"rssi\":-71}"),
                new byte[] {0x2a, 0x13, 0x7f, 0x00, 0x55});
    }

    /**
     * The row mapped by hand, as a user without a generator would write it: one constructor call
     * with a cast per position, the list through the row's typed accessor, the relation known not
     * to be loaded.
     */
    public static Reading mapByHand(Row row) {
        return new Reading(
                (Long) row.get(0),
                Relation.notLoaded("Reading", "device"),
                (String) row.get(2),
                (Instant) row.get(3),
                (Instant) row.get(4),
                (BigDecimal) row.get(5),
                (Double) row.get(6),
                (Double) row.get(7),
                row.<Double>getList(8),
                (Json) row.get(9),
                (byte[]) row.get(10));
    }
}

package dev.refract.conformance;

import dev.refract.conformance.client.Item;
import dev.refract.conformance.client.ItemCreate;
import dev.refract.conformance.client.RefractClient;
import dev.refract.conformance.client.Tier;
import dev.refract.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Items for the kit's tests: a record of every scalar type with plain values that a test then
 * changes where it matters, and the codes of what a read found.
 */
public final class Items {

    /** The instant every item is {@code at} unless a test says otherwise; whole milliseconds, as every store keeps them. */
    public static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    private Items() {
    }

    /** An item coded {@code code} (its name too) with plain values for every required field. */
    public static ItemCreate item(String code) {
        return new ItemCreate().code(code).name(code).flag(false).quantity(1).big(1L).ratio(1.0)
                .amount(new BigDecimal("1.00")).at(NOON).doc(Json.of(Map.of("code", code)))
                .blob(code.getBytes(StandardCharsets.UTF_8)).tier(Tier.BASIC);
    }

    /** Creates {@code items} in one call. */
    public static void create(RefractClient client, ItemCreate... items) {
        client.item().createMany(List.of(items)).block(ConformanceContext.WAIT);
    }

    /** The codes of {@code items}, in their order. */
    public static List<String> codes(Collection<Item> items) {
        return items.stream().map(Item::code).toList();
    }
}

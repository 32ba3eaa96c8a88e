package dev.refract.benchmarks.compare;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The data of the comparison, a pure function of an index, and the fingerprints that check it.
 *
 * <p>Row {@code i} of the ten-column table (id {@code i} for the seeded reads, data index
 * {@code i} for the creates) holds {@link #name}, {@link #email}, … of {@code i}; a lineup seeds
 * its server with the same values (PostgreSQL computes them in one {@code INSERT … SELECT} over
 * {@code generate_series}). Parent {@code p} has children {@code 0…k-1} at {@link #childId}.
 *
 * <p>A fingerprint mixes every column a contender mapped into one {@code long}; sums of
 * fingerprints check a whole result without keeping it, in any row order. The counter is left
 * out, because the update workload changes it.
 */
public final class Dataset {

    /** {@link #createdAt} of index 0; index {@code i} is {@code i} seconds later. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private Dataset() {
    }

    /** e.g. {@code sample-17}. */
    public static String name(int i) {
        return "sample-" + i;
    }

    /** e.g. {@code user17@example.com}. */
    public static String email(int i) {
        return "user" + i + "@example.com";
    }

    /** {@code null} for every tenth index, else one of seven categories. */
    public static String category(int i) {
        return i % 10 == 0 ? null : "category-" + (i % 7);
    }

    /** {@code i % 1000}. */
    public static int quantity(int i) {
        return i % 1000;
    }

    /** {@code (i % 10000) / 100.0}: exact in SQL's float8 division as in Java's. */
    public static double price(int i) {
        return (i % 10_000) / 100.0;
    }

    /** {@code i * 1000003}. */
    public static long total(int i) {
        return i * 1_000_003L;
    }

    /** True for even indexes. */
    public static boolean active(int i) {
        return i % 2 == 0;
    }

    /** {@link #EPOCH} plus {@code i} seconds. */
    public static Instant createdAt(int i) {
        return EPOCH.plusSeconds(i);
    }

    /** {@link #createdAt} as the UTC wall-clock time a {@code timestamp} column holds. */
    public static LocalDateTime createdAtLocal(int i) {
        return LocalDateTime.ofInstant(createdAt(i), ZoneOffset.UTC);
    }

    /** Milliseconds since 1970 of a {@code timestamp} read as UTC. */
    public static long millis(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** The fingerprint of the nine data columns of a ten-column record (all but the id and the counter). */
    public static long content(String name, String email, String category, int quantity, double price, long total,
            boolean active, long createdAtMillis) {
        long h = name.hashCode();
        h = h * 31 + email.hashCode();
        h = h * 31 + (category == null ? 7 : category.hashCode());
        h = h * 31 + quantity;
        h = h * 31 + Double.doubleToLongBits(price);
        h = h * 31 + total;
        h = h * 31 + (active ? 1 : 2);
        h = h * 31 + createdAtMillis;
        return mix(h);
    }

    /** The fingerprint of a ten-column record: its id and its {@link #content} fingerprint. */
    public static long sample(int id, long content) {
        return mix(content + id * 0x9E3779B97F4A7C15L);
    }

    /** The content fingerprint of data index {@code i}. */
    public static long expectedContent(int i) {
        return content(name(i), email(i), category(i), quantity(i), price(i), total(i), active(i),
                createdAt(i).toEpochMilli());
    }

    /** The fingerprint of the seeded record with id {@code id}. */
    public static long expectedSample(int id) {
        return sample(id, expectedContent(id));
    }

    /** The sum of the fingerprints of the seeded records with ids 1 to {@code maxId}. */
    public static long expectedStream(int maxId) {
        long sum = 0;
        for (int id = 1; id <= maxId; id++) {
            sum += expectedSample(id);
        }
        return sum;
    }

    /** e.g. {@code parent-3}. */
    public static String parentName(int parent) {
        return "parent-" + parent;
    }

    /** The id of child {@code position} (from 0) of parent {@code parent} (from 1). */
    public static int childId(int parent, int position, int childrenPerParent) {
        return (parent - 1) * childrenPerParent + position + 1;
    }

    /** e.g. {@code child-3-7}. */
    public static String childLabel(int parent, int position) {
        return "child-" + parent + "-" + position;
    }

    /** The fingerprint of one child. */
    public static long child(int id, int parentId, int position, String label) {
        return mix(id * 0xC2B2AE3D27D4EB4FL + parentId * 0x165667B19E3779F9L + position * 31L + label.hashCode());
    }

    /**
     * The fingerprint of one parent with its children: its columns, the sum of its children's
     * fingerprints and their number.
     */
    public static long parent(int id, String name, long childrenSum, int childCount) {
        return mix(id * 0x9E3779B97F4A7C15L + name.hashCode()) + mix(childrenSum + childCount);
    }

    /** The sum of the fingerprints of parents 1 to {@code parents}, each with its {@code childrenPerParent} children. */
    public static long expectedInclude(int parents, int childrenPerParent) {
        long sum = 0;
        for (int p = 1; p <= parents; p++) {
            long children = 0;
            for (int k = 0; k < childrenPerParent; k++) {
                children += child(childId(p, k, childrenPerParent), p, k, childLabel(p, k));
            }
            sum += parent(p, parentName(p), children, childrenPerParent);
        }
        return sum;
    }

    /** SplitMix64's finalizer: every input bit reaches every output bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package dev.refract.benchmarks.compare.mongo;

import org.bson.types.ObjectId;

/**
 * The ObjectIds of the seeded documents, made from the index the harness asks for: a fixed
 * timestamp, four zero bytes and the index, big-endian. Every contender looks a document up by the
 * same id, ordered as the indexes are (so {@code _id <= id(n)} selects indexes 1 to n), and reads the
 * index back from the id it finds, for the fingerprints of {@link dev.refract.benchmarks.compare.Dataset}.
 */
final class MongoIds {

    /** The timestamp part of every seeded id: 2026-01-01T00:00:00Z, in seconds. */
    static final int TIMESTAMP = 1_767_225_600;

    private static final int HEX_DIGITS = 24;
    private static final int INDEX_DIGITS = 8;

    private MongoIds() {
    }

    /** The ObjectId of the seeded document of {@code index}. */
    static ObjectId objectId(int index) {
        byte[] bytes = new byte[12];
        put(bytes, 0, TIMESTAMP);
        put(bytes, 8, index);
        return new ObjectId(bytes);
    }

    /** The same id as the 24 hexadecimal digits an application keeps an ObjectId in. */
    static String hex(int index) {
        return objectId(index).toHexString();
    }

    /** The index of a seeded document's id, given as its 24 hexadecimal digits. */
    static int index(String hex) {
        if (hex.length() != HEX_DIGITS) {
            throw new IllegalArgumentException("Not the hexadecimal digits of an ObjectId: '" + hex + "'");
        }
        return Integer.parseUnsignedInt(hex, HEX_DIGITS - INDEX_DIGITS, HEX_DIGITS, 16);
    }

    private static void put(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }
}

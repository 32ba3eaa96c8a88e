package dev.refract.codegen.validate;

import static dev.refract.meta.ScalarType.BIGINT;
import static dev.refract.meta.ScalarType.BOOLEAN;
import static dev.refract.meta.ScalarType.BYTES;
import static dev.refract.meta.ScalarType.DATETIME;
import static dev.refract.meta.ScalarType.DECIMAL;
import static dev.refract.meta.ScalarType.FLOAT;
import static dev.refract.meta.ScalarType.INT;
import static dev.refract.meta.ScalarType.JSON;
import static dev.refract.meta.ScalarType.STRING;

import dev.refract.meta.Provider;
import dev.refract.meta.ScalarType;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The native types ({@code @db.X}) each provider has, the scalar types they fit, and their arguments. */
final class NativeTypeCatalog {

    /**
     * One native type.
     *
     * @param minArguments how many whole-number arguments it needs ({@code VarChar(n)} on MySQL: 1)
     * @param maxArguments how many it takes at most ({@code Decimal(p, s)}: 2)
     */
    record Spec(String name, Set<ScalarType> fits, int minArguments, int maxArguments) {}

    private static final Map<Provider, Map<String, Spec>> CATALOG = Map.of(
            Provider.POSTGRESQL, postgresql(),
            Provider.MYSQL, mysql(),
            Provider.MONGODB, mongodb(),
            Provider.REDIS, Map.of());

    private NativeTypeCatalog() {
    }

    /** The native types of {@code provider}, by name, in a stable order. */
    static Map<String, Spec> of(Provider provider) {
        return CATALOG.get(provider);
    }

    private static Map<String, Spec> postgresql() {
        Builder types = new Builder();
        types.add("Text", 0, 0, STRING).add("VarChar", 0, 1, STRING).add("Char", 0, 1, STRING)
                .add("Uuid", 0, 0, STRING).add("Inet", 0, 0, STRING).add("Xml", 0, 0, STRING)
                .add("Citext", 0, 0, STRING).add("Bit", 0, 1, STRING).add("VarBit", 0, 1, STRING)
                .add("Boolean", 0, 0, BOOLEAN)
                .add("Integer", 0, 0, INT).add("SmallInt", 0, 0, INT).add("Oid", 0, 0, INT)
                .add("BigInt", 0, 0, BIGINT)
                .add("Real", 0, 0, FLOAT).add("DoublePrecision", 0, 0, FLOAT)
                .add("Decimal", 0, 2, DECIMAL).add("Money", 0, 0, DECIMAL)
                .add("Timestamp", 0, 1, DATETIME).add("Timestamptz", 0, 1, DATETIME).add("Date", 0, 0, DATETIME)
                .add("Time", 0, 1, DATETIME).add("Timetz", 0, 1, DATETIME)
                .add("Json", 0, 0, JSON).add("JsonB", 0, 0, JSON)
                .add("ByteA", 0, 0, BYTES);
        return types.build();
    }

    private static Map<String, Spec> mysql() {
        Builder types = new Builder();
        types.add("VarChar", 1, 1, STRING).add("Char", 0, 1, STRING).add("Text", 0, 0, STRING)
                .add("TinyText", 0, 0, STRING).add("MediumText", 0, 0, STRING).add("LongText", 0, 0, STRING)
                .add("Int", 0, 0, INT).add("UnsignedInt", 0, 0, INT).add("SmallInt", 0, 0, INT)
                .add("UnsignedSmallInt", 0, 0, INT).add("MediumInt", 0, 0, INT).add("UnsignedMediumInt", 0, 0, INT)
                .add("TinyInt", 0, 0, INT, BOOLEAN).add("UnsignedTinyInt", 0, 0, INT).add("Year", 0, 0, INT)
                .add("BigInt", 0, 0, BIGINT).add("UnsignedBigInt", 0, 0, BIGINT)
                .add("Decimal", 0, 2, DECIMAL).add("Double", 0, 0, FLOAT).add("Float", 0, 0, FLOAT)
                .add("DateTime", 0, 1, DATETIME).add("Timestamp", 0, 1, DATETIME).add("Date", 0, 0, DATETIME)
                .add("Time", 0, 1, DATETIME)
                .add("Json", 0, 0, JSON)
                .add("Blob", 0, 0, BYTES).add("TinyBlob", 0, 0, BYTES).add("MediumBlob", 0, 0, BYTES)
                .add("LongBlob", 0, 0, BYTES).add("VarBinary", 1, 1, BYTES).add("Binary", 0, 1, BYTES)
                .add("Bit", 0, 1, BOOLEAN, BYTES);
        return types.build();
    }

    private static Map<String, Spec> mongodb() {
        Builder types = new Builder();
        types.add("ObjectId", 0, 0, STRING, BYTES).add("String", 0, 0, STRING).add("Int", 0, 0, INT)
                .add("Long", 0, 0, BIGINT, INT).add("Double", 0, 0, FLOAT).add("Decimal", 0, 0, DECIMAL)
                .add("Date", 0, 0, DATETIME).add("Timestamp", 0, 0, DATETIME).add("Bool", 0, 0, BOOLEAN)
                .add("BinData", 0, 0, BYTES).add("Json", 0, 0, JSON);
        return types.build();
    }

    /** Collects specs in declaration order so that lists in hints read in a sensible order. */
    private static final class Builder {
        private final Map<String, Spec> specs = new LinkedHashMap<>();

        Builder add(String name, int min, int max, ScalarType first, ScalarType... rest) {
            specs.put(name, new Spec(name, Collections.unmodifiableSet(EnumSet.of(first, rest)), min, max));
            return this;
        }

        Map<String, Spec> build() {
            return Collections.unmodifiableMap(specs);
        }
    }
}

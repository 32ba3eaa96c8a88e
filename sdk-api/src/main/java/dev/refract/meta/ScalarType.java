package dev.refract.meta;

/**
 * The closed set of scalar types a schema can declare. Every adapter maps each of them to its
 * native representation; the generator maps each of them to one Java type.
 */
public enum ScalarType {
    STRING("String"),
    BOOLEAN("Boolean"),
    INT("Int"),
    BIGINT("BigInt"),
    FLOAT("Float"),
    DECIMAL("Decimal"),
    DATETIME("DateTime"),
    JSON("Json"),
    BYTES("Bytes");

    private final String schemaName;

    ScalarType(String schemaName) {
        this.schemaName = schemaName;
    }

    /** The name of this type in the schema language, e.g. {@code DateTime}. */
    public String schemaName() {
        return schemaName;
    }

    /**
     * The scalar type spelled {@code name} in the schema language.
     *
     * @return the type, or {@code null} when {@code name} is not a scalar type
     */
    public static ScalarType fromSchemaName(String name) {
        for (ScalarType type : values()) {
            if (type.schemaName.equals(name)) {
                return type;
            }
        }
        return null;
    }
}

package dev.refract.meta;

/** The kinds of database a datasource can point at, as named by {@code provider} in the schema. */
public enum Provider {
    POSTGRESQL("postgresql", Family.RELATIONAL),
    MYSQL("mysql", Family.RELATIONAL),
    MONGODB("mongodb", Family.DOCUMENT),
    REDIS("redis", Family.KEY_VALUE);

    /** How a provider stores records; adapters are written per family. */
    public enum Family { RELATIONAL, DOCUMENT, KEY_VALUE }

    private final String schemaName;
    private final Family family;

    Provider(String schemaName, Family family) {
        this.schemaName = schemaName;
        this.family = family;
    }

    /** The provider's name in the schema language, e.g. {@code postgresql}. */
    public String schemaName() {
        return schemaName;
    }

    /** The storage family of this provider. */
    public Family family() {
        return family;
    }

    /**
     * The provider spelled {@code name} in a schema.
     *
     * @return the provider, or {@code null} when no provider has that name
     */
    public static Provider fromSchemaName(String name) {
        for (Provider provider : values()) {
            if (provider.schemaName.equals(name)) {
                return provider;
            }
        }
        return null;
    }
}

package dev.refract.meta;

/** What happens to referencing records when the referenced record is deleted or its key updated. */
public enum ReferentialAction {
    CASCADE("Cascade"),
    RESTRICT("Restrict"),
    NO_ACTION("NoAction"),
    SET_NULL("SetNull"),
    SET_DEFAULT("SetDefault");

    private final String schemaName;

    ReferentialAction(String schemaName) {
        this.schemaName = schemaName;
    }

    /** The action's name in the schema language, e.g. {@code SetNull}. */
    public String schemaName() {
        return schemaName;
    }

    /**
     * The action spelled {@code name} in a schema.
     *
     * @return the action, or {@code null} when no action has that name
     */
    public static ReferentialAction fromSchemaName(String name) {
        for (ReferentialAction action : values()) {
            if (action.schemaName.equals(name)) {
                return action;
            }
        }
        return null;
    }
}

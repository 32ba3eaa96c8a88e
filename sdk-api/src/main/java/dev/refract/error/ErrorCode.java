package dev.refract.error;

/** The stable code of each kind of error; codes never change meaning once released. */
public enum ErrorCode {
    RECORD_NOT_FOUND("R2025"),
    UNIQUE_CONSTRAINT_VIOLATION("R2002"),
    FOREIGN_KEY_VIOLATION("R2003"),
    MISSING_REQUIRED_FIELD("R2012"),
    RELATION_NOT_LOADED("R2030"),
    CLIENT_CLOSED("R1010"),
    ADAPTER_UNAVAILABLE("R1011"),
    INVALID_QUERY("R2009");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    /** The code as shown to users and logged, e.g. {@code R2025}. */
    public String code() {
        return code;
    }
}

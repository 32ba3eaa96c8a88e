package dev.refract.error;

import java.util.List;

/** A call was made on a client after {@code close()}. */
public final class ClientClosedException extends RefractException {

    private static final long serialVersionUID = 1L;

    /** A call on {@code model} (or {@code null}) reached a closed client. */
    public ClientClosedException(String model) {
        super(ErrorCode.CLIENT_CLOSED, model, List.of(),
                "The client is closed" + (model == null ? "" : " (call on " + model + ")")
                        + ": build a new client; close() releases every pool for good", null);
    }
}

package dev.refract.redis.error;

import dev.refract.error.ConnectionFailedException;
import dev.refract.error.QueryFailedException;
import dev.refract.error.RefractException;
import dev.refract.error.UrlRedaction;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * Translates what Lettuce and the network signal into the typed family, so no Lettuce exception
 * reaches the user: an unreachable server or a timeout is a {@link ConnectionFailedException}
 * naming the datasource and its URL without the password; an error reply of the server is a
 * {@link QueryFailedException} carrying the reply's error word (e.g. {@code WRONGTYPE}) as its
 * native code. Refract's own errors pass through.
 */
public final class RedisErrors {

    private final String datasource;
    private final String redactedUrl;

    /** Translation for {@code datasource}, whose URL is shown as {@code redactedUrl}. */
    public RedisErrors(String datasource, String redactedUrl) {
        this.datasource = datasource;
        this.redactedUrl = redactedUrl;
    }

    /** The typed error for {@code error}, raised while working on {@code model} (or {@code null}). */
    public Throwable translate(Throwable error, String model) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof RefractException || cause instanceof IllegalArgumentException
                || cause instanceof UnsupportedOperationException) {
            return cause;
        }
        String detail = UrlRedaction.redact(describe(cause));
        if (cause instanceof RedisCommandTimeoutException || cause instanceof TimeoutException) {
            return new ConnectionFailedException(datasource, "Redis of datasource '" + datasource + "' at " + redactedUrl
                    + " did not answer in time (" + detail + "): check that the server is up and not overloaded,"
                    + " or raise the datasource's poolAcquireTimeout", null);
        }
        if (cause instanceof RedisConnectionException || cause instanceof IOException
                || connectionProblem(cause)) {
            return new ConnectionFailedException(datasource, "Could not reach Redis of datasource '" + datasource
                    + "' at " + redactedUrl + " (" + detail + "): check that the server runs, the host and port of"
                    + " the URL, and its password", null);
        }
        if (cause instanceof RedisException) {
            String word = detail.isEmpty() ? null : detail.split(" ", 2)[0];
            return new QueryFailedException(model, word, "Redis of datasource '" + datasource + "' refused a command"
                    + (model == null ? "" : " on " + model) + ": " + detail, null);
        }
        return cause;
    }

    /** The error's message, and its root cause's where that says more. */
    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(error.getMessage());
        return root == error || root.getMessage() == null ? message : message + ": " + root.getMessage();
    }

    private static boolean connectionProblem(Throwable error) {
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof RedisConnectionException) {
                return true;
            }
        }
        return false;
    }
}

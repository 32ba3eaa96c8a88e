package dev.refract.example.webflux.problems;

import dev.refract.error.RefractException;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The one place where failures become HTTP answers, as RFC 9457 problem details
 * ({@code application/problem+json}):
 * <ul>
 *   <li>a Refract error ({@link RefractException}) gets the status of its kind, see {@link #statusOf}, and
 *       the properties {@code code} (the stable code, e.g. {@code R2002}), {@code model} and
 *       {@code fields} (schema names, e.g. {@code ["runId", "position"]});</li>
 *   <li>a request body or parameter that fails validation gets 400 with {@code errors}, one
 *       {@code {"field", "message"}} per failed field, each also named in the detail;</li>
 *   <li>what Spring WebFlux itself refuses (an unreadable body, an unknown enum value, a wrong method)
 *       keeps Spring's own problem detail.</li>
 * </ul>
 * The detail of a 5xx answer never repeats the error's message, which may describe the server's
 * insides; the error is logged instead.
 */
@RestControllerAdvice
public class RefractProblems extends ResponseEntityExceptionHandler {

    /** The problem detail of {@code error}, with its stable code, model and fields. */
    @ExceptionHandler(RefractException.class)
    public ResponseEntity<ProblemDetail> refractError(RefractException error) {
        HttpStatus status = statusOf(error);
        String detail;
        if (status.is5xxServerError()) {
            logger.error("A request failed on the database", error);
            detail = "The request could not be completed (" + error.code().code() + "); try again later.";
        } else {
            // the code is a property of its own; the detail is the message after it
            String code = "[" + error.code().code() + "] ";
            String message = error.getMessage();
            detail = message.startsWith(code) ? message.substring(code.length()) : message;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", error.code().code());
        if (error.model() != null) {
            problem.setProperty("model", error.model());
        }
        problem.setProperty("fields", error.fields());
        return ResponseEntity.status(status).body(problem);
    }

    /**
     * The HTTP status that answers a Refract error of this kind: 404 for a record not found, 409 for a
     * write that conflicts with what is stored (a unique key taken, a foreign key, a transaction that
     * lost a race), 400 for a write or query the request made invalid, 503 when the database cannot be
     * reached or its pool is exhausted, 504 when a statement or transaction outlived its timeout, 500
     * otherwise.
     */
    public static HttpStatus statusOf(RefractException error) {
        return switch (error.code()) {
            case RECORD_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case UNIQUE_CONSTRAINT_VIOLATION, FOREIGN_KEY_VIOLATION, TRANSACTION_CONFLICT -> HttpStatus.CONFLICT;
            case MISSING_REQUIRED_FIELD, NULL_CONSTRAINT_VIOLATION, INVALID_QUERY -> HttpStatus.BAD_REQUEST;
            case CONNECTION_FAILED, CONNECTION_ACQUIRE_TIMEOUT, ADAPTER_UNAVAILABLE, CLIENT_CLOSED ->
                    HttpStatus.SERVICE_UNAVAILABLE;
            case STATEMENT_TIMEOUT, TRANSACTION_TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    /** A request body that fails validation: 400 naming each field. */
    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException error,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldProblem> problems = error.getFieldErrors().stream()
                .map(field -> new FieldProblem(field.getField(), messageOf(field))).toList();
        return invalid(error, problems, headers, status, exchange);
    }

    /** A request parameter that fails validation (e.g. {@code size=0}): 400 naming each parameter. */
    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            HandlerMethodValidationException error, HttpHeaders headers, HttpStatusCode status,
            ServerWebExchange exchange) {
        List<FieldProblem> problems = error.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(message -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                messageOf(message))))
                .toList();
        return invalid(error, problems, headers, status, exchange);
    }

    private Mono<ResponseEntity<Object>> invalid(Exception error, List<FieldProblem> problems, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request: "
                + String.join("; ", problems.stream().map(p -> p.field() + " " + p.message()).toList()));
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return handleExceptionInternal(error, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    private static String messageOf(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is not valid" : error.getDefaultMessage();
    }

    /** One field or parameter that failed validation, and why. */
    private record FieldProblem(String field, String message) {
    }
}

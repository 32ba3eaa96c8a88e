package dev.refract.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A saga ({@code client.saga(...)}) did not commit: one of its steps failed, and the steps completed
 * before it were compensated in reverse order — all of them, or, when a compensation failed too, those
 * up to it. The cause is the failed step's error; a failed compensation's error is attached as a
 * suppressed exception and kept in {@link #compensationError()}.
 *
 * <p>When {@link #fullyCompensated()} is false, the steps {@link #notCompensated()} lists are still in
 * effect and need repair: nothing undoes them on its own.
 */
public final class SagaFailedException extends RefractException {

    private static final long serialVersionUID = 1L;

    private final String failedStep;
    private final List<String> compensated;
    private final String compensationFailedStep;
    private final Throwable compensationError;
    private final List<String> left;

    /**
     * A saga whose step {@code failedStep} failed with {@code cause} and whose completed steps were all
     * compensated, in the order {@code compensated} lists.
     */
    public SagaFailedException(String failedStep, Throwable cause, List<String> compensated) {
        this(failedStep, cause, compensated, null, null, List.of());
    }

    /**
     * A saga whose step {@code failedStep} failed with {@code cause}; the steps {@code compensated} lists
     * were compensated, then the compensation of {@code compensationFailedStep} failed with
     * {@code compensationError} and the compensations of {@code left} were not attempted. With a
     * {@code null} {@code compensationFailedStep}, every compensation succeeded and {@code left} is empty.
     */
    public SagaFailedException(String failedStep, Throwable cause, List<String> compensated,
            String compensationFailedStep, Throwable compensationError, List<String> left) {
        super(ErrorCode.SAGA_FAILED, null, List.of(),
                message(failedStep, cause, compensated, compensationFailedStep, compensationError, left), cause);
        this.failedStep = Objects.requireNonNull(failedStep, "failedStep");
        this.compensated = List.copyOf(compensated);
        this.compensationFailedStep = compensationFailedStep;
        this.compensationError = compensationError;
        this.left = List.copyOf(left);
        if ((compensationFailedStep == null) != (compensationError == null)) {
            throw new IllegalArgumentException("A failed compensation needs both its step and its error, or neither");
        }
        if (compensationError != null && compensationError != cause) {
            addSuppressed(compensationError);
        }
    }

    private static String message(String failedStep, Throwable cause, List<String> compensated,
            String compensationFailedStep, Throwable compensationError, List<String> left) {
        StringBuilder message = new StringBuilder("The saga failed at step '").append(failedStep).append("' (")
                .append(cause).append(')');
        if (compensationFailedStep == null) {
            return message.append(compensated.isEmpty() ? "; no completed step had anything to compensate"
                    : "; compensated in reverse order: " + String.join(", ", compensated)).toString();
        }
        if (!compensated.isEmpty()) {
            message.append("; compensated ").append(String.join(", ", compensated));
        }
        message.append("; then the compensation of step '").append(compensationFailedStep).append("' failed (")
                .append(compensationError).append(')');
        List<String> standing = notCompensated(compensationFailedStep, left);
        return message.append(", so ").append(standing.size() == 1 ? "step " : "steps ")
                .append(String.join(", ", standing))
                .append(" remain in effect: repair them by hand from the values in the saga's outcome").toString();
    }

    private static List<String> notCompensated(String compensationFailedStep, List<String> left) {
        if (compensationFailedStep == null) {
            return List.of();
        }
        List<String> standing = new ArrayList<>(left.size() + 1);
        standing.add(compensationFailedStep);
        standing.addAll(left);
        return List.copyOf(standing);
    }

    /** The name of the step whose action failed. */
    public String failedStep() {
        return failedStep;
    }

    /** The steps compensated, in the order their compensations ran (the reverse of the steps' order). */
    public List<String> compensated() {
        return compensated;
    }

    /** The step whose compensation failed, when one did. */
    public Optional<String> compensationFailedStep() {
        return Optional.ofNullable(compensationFailedStep);
    }

    /** The error of the compensation that failed, when one did. */
    public Optional<Throwable> compensationError() {
        return Optional.ofNullable(compensationError);
    }

    /**
     * The steps whose compensations were not attempted after a compensation failed, in the order they would
     * have run; empty when none failed.
     */
    public List<String> left() {
        return left;
    }

    /**
     * Every completed step that is still in effect: the step whose compensation failed, then {@link #left()};
     * empty when the saga was fully compensated.
     */
    public List<String> notCompensated() {
        return notCompensated(compensationFailedStep, left);
    }

    /** True when every completed step was compensated, so the saga left nothing behind. */
    public boolean fullyCompensated() {
        return compensationFailedStep == null;
    }
}

package dev.refract.benchmarks.compare;

/**
 * The heap of one streaming run: what stayed live after a full collection before the stream began,
 * and the most that stayed live after the full collections taken at ten evenly spaced rows of it.
 *
 * @param contender     the contender's key
 * @param rows          rows streamed
 * @param baselineBytes live heap before the stream
 * @param peakBytes     the highest live heap while streaming
 * @param failure       why the measurement failed, or {@code null}
 */
public record HeapResult(String contender, int rows, long baselineBytes, long peakBytes, String failure) {

    /** True when the measurement failed. */
    public boolean isFailed() {
        return failure != null;
    }
}

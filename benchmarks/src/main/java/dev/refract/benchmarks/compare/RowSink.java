package dev.refract.benchmarks.compare;

/**
 * Receives the fingerprint of every streamed row, on whichever thread delivers it; rows of one
 * stream arrive one after the other, never at once.
 */
@FunctionalInterface
public interface RowSink {

    /** Takes the next row's fingerprint. */
    void accept(long fingerprint);
}

package dev.refract.benchmarks.compare;

/** What a contender stands for in the comparison. */
public enum Role {

    /** Refract's generated client: the subject of the comparison. */
    REFRACT,
    /** The driver alone, with hand-written queries and mapping: the floor no client layer can beat. */
    RAW,
    /** What a user would pick instead of Refract. */
    PEER
}

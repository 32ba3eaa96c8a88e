package dev.refract.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Checks shared by the generator tests. */
final class IdChecks {

    private IdChecks() {}

    /**
     * Draws {@code threads × perThread} ids from {@code generator} on several threads at once and
     * asserts no two are equal. Ids are kept as 64-bit hashes so a million fit in a few megabytes;
     * equal ids always collide, distinct ones with a chance of about 3 in 100 million.
     */
    static void assertUniqueAcrossThreads(IdGenerator generator, int threads, int perThread) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<long[]>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                parts.add(CompletableFuture.supplyAsync(() -> {
                    long[] hashes = new long[perThread];
                    for (int i = 0; i < perThread; i++) {
                        hashes[i] = hash64(generator.next());
                    }
                    return hashes;
                }, pool));
            }
            long[] all = new long[threads * perThread];
            int offset = 0;
            for (CompletableFuture<long[]> part : parts) {
                long[] hashes = part.join();
                System.arraycopy(hashes, 0, all, offset, hashes.length);
                offset += hashes.length;
            }
            Arrays.sort(all);
            int duplicates = 0;
            for (int i = 1; i < all.length; i++) {
                if (all[i] == all[i - 1]) {
                    duplicates++;
                }
            }
            assertThat(duplicates).as("ids drawn twice among %d", all.length).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    /** FNV-1a over the characters. */
    static long hash64(String text) {
        long hash = 0xcbf2_9ce4_8422_2325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x0100_0000_01b3L;
        }
        return hash;
    }

    /** A clock that stands still until moved; for one test thread. */
    static final class SteppingClock extends Clock {
        private Instant now;

        SteppingClock(Instant start) {
            this.now = start;
        }

        void advanceMillis(long millis) {
            now = now.plusMillis(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a test clock stays in UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package dev.refract.r2dbc.streaming;

import com.example.pipeline.db.PipelineStep;
import com.example.pipeline.db.RefractClient;
import dev.refract.r2dbc.AdapterOptions;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;

/**
 * The process {@link MillionStepStreamIT} starts with a small heap: reads every step of one run
 * through the generated client, ordered by position, and prints one {@value #RESULT} line with
 * what it saw and what it cost. Its arguments: the R2DBC URL, the run's id, the fetch size, and
 * {@code stream} (count while streaming) or {@code collect} (gather the whole result first, the
 * way a buffering adapter would hold it).
 */
final class StepStreamCounter {

    static final String RESULT = "STREAM-RESULT";

    private StepStreamCounter() {
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            throw new IllegalArgumentException("Expected: <r2dbc url> <run id> <fetch size> <stream|collect>");
        }
        String url = args[0];
        String runId = args[1];
        int fetchSize = Integer.parseInt(args[2]);
        boolean collect = switch (args[3]) {
            case "stream" -> false;
            case "collect" -> true;
            default -> throw new IllegalArgumentException("Mode must be stream or collect, was " + args[3]);
        };
        TrackingPostgresProvider provider = new TrackingPostgresProvider(
                AdapterOptions.defaults().withFetchSize(fetchSize));
        RefractClient client = RefractClient.builder().datasource("db", url).adapterProvider(provider).build();
        try {
            Flux<PipelineStep> steps = client.pipelineStep()
                    .findMany(q -> q.where(w -> w.runId().eq(runId)).orderBy(o -> o.position().asc()));
            if (collect) {
                steps = steps.collectList().flatMapIterable(list -> list);
            }
            PositionCheck check = new PositionCheck();
            long started = System.nanoTime();
            steps.doOnNext(check::accept).blockLast(Duration.ofMinutes(5));
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.println(report(check, elapsedMillis));
        } finally {
            client.closeAsync().block(Duration.ofSeconds(30));
        }
    }

    private static String report(PositionCheck check, long elapsedMillis) {
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        long collections = 0;
        long collectionMillis = 0;
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        for (GarbageCollectorMXBean collector : collectors) {
            collections += Math.max(0, collector.getCollectionCount());
            collectionMillis += Math.max(0, collector.getCollectionTime());
        }
        return String.format(Locale.ROOT,
                "%s count=%d outOfOrder=%d firstOutOfOrder=%d maxHeap=%d peakHeap=%d gcCount=%d gcMillis=%d"
                        + " streamMillis=%d",
                RESULT, check.count.get(), check.outOfOrder.get(), check.firstOutOfOrder.get(),
                Runtime.getRuntime().maxMemory(), peakHeap, collections, collectionMillis, elapsedMillis);
    }

    /** Counts the steps and checks each one's position is one more than the last one's, starting at 1. */
    private static final class PositionCheck {
        final AtomicLong count = new AtomicLong();
        final AtomicLong outOfOrder = new AtomicLong();
        final AtomicLong firstOutOfOrder = new AtomicLong(-1);

        void accept(PipelineStep step) {
            long expected = count.incrementAndGet();
            Integer position = step.position();
            if (position == null || position != expected) {
                outOfOrder.incrementAndGet();
                firstOutOfOrder.compareAndSet(-1, expected);
            }
        }
    }
}

package dev.refract.mongo.streaming;

import dev.refract.mongo.store.Customer;
import dev.refract.mongo.store.RefractClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child JVM of {@link SmallHeapStreamIT}: streams every customer through the generated client's
 * {@code findMany} in name order (mode {@code stream}) or collects them all at once (mode
 * {@code collect}), and prints one result line.
 */
public final class DocumentStreamCounter {

    /** The start of the line holding the result. */
    public static final String RESULT = "RESULT";

    private DocumentStreamCounter() {
    }

    /** Arguments: the MongoDB URL, then {@code stream} or {@code collect}. */
    public static void main(String[] args) {
        String url = args[0];
        String mode = args[1];
        try (RefractClient db = RefractClient.builder().datasource("docs", url).build()) {
            if ("collect".equals(mode)) {
                List<Customer> all = db.customer().findMany(q -> q.orderBy(o -> o.name().asc())).collectList()
                        .block(Duration.ofMinutes(3));
                System.out.println(RESULT + " count=" + all.size());
                return;
            }
            AtomicLong count = new AtomicLong();
            AtomicLong outOfOrder = new AtomicLong();
            db.customer().findMany(q -> q.orderBy(o -> o.name().asc())).doOnNext(customer -> {
                long position = count.getAndIncrement();
                if (Long.parseLong(customer.name().substring(0, 8)) != position) {
                    outOfOrder.incrementAndGet();
                }
            }).blockLast(Duration.ofMinutes(3));
            System.out.println(RESULT + " count=" + count.get() + " outOfOrder=" + outOfOrder.get() + " maxHeap="
                    + Runtime.getRuntime().maxMemory());
        }
    }
}

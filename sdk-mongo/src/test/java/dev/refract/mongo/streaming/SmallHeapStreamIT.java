package dev.refract.mongo.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;
import dev.refract.test.isolation.MongoNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Streams 200,000 documents through the generated client's {@code findMany} in a child JVM limited
 * to a 128 MB heap, and shows that holding the same result at once does not fit that heap, so the
 * count is only reached because documents really stream: the driver asks for a batch at a time, as
 * the subscriber requests. Each document carries a name of 600 characters.
 */
class SmallHeapStreamIT {

    private static final int DOCUMENTS = 200_000;
    private static final int PER_INSERT = 5_000;
    private static final long HEAP_LIMIT = 128L * 1024 * 1024;
    private static final long CHILD_TIMEOUT_SECONDS = 300;
    private static final String PADDING = "x".repeat(592);

    private static MongoNamespace namespace;

    @BeforeAll
    static void fill() {
        namespace = MongoNamespace.create("SmallHeapStreamIT");
        try (MongoClient client = namespace.connect()) {
            MongoCollection<BsonDocument> customers = client.getDatabase(namespace.database())
                    .getCollection("Customer", BsonDocument.class);
            // a real server then streams in name order from the index instead of sorting 120 MB in memory
            Mono.from(customers.createIndex(com.mongodb.client.model.Indexes.ascending("name"))).block(
                    Duration.ofMinutes(1));
            Flux.range(0, DOCUMENTS / PER_INSERT).concatMap(batch -> {
                List<BsonDocument> documents = new ArrayList<>(PER_INSERT);
                for (int i = batch * PER_INSERT; i < (batch + 1) * PER_INSERT; i++) {
                    documents.add(new BsonDocument("_id", new BsonObjectId(new ObjectId()))
                            .append("email", new BsonString(i + "@example.com"))
                            .append("name", new BsonString(String.format("%08d", i) + PADDING))
                            .append("tier", new BsonString("FREE")).append("karma", new BsonInt64(i)));
                }
                return Mono.from(customers.insertMany(documents));
            }).blockLast(Duration.ofMinutes(3));
        }
    }

    @AfterAll
    static void drop() {
        namespace.close();
    }

    @Test
    void streams200000DocumentsInOrderWithinA128MegabyteHeap() throws Exception {
        ChildRun run = runCounter("stream");

        assertThat(run.exitCode()).as("exit code; output:%n%s", run.output()).isZero();
        Map<String, Long> result = run.result();
        assertThat(result.get("maxHeap")).as("the child's heap limit").isLessThanOrEqualTo(HEAP_LIMIT);
        assertThat(result.get("count")).isEqualTo(DOCUMENTS);
        assertThat(result.get("outOfOrder")).isZero();
    }

    @Test
    void holdingTheSameDocumentsAtOnceDoesNotFitThatHeap() throws Exception {
        ChildRun run = runCounter("collect");

        assertThat(run.exitCode()).as("exit code; output:%n%s", run.output()).isNotZero();
        assertThat(run.output()).contains("OutOfMemoryError");
    }

    private static ChildRun runCounter(String mode) throws IOException, InterruptedException {
        Path output = Files.createTempFile("document-stream-counter", ".log");
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(java, "-Xmx128m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                    System.getProperty("java.class.path"), DocumentStreamCounter.class.getName(), namespace.mongoUrl(),
                    mode);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("The child JVM did not finish within " + CHILD_TIMEOUT_SECONDS
                        + " s; its output:\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new ChildRun(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** What the child JVM printed and how it ended. */
    private record ChildRun(int exitCode, String output) {

        Map<String, Long> result() {
            String line = output.lines().filter(candidate -> candidate.startsWith(DocumentStreamCounter.RESULT))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("The child printed no result line; its output:\n" + output));
            Map<String, Long> values = new HashMap<>();
            for (String pair : line.substring(DocumentStreamCounter.RESULT.length()).trim().split(" ")) {
                String[] nameAndValue = pair.split("=", 2);
                values.put(nameAndValue[0], Long.parseLong(nameAndValue[1]));
            }
            return values;
        }
    }
}

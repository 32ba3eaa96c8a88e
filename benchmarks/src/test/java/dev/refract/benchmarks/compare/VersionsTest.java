package dev.refract.benchmarks.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.junit.jupiter.api.Test;

/** The report names every library with its version, also of jars whose manifest and descriptor do not state it. */
class VersionsTest {

    @Test
    void aJarWithoutAStatedVersionIsKnownByItsFileName() {
        assertThat(Versions.of(MongoCollection.class, "org.mongodb", "mongodb-driver-reactivestreams"))
                .matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(Versions.of(MongoServer.class, "de.bwaldvogel", "mongo-java-server-core")).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void classesOfABuildFolderHaveNoVersion() {
        assertThat(Versions.of(Versions.class, "dev.refract", "refract-benchmarks")).isEqualTo("unknown");
        assertThat(Versions.fromFileName(MongoServer.class, "another-artifact")).isEqualTo("unknown");
    }
}

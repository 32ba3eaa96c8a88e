package dev.refract.benchmarks.compare.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.benchmarks.compare.Dataset;
import dev.refract.benchmarks.compare.cachedb.Sample;
import org.junit.jupiter.api.Test;

class SampleJsonTest {

    @Test
    void aSeededRecordReadsBackWithTheSeededValues() {
        for (int id : new int[] {1, 10, 7_777}) {
            Sample sample = SampleJson.read(SampleJson.seeded(id));

            assertThat(RawContender.fingerprint(sample)).isEqualTo(Dataset.expectedSample(id));
            assertThat(sample.counter()).isZero();
        }
    }

    @Test
    void aNullCategoryAndFieldsItDoesNotKnowAreRead() {
        String json = SampleJson.seeded(10).replace("{", "{\"later\":{\"a\":[1,2]},");

        Sample sample = SampleJson.read(json);

        assertThat(sample.category()).isNull();
        assertThat(sample.id()).isEqualTo(10);
    }
}

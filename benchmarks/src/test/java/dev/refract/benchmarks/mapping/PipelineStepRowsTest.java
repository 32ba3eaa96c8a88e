package dev.refract.benchmarks.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.pipeline.db.PipelineStep;
import com.example.pipeline.db.PipelineStepMapper;
import com.example.pipeline.db.RefractClientMetadata;
import com.example.pipeline.db.Status;
import dev.refract.json.Json;
import dev.refract.spi.Row;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The mapping benchmark compares like with like only if both mappings read the same row into the
 * same record, and that row fills every position of the model.
 */
class PipelineStepRowsTest {
    private final Row row = PipelineStepRows.step();

    @Test
    void rowHasAPositionForEveryFieldOfTheModel() {
        assertThat(row.size()).isEqualTo(RefractClientMetadata.PIPELINE_STEP.fields().size()).isEqualTo(10);
    }

    @Test
    void generatedAndHandWrittenMappingsProduceTheSameRecord() {
        assertThat(PipelineStepRows.mapByHand(row)).isEqualTo(PipelineStepMapper.map(row));
    }

    @Test
    void generatedMapperReadsEveryColumn() {
        PipelineStep step = PipelineStepMapper.map(row);

        assertThat(step.id()).isEqualTo("01936a3e-7c00-7000-8000-000000000001");
        assertThat(step.run().isLoaded()).isFalse();
        assertThat(step.runId()).isEqualTo("clr0run000000000000000001");
        assertThat(step.position()).isEqualTo(3);
        assertThat(step.name()).isEqualTo("render-video");
        assertThat(step.status()).isEqualTo(Status.COMPLETED);
        assertThat(step.attempts()).isEqualTo(1);
        assertThat(step.durationMs()).isEqualTo(48_250L);
        assertThat(step.output()).isEqualTo(Json.parse("{\"codec\":\"h264\",\"frames\":1440}"));
        assertThat(step.createdAt()).isEqualTo(Instant.parse("2026-11-21T08:00:05Z"));
    }
}

package dev.refract.benchmarks.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.guide.db.RefractClientMetadata;
import dev.refract.meta.CompositeMeta;
import dev.refract.meta.FieldKind;
import dev.refract.meta.FieldMeta;
import java.nio.ByteBuffer;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.Test;

/**
 * The BSON mapping benchmark compares like with like only if every mapping reads the same document into
 * the same record, and that document fills every stored field of the model and of its composite types.
 */
class ReviewerDocumentsTest {
    private final byte[] bytes = ReviewerDocuments.reviewer();
    private final BsonDocument document = new RawBsonDocument(bytes);

    @Test
    void documentHasEveryStoredFieldOfTheModelAndOfTheTypesItEmbeds() {
        assertThat(document.keySet()).containsExactlyElementsOf(storedNames(RefractClientMetadata.REVIEWER.fields()));
        BsonDocument home = document.getDocument("homeAddress");
        assertThat(home.keySet()).containsExactlyElementsOf(storedNames(RefractClientMetadata.ADDRESS_TYPE));
        assertThat(home.getDocument("location").keySet())
                .containsExactlyElementsOf(storedNames(RefractClientMetadata.GEO_POINT_TYPE));
        assertThat(document.getDocument("avatar").keySet())
                .containsExactlyElementsOf(storedNames(RefractClientMetadata.PHOTO_TYPE));
        assertThat(document.get("_id").isObjectId()).isTrue();
        assertThat(document.get("karma").isInt64()).isTrue();
    }

    @Test
    void everyMappingReadsTheDocumentIntoTheExpectedRecord() {
        assertThat(ReviewerDocuments.mapGenerated(ReviewerDocuments.adapterDecoder(), bytes))
                .isEqualTo(ReviewerDocuments.expected());
        assertThat(ReviewerDocuments.mapByHand(bytes)).isEqualTo(ReviewerDocuments.expected());
        assertThat(ReviewerDocuments.mapThroughDocument(bytes)).isEqualTo(ReviewerDocuments.expected());
        assertThat(ReviewerDocuments.expected().homeAddress().location().coordinates()).hasSize(2);
    }

    @Test
    void theHandWrittenDecoderReadsNullsAndSkipsFieldsTheModelLacks() {
        BsonDocument changed = new BsonDocument();
        changed.putAll(document);
        changed.put("avatar", BsonNull.VALUE);
        changed.put("legacyScore", new BsonInt32(7));
        byte[] encoded = toBytes(changed);

        assertThat(ReviewerDocuments.mapByHand(encoded).avatar()).isNull();
        assertThat(ReviewerDocuments.mapByHand(encoded).homeAddress()).isEqualTo(ReviewerDocuments.expected().homeAddress());
    }

    @Test
    void theAdapterDecoderReadsNullsAndSkipsFieldsTheModelLacksAsTheHandWrittenOneDoes() {
        BsonDocument changed = new BsonDocument();
        changed.putAll(document);
        changed.put("avatar", BsonNull.VALUE);
        changed.put("legacyScore", new BsonInt32(7));
        byte[] encoded = toBytes(changed);

        assertThat(ReviewerDocuments.mapGenerated(ReviewerDocuments.adapterDecoder(), encoded))
                .isEqualTo(ReviewerDocuments.mapByHand(encoded));
    }

    private static List<String> storedNames(List<FieldMeta> fields) {
        return fields.stream().filter(field -> field.kind() != FieldKind.RELATION).map(FieldMeta::dbName).toList();
    }

    private static List<String> storedNames(CompositeMeta type) {
        return storedNames(type.fields());
    }

    private static byte[] toBytes(BsonDocument document) {
        ByteBuffer buffer = new RawBsonDocument(document, new BsonDocumentCodec()).getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}

package dev.refract.mongo.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.QueryFailedException;
import dev.refract.json.Json;
import dev.refract.mongo.store.RefractClientMetadata;
import dev.refract.spi.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.BsonBinary;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.codecs.DecoderContext;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/** The scalar set to BSON and back, without a server. */
class ValueCodecsTest {

    private static final ModelCodecs CODECS = new ModelCodecs(RefractClientMetadata.SCHEMA, ScalarCodecs.standard());
    private static final DocumentLayout CUSTOMER = CODECS.model(0);
    private static final DocumentLayout ORDER = CODECS.model(1);

    private static Object read(DocumentLayout layout, int field, BsonValue stored) {
        BsonDocumentReader reader = new BsonDocumentReader(new BsonDocument("v", stored));
        reader.readStartDocument();
        BsonType type = reader.readBsonType();
        reader.readName();
        return layout.codec(field).decode(reader, type);
    }

    @Test
    void eachScalarIsWrittenAsItsOneBsonType() {
        ObjectId id = new ObjectId();
        assertThat(CUSTOMER.codec(0).encode(id.toHexString())).isEqualTo(new BsonObjectId(id));
        assertThat(CUSTOMER.codec(4).encode(7L)).isEqualTo(new BsonInt64(7));
        assertThat(ORDER.codec(1).encode(7)).isEqualTo(new BsonInt32(7));
        assertThat(CUSTOMER.codec(5).encode(1.5)).isEqualTo(new BsonDouble(1.5));
        assertThat(CUSTOMER.codec(6).encode(new BigDecimal("1.10")))
                .isEqualTo(new BsonDecimal128(Decimal128.parse("1.10")));
        assertThat(CUSTOMER.codec(7).encode(Instant.parse("2024-01-02T03:04:05.678901Z")))
                .isEqualTo(new BsonDateTime(Instant.parse("2024-01-02T03:04:05.678Z").toEpochMilli()));
        assertThat(CUSTOMER.codec(8).encode(new byte[] {1, 2})).isEqualTo(new BsonBinary(new byte[] {1, 2}));
        assertThat(CUSTOMER.codec(3).encode("pro")).isEqualTo(new BsonString("pro"));
    }

    @Test
    void jsonIsNativeBsonWithExactNumbers() {
        Json json = Json.parse("{\"a\": [1, 12345678901, 0.1, \"x\", null, true], \"b\": {\"c\": 1.50}}");
        BsonValue bson = CUSTOMER.codec(9).encode(json);

        assertThat(bson.asDocument().getArray("a").get(0)).isEqualTo(new BsonInt32(1));
        assertThat(bson.asDocument().getArray("a").get(1)).isEqualTo(new BsonInt64(12345678901L));
        assertThat(bson.asDocument().getArray("a").get(2).getBsonType()).isEqualTo(BsonType.DECIMAL128);
        assertThat(read(CUSTOMER, 9, bson)).isEqualTo(json);
    }

    @Test
    void compositeValuesAreEmbeddedDocumentsNestedAndInLists() {
        Row address = Row.of("Main St", "Zurich", Row.of(47.0, 8.5));
        BsonValue stored = CUSTOMER.codec(11).encode(address);
        assertThat(stored.asDocument().toJson()).isEqualTo("{\"street\": \"Main St\", \"city\": \"Zurich\", \"geo\":"
                + " {\"lat\": 47.0, \"lng\": 8.5}}");
        assertThat(read(CUSTOMER, 11, stored)).isEqualTo(address);
        List<Row> lines = List.of(Row.of("a", 1, new BigDecimal("2.5")), Row.of("b", 2, new BigDecimal("1")));
        assertThat(read(ORDER, 2, ORDER.codec(2).encode(lines))).isEqualTo(lines);
    }

    @Test
    void readingWidensWhatAnotherWriterStored() {
        assertThat(read(CUSTOMER, 4, new BsonInt32(5))).isEqualTo(5L);
        assertThat(read(ORDER, 1, new BsonInt64(5))).isEqualTo(5);
        assertThat(read(ORDER, 1, new BsonDouble(5.0))).isEqualTo(5);
        assertThat(read(CUSTOMER, 5, new BsonInt64(5))).isEqualTo(5.0);
        assertThat(read(CUSTOMER, 6, new BsonInt32(5))).isEqualTo(BigDecimal.valueOf(5));
        assertThat(read(CUSTOMER, 0, new BsonString("plain"))).isEqualTo("plain");
    }

    @Test
    void aValueThatDoesNotFitFailsNamingModelFieldAndId() {
        BsonDocument document = new BsonDocument("_id", new BsonObjectId(new ObjectId("65a1b2c3d4e5f60718293a4b")))
                .append("email", new BsonString("a@x")).append("karma", new BsonString("many"));
        RowCodec codec = new RowCodec(CUSTOMER, dev.refract.mongo.codec.ReadShape.ALL);

        assertThatThrownBy(() -> codec.decode(new BsonDocumentReader(document), DecoderContext.builder().build()))
                .isInstanceOf(QueryFailedException.class)
                .hasMessageContaining("Customer").hasMessageContaining("karma")
                .hasMessageContaining("65a1b2c3d4e5f60718293a4b");
        assertThatThrownBy(() -> read(ORDER, 1, new BsonInt64(1L << 40))).isInstanceOf(ValueMismatchException.class);
    }

    @Test
    void aRowHoldsTheSelectedFieldsCountsAndParentKeyAtTheirPositions() {
        BsonDocument document = new BsonDocument("_id", new BsonObjectId(new ObjectId("65a1b2c3d4e5f60718293a4b")))
                .append("number", new BsonInt32(3)).append("customerId", new BsonString("c"))
                .append("unknown", new BsonString("skipped"));
        boolean[] selected = new boolean[7];
        selected[1] = true;
        RowCodec codec = new RowCodec(ORDER, new ReadShape(selected, Map.of(), List.of(6)));

        Row row = codec.decode(new BsonDocumentReader(document), DecoderContext.builder().build());
        assertThat(row.size()).isEqualTo(9);
        assertThat(row.get(0)).isNull();
        assertThat(row.get(1)).isEqualTo(3);
        assertThat(row.get(6)).isNull();
        assertThat(row.get(8)).isEqualTo("c");
    }

    @Test
    void bsonNullInAJsonFieldIsTheJsonNullValueAndElsewhereNoValue() {
        assertThat(read(CUSTOMER, 9, org.bson.BsonNull.VALUE)).isEqualTo(Json.parse("null"));
        assertThat(read(CUSTOMER, 5, org.bson.BsonNull.VALUE)).isNull();
        assertThat(CUSTOMER.codec(9).holdsJson()).isTrue();
        assertThat(CUSTOMER.codec(5).holdsJson()).isFalse();
    }
}

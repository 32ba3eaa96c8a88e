package dev.refract.benchmarks.mapping;

import com.example.guide.db.Address;
import com.example.guide.db.GeoPoint;
import com.example.guide.db.Photo;
import com.example.guide.db.RefractClientMetadata;
import com.example.guide.db.Reviewer;
import com.example.guide.db.ReviewerMapper;
import dev.refract.mongo.codec.ModelCodecs;
import dev.refract.mongo.codec.ReadShape;
import dev.refract.mongo.codec.RowCodec;
import dev.refract.mongo.codec.ScalarCodecs;
import dev.refract.relation.Relation;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.ObjectId;

/**
 * A stored {@code Reviewer} of the MongoDB catalog corpus schema as the server sends it (the bytes of
 * one BSON document), Refract's decoding of it (the MongoDB adapter's document decoder and the generated
 * mapper), and the hand-written mappings that decoding is measured against.
 *
 * <p>The document fills every field, the optional ones included: the ObjectId {@code _id}, two strings,
 * {@code homeAddress} (an embedded {@code Address} that embeds a {@code GeoPoint} with a list of two
 * doubles), {@code avatar} (an embedded {@code Photo} with a date) and the 64-bit {@code karma}. The
 * relations {@code reviews} and {@code venues} are not stored in it.
 */
public final class ReviewerDocuments {

    private static final DecoderContext CONTEXT = DecoderContext.builder().build();
    private static final DocumentCodec DOCUMENTS = new DocumentCodec();

    private ReviewerDocuments() {
    }

    /** The reviewer the document holds, as its record. */
    public static Reviewer expected() {
        return new Reviewer("6955b9000000000000000011", "Ada Quinn", "ada.quinn@example.com",
                new Address("Oranienstraße 25", "Berlin", "10999", "DE", new GeoPoint("Point", List.of(13.4172, 52.5009))),
                new Photo("https://images.example.com/reviewers/17.jpg", "At the market", 640, 480,
                        Instant.parse("2026-10-03T09:15:00Z")),
                1_234_567_890_123L, Relation.notLoaded("Reviewer", "reviews"), Relation.notLoaded("Reviewer", "venues"),
                null);
    }

    /** The BSON bytes of the document, as the driver receives them in a reply. */
    public static byte[] reviewer() {
        Reviewer r = expected();
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            writer.writeStartDocument();
            writer.writeObjectId("_id", new ObjectId(r.id()));
            writer.writeString("displayName", r.displayName());
            writer.writeString("email", r.email());
            writer.writeStartDocument("homeAddress");
            writer.writeString("street", r.homeAddress().street());
            writer.writeString("city", r.homeAddress().city());
            writer.writeString("postalCode", r.homeAddress().postalCode());
            writer.writeString("country", r.homeAddress().country());
            writer.writeStartDocument("location");
            writer.writeString("type", r.homeAddress().location().type());
            writer.writeStartArray("coordinates");
            for (double coordinate : r.homeAddress().location().coordinates()) {
                writer.writeDouble(coordinate);
            }
            writer.writeEndArray();
            writer.writeEndDocument();
            writer.writeEndDocument();
            writer.writeStartDocument("avatar");
            writer.writeString("url", r.avatar().url());
            writer.writeString("caption", r.avatar().caption());
            writer.writeInt32("width", r.avatar().width());
            writer.writeInt32("height", r.avatar().height());
            writer.writeDateTime("takenAt", r.avatar().takenAt().toEpochMilli());
            writer.writeEndDocument();
            writer.writeInt64("karma", r.karma());
            writer.writeEndDocument();
        }
        return buffer.toByteArray();
    }

    /**
     * The MongoDB adapter's decoder of {@code Reviewer} documents, built as the adapter builds it for a read
     * of every field: the model's document layout over the standard scalar codecs, no counts, no tag.
     */
    public static RowCodec adapterDecoder() {
        ModelCodecs codecs = new ModelCodecs(RefractClientMetadata.SCHEMA, ScalarCodecs.standard());
        return new RowCodec(codecs.model(RefractClientMetadata.REVIEWER.index()), ReadShape.ALL);
    }

    /**
     * The document decoded as Refract's client decodes a reply: the adapter's {@code decoder} reads it into a
     * positional row, embedded documents into rows of their own, and the generated mapper maps that row to the
     * record.
     */
    public static Reviewer mapGenerated(RowCodec decoder, byte[] document) {
        return ReviewerMapper.map(decoder.decode(new BsonBinaryReader(ByteBuffer.wrap(document)), CONTEXT));
    }

    /**
     * The document decoded by hand, as a careful engineer writes a driver {@code Codec} for the record:
     * field by field from the driver's reader straight into the records, nested documents by their own
     * methods, a field the document lacks left {@code null}, one it has beyond the model's skipped, the
     * relations known not to be loaded.
     */
    public static Reviewer mapByHand(byte[] document) {
        return decode(new BsonBinaryReader(ByteBuffer.wrap(document)));
    }

    /**
     * The document decoded by the driver's generic {@link DocumentCodec} into a {@link Document}, then
     * mapped by hand into the records: what a driver user without a codec of their own writes.
     */
    public static Reviewer mapThroughDocument(byte[] document) {
        Document d = DOCUMENTS.decode(new BsonBinaryReader(ByteBuffer.wrap(document)), CONTEXT);
        Document home = d.get("homeAddress", Document.class);
        Document avatar = d.get("avatar", Document.class);
        return new Reviewer(d.getObjectId("_id").toHexString(), d.getString("displayName"), d.getString("email"),
                home == null ? null : address(home), avatar == null ? null : photo(avatar), d.getLong("karma"),
                Relation.notLoaded("Reviewer", "reviews"), Relation.notLoaded("Reviewer", "venues"), null);
    }

    private static Reviewer decode(BsonReader reader) {
        String id = null;
        String displayName = null;
        String email = null;
        Address homeAddress = null;
        Photo avatar = null;
        Long karma = null;
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            switch (reader.readName()) {
                case "_id" -> id = reader.readObjectId().toHexString();
                case "displayName" -> displayName = reader.readString();
                case "email" -> email = reader.readString();
                case "homeAddress" -> homeAddress = isNull(reader) ? null : address(reader);
                case "avatar" -> avatar = isNull(reader) ? null : photo(reader);
                case "karma" -> karma = reader.readInt64();
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        return new Reviewer(id, displayName, email, homeAddress, avatar, karma, Relation.notLoaded("Reviewer", "reviews"),
                Relation.notLoaded("Reviewer", "venues"), null);
    }

    private static Address address(BsonReader reader) {
        String street = null;
        String city = null;
        String postalCode = null;
        String country = null;
        GeoPoint location = null;
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            switch (reader.readName()) {
                case "street" -> street = reader.readString();
                case "city" -> city = reader.readString();
                case "postalCode" -> postalCode = isNull(reader) ? null : reader.readString();
                case "country" -> country = reader.readString();
                case "location" -> location = isNull(reader) ? null : geoPoint(reader);
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        return new Address(street, city, postalCode, country, location);
    }

    private static GeoPoint geoPoint(BsonReader reader) {
        String type = null;
        List<Double> coordinates = null;
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            switch (reader.readName()) {
                case "type" -> type = reader.readString();
                case "coordinates" -> {
                    List<Double> values = new ArrayList<>(2);
                    reader.readStartArray();
                    while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                        values.add(reader.readDouble());
                    }
                    reader.readEndArray();
                    coordinates = List.copyOf(values);
                }
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        return new GeoPoint(type, coordinates);
    }

    private static Photo photo(BsonReader reader) {
        String url = null;
        String caption = null;
        Integer width = null;
        Integer height = null;
        Instant takenAt = null;
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            switch (reader.readName()) {
                case "url" -> url = reader.readString();
                case "caption" -> caption = isNull(reader) ? null : reader.readString();
                case "width" -> width = reader.readInt32();
                case "height" -> height = reader.readInt32();
                case "takenAt" -> takenAt = isNull(reader) ? null : Instant.ofEpochMilli(reader.readDateTime());
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        return new Photo(url, caption, width, height, takenAt);
    }

    private static Address address(Document d) {
        Document location = d.get("location", Document.class);
        return new Address(d.getString("street"), d.getString("city"), d.getString("postalCode"), d.getString("country"),
                location == null ? null : new GeoPoint(location.getString("type"),
                        List.copyOf(location.getList("coordinates", Double.class))));
    }

    private static Photo photo(Document d) {
        Date takenAt = d.getDate("takenAt");
        return new Photo(d.getString("url"), d.getString("caption"), d.getInteger("width"), d.getInteger("height"),
                takenAt == null ? null : takenAt.toInstant());
    }

    /** True, after reading it, when the current value is BSON null. */
    private static boolean isNull(BsonReader reader) {
        if (reader.getCurrentBsonType() == BsonType.NULL) {
            reader.readNull();
            return true;
        }
        return false;
    }
}

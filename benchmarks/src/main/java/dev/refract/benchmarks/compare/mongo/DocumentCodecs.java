package dev.refract.benchmarks.compare.mongo;

import dev.refract.benchmarks.compare.mongo.db.Child;
import dev.refract.benchmarks.compare.mongo.db.Entry;
import dev.refract.benchmarks.compare.mongo.db.Sample;
import dev.refract.relation.Relation;
import java.time.Instant;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.types.ObjectId;

/**
 * The hand-written codecs of the raw driver's contender: each reads a document field by field from the
 * driver's {@link BsonReader} straight into the generated record, and writes one field by field, as a
 * careful engineer would write them for the driver's codec registry, without an intermediate
 * {@code Document}. A field the document lacks stays {@code null}; one it has beyond the model's is skipped.
 */
final class DocumentCodecs {

    private DocumentCodecs() {
    }

    /** A parent's own fields, before its children are stitched on. */
    record ParentRow(String id, String name) {
    }

    /** The ten-field documents of the {@code Sample} collection. */
    static final class SampleCodec implements Codec<Sample> {

        @Override
        public Sample decode(BsonReader reader, DecoderContext context) {
            Fields f = Fields.read(reader);
            return new Sample(f.id, f.name, f.email, f.category, f.quantity, f.counter, f.price, f.total, f.active,
                    f.createdAt);
        }

        @Override
        public void encode(BsonWriter writer, Sample sample, EncoderContext context) {
            Fields.write(writer, sample.id(), sample.name(), sample.email(), sample.category(), sample.quantity(),
                    sample.counter(), sample.price(), sample.total(), sample.active(), sample.createdAt());
        }

        @Override
        public Class<Sample> getEncoderClass() {
            return Sample.class;
        }
    }

    /** The ten-field documents of the {@code Entry} collection, which the creates write. */
    static final class EntryCodec implements Codec<Entry> {

        @Override
        public Entry decode(BsonReader reader, DecoderContext context) {
            Fields f = Fields.read(reader);
            return new Entry(f.id, f.name, f.email, f.category, f.quantity, f.counter, f.price, f.total, f.active,
                    f.createdAt);
        }

        @Override
        public void encode(BsonWriter writer, Entry entry, EncoderContext context) {
            Fields.write(writer, entry.id(), entry.name(), entry.email(), entry.category(), entry.quantity(),
                    entry.counter(), entry.price(), entry.total(), entry.active(), entry.createdAt());
        }

        @Override
        public Class<Entry> getEncoderClass() {
            return Entry.class;
        }
    }

    /** The parents' documents: an id and a name. */
    static final class ParentCodec implements Codec<ParentRow> {

        @Override
        public ParentRow decode(BsonReader reader, DecoderContext context) {
            String id = null;
            String name = null;
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                switch (reader.readName()) {
                    case "_id" -> id = reader.readObjectId().toHexString();
                    case "name" -> name = reader.readString();
                    default -> reader.skipValue();
                }
            }
            reader.readEndDocument();
            return new ParentRow(id, name);
        }

        @Override
        public void encode(BsonWriter writer, ParentRow parent, EncoderContext context) {
            writer.writeStartDocument();
            writer.writeObjectId("_id", new ObjectId(parent.id()));
            writer.writeString("name", parent.name());
            writer.writeEndDocument();
        }

        @Override
        public Class<ParentRow> getEncoderClass() {
            return ParentRow.class;
        }
    }

    /** The children's documents, each referring to its parent by the parent's ObjectId. */
    static final class ChildCodec implements Codec<Child> {

        @Override
        public Child decode(BsonReader reader, DecoderContext context) {
            String id = null;
            String parentId = null;
            Integer position = null;
            String label = null;
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                switch (reader.readName()) {
                    case "_id" -> id = reader.readObjectId().toHexString();
                    case "parentId" -> parentId = reader.readObjectId().toHexString();
                    case "position" -> position = reader.readInt32();
                    case "label" -> label = reader.readString();
                    default -> reader.skipValue();
                }
            }
            reader.readEndDocument();
            return new Child(id, Relation.notLoaded("Child", "parent"), parentId, position, label);
        }

        @Override
        public void encode(BsonWriter writer, Child child, EncoderContext context) {
            writer.writeStartDocument();
            writer.writeObjectId("_id", new ObjectId(child.id()));
            writer.writeObjectId("parentId", new ObjectId(child.parentId()));
            writer.writeInt32("position", child.position());
            writer.writeString("label", child.label());
            writer.writeEndDocument();
        }

        @Override
        public Class<Child> getEncoderClass() {
            return Child.class;
        }
    }

    /** The ten fields both ten-field collections hold, read in whatever order the document has them. */
    private static final class Fields {
        String id;
        String name;
        String email;
        String category;
        Integer quantity;
        Integer counter;
        Double price;
        Long total;
        Boolean active;
        Instant createdAt;

        static Fields read(BsonReader reader) {
            Fields f = new Fields();
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                switch (reader.readName()) {
                    case "_id" -> f.id = reader.readObjectId().toHexString();
                    case "name" -> f.name = reader.readString();
                    case "email" -> f.email = reader.readString();
                    case "category" -> f.category = nullOr(reader) ? null : reader.readString();
                    case "quantity" -> f.quantity = reader.readInt32();
                    case "counter" -> f.counter = counter(reader);
                    case "price" -> f.price = reader.readDouble();
                    case "total" -> f.total = reader.readInt64();
                    case "active" -> f.active = reader.readBoolean();
                    case "createdAt" -> f.createdAt = Instant.ofEpochMilli(reader.readDateTime());
                    default -> reader.skipValue();
                }
            }
            reader.readEndDocument();
            return f;
        }

        static void write(BsonWriter writer, String id, String name, String email, String category, int quantity,
                int counter, double price, long total, boolean active, Instant createdAt) {
            writer.writeStartDocument();
            writer.writeObjectId("_id", new ObjectId(id));
            writer.writeString("name", name);
            writer.writeString("email", email);
            if (category == null) {
                writer.writeNull("category");
            } else {
                writer.writeString("category", category);
            }
            writer.writeInt32("quantity", quantity);
            writer.writeInt32("counter", counter);
            writer.writeDouble("price", price);
            writer.writeInt64("total", total);
            writer.writeBoolean("active", active);
            writer.writeDateTime("createdAt", createdAt.toEpochMilli());
            writer.writeEndDocument();
        }

        /**
         * The counter, an int32 as the schema's {@code Int} is stored, or an int64 should a library have
         * incremented it by a 64-bit value: the increments of all contenders land on the same documents.
         */
        private static int counter(BsonReader reader) {
            return reader.getCurrentBsonType() == BsonType.INT64 ? Math.toIntExact(reader.readInt64()) : reader.readInt32();
        }

        /** True, after reading it, when the current value is BSON null. */
        private static boolean nullOr(BsonReader reader) {
            if (reader.getCurrentBsonType() == BsonType.NULL) {
                reader.readNull();
                return true;
            }
            return false;
        }
    }
}

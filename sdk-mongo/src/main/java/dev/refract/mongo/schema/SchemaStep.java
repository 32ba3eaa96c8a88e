package dev.refract.mongo.schema;

import java.util.List;
import java.util.Objects;
import org.bson.Document;

/**
 * One change to the collections or indexes of a MongoDB database, as the MongoDB command that makes
 * it. A migration of a MongoDB datasource is a list of these commands; {@link StepRunner} runs each
 * so that running it again changes nothing.
 */
public sealed interface SchemaStep {

    /** The MongoDB command that makes the change, e.g. {@code {"create": "User"}}. */
    Document command();

    /** The change in words, e.g. {@code create collection User}. */
    String describe();

    /** {@code {"create": collection}}: creates an empty collection. */
    record CreateCollection(String collection) implements SchemaStep {

        public CreateCollection {
            Objects.requireNonNull(collection, "collection");
        }

        @Override
        public Document command() {
            return new Document("create", collection);
        }

        @Override
        public String describe() {
            return "create collection " + collection;
        }
    }

    /** {@code {"createIndexes": collection, "indexes": [index]}}: creates one index. */
    record CreateIndex(String collection, IndexDefinition index) implements SchemaStep {

        public CreateIndex {
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(index, "index");
        }

        @Override
        public Document command() {
            return new Document("createIndexes", collection).append("indexes", List.of(index.toDocument()));
        }

        @Override
        public String describe() {
            return "create " + index.describe() + " on " + collection;
        }
    }

    /** {@code {"dropIndexes": collection, "index": name}}: drops one index by name. */
    record DropIndex(String collection, String index) implements SchemaStep {

        public DropIndex {
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(index, "index");
        }

        @Override
        public Document command() {
            return new Document("dropIndexes", collection).append("index", index);
        }

        @Override
        public String describe() {
            return "drop index " + index + " of " + collection;
        }
    }

    /** {@code {"drop": collection}}: drops a collection with its documents; Refract never writes it itself. */
    record DropCollection(String collection) implements SchemaStep {

        public DropCollection {
            Objects.requireNonNull(collection, "collection");
        }

        @Override
        public Document command() {
            return new Document("drop", collection);
        }

        @Override
        public String describe() {
            return "drop collection " + collection + " with its documents";
        }
    }

    /**
     * Any other command written into a migration by hand ({@code collMod}, {@code update}, …): run as
     * written, and unknown to the diff.
     */
    record Command(Document command) implements SchemaStep {

        public Command {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public String describe() {
            return "run " + command.toJson();
        }
    }

    /**
     * The step {@code command} makes: one of the kinds above when it is one Refract writes, else a
     * {@link Command}.
     *
     * @throws IllegalArgumentException when {@code command} is empty
     */
    static SchemaStep of(Document command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("An empty document is no MongoDB command: write one such as"
                    + " {\"create\": \"User\"}");
        }
        String verb = command.keySet().iterator().next();
        Object target = command.get(verb);
        if (!(target instanceof String collection)) {
            return new Command(command);
        }
        if (verb.equals("create") && command.size() == 1) {
            return new CreateCollection(collection);
        }
        if (verb.equals("drop") && command.size() == 1) {
            return new DropCollection(collection);
        }
        if (verb.equals("dropIndexes") && command.size() == 2 && command.get("index") instanceof String index) {
            return new DropIndex(collection, index);
        }
        if (verb.equals("createIndexes") && command.size() == 2 && command.get("indexes") instanceof List<?> indexes
                && indexes.size() == 1 && indexes.get(0) instanceof Document index) {
            return new CreateIndex(collection, IndexDefinition.of(index));
        }
        return new Command(command);
    }
}

package dev.refract.benchmarks.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes the text of a large, realistic PostgreSQL schema for benchmarks: models of 6 to 15 own
 * fields covering every scalar type, enums (some with mapped values), relations between
 * neighbouring models, indexes, unique constraints, table and column mappings and doc comments.
 *
 * <p>The text depends only on the model count and the seed, so every run of a benchmark measures
 * the same input.
 */
public final class LargeSchemaWriter {

    /** The size the parse benchmarks measure. */
    public static final int DEFAULT_MODEL_COUNT = 200;

    /** The seed the parse benchmarks use. */
    public static final long DEFAULT_SEED = 20_261_121L;

    private static final List<String> AREAS = List.of("Billing", "Catalog", "Shipping", "Support", "Identity",
            "Analytics", "Inventory", "Marketing", "Payroll", "Scheduling");

    private static final List<String> NOUNS = List.of("Account", "Invoice", "Item", "Order", "Ticket", "Event",
            "Record", "Entry", "Report", "Batch", "Plan", "Rule", "Task", "Note", "Asset", "Contract", "Payment",
            "Request", "Review", "Policy");

    /** String fields that read naturally as unique keys. */
    private static final Set<String> UNIQUE_NAMES = Set.of("code", "email", "reference", "externalId", "slug");

    /** String fields of free text, which make no sense in a unique key. */
    private static final Set<String> FREE_TEXT_NAMES = Set.of("description", "note", "comment");

    private static final List<String> ENUM_SUFFIXES = List.of("Status", "Stage", "Kind", "Level", "Channel");

    private static final List<List<String>> ENUM_VALUES = List.of(
            List.of("PENDING", "ACTIVE", "SUSPENDED", "CLOSED"),
            List.of("DRAFT", "SUBMITTED", "APPROVED", "REJECTED", "ARCHIVED"),
            List.of("STANDARD", "PREMIUM", "INTERNAL"),
            List.of("LOW", "MEDIUM", "HIGH", "CRITICAL"),
            List.of("EMAIL", "PHONE", "WEB", "API", "PARTNER", "IN_PERSON"));

    private final int modelCount;
    private final long seed;

    /**
     * @param modelCount how many models to write; at least 1
     * @param seed       picks field names, types and options; the same seed gives the same text
     */
    public LargeSchemaWriter(int modelCount, long seed) {
        if (modelCount < 1) {
            throw new IllegalArgumentException("modelCount must be at least 1, was " + modelCount);
        }
        this.modelCount = modelCount;
        this.seed = seed;
    }

    /** A writer of the schema the benchmarks measure: {@value #DEFAULT_MODEL_COUNT} models. */
    public static LargeSchemaWriter standard() {
        return new LargeSchemaWriter(DEFAULT_MODEL_COUNT, DEFAULT_SEED);
    }

    /** The whole schema text. */
    public String write() {
        Random random = new Random(seed);
        List<EnumPlan> enums = planEnums();
        List<ModelPlan> models = planModels(random);
        StringBuilder out = new StringBuilder(modelCount * 900);
        out.append("// A synthetic back office of ").append(modelCount)
                .append(" models, written for benchmarks.\n\n");
        out.append("datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n");
        out.append("generator client {\n  provider = \"refract-java\"\n  package  = \"com.example.backoffice.db\"\n}\n");
        for (EnumPlan plan : enums) {
            writeEnum(out, plan);
        }
        for (ModelPlan plan : models) {
            writeModel(out, plan, models, enums, random);
        }
        return out.toString();
    }

    private record EnumPlan(String name, List<String> values, boolean mapped) {}

    /** How a model's primary key is typed and filled. */
    private enum IdKind {
        INT("Int", "@default(autoincrement())"),
        BIGINT("BigInt", "@default(autoincrement())"),
        CUID("String", "@default(cuid())");

        final String type;
        final String defaultAttribute;

        IdKind(String type, String defaultAttribute) {
            this.type = type;
            this.defaultAttribute = defaultAttribute;
        }
    }

    /**
     * @param parents indexes of the models this one points at with a foreign key
     * @param ownFields how many fields the model declares, relation fields towards its parents included
     */
    private record ModelPlan(int index, String name, String plural, IdKind idKind, List<Integer> parents,
            List<Boolean> optionalParents, int ownFields, boolean mapped) {}

    private List<EnumPlan> planEnums() {
        int count = Math.max(1, modelCount / 10);
        List<EnumPlan> enums = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int suffix = (i / AREAS.size()) % ENUM_SUFFIXES.size();
            int round = i / (AREAS.size() * ENUM_SUFFIXES.size());
            String name = AREAS.get(i % AREAS.size()) + ENUM_SUFFIXES.get(suffix) + roundSuffix(round);
            enums.add(new EnumPlan(name, ENUM_VALUES.get(suffix), i % 2 == 1));
        }
        return enums;
    }

    private List<ModelPlan> planModels(Random random) {
        List<ModelPlan> models = new ArrayList<>(modelCount);
        IdKind[] idKinds = IdKind.values();
        for (int i = 0; i < modelCount; i++) {
            String noun = NOUNS.get(i % NOUNS.size());
            String area = AREAS.get((i / NOUNS.size()) % AREAS.size());
            String round = roundSuffix(i / (NOUNS.size() * AREAS.size()));
            List<Integer> parents = new ArrayList<>(2);
            List<Boolean> optional = new ArrayList<>(2);
            if (i > 0) {
                parents.add(i - 1);
                optional.add(random.nextInt(3) == 0);
            }
            // a second, longer-range relation on every seventh model; always a different pair
            if (i >= 7 && i % 7 == 0) {
                parents.add(i - 7);
                optional.add(true);
            }
            int ownFields = 6 + random.nextInt(10);
            models.add(new ModelPlan(i, area + noun + round, area + plural(noun) + round,
                    idKinds[random.nextInt(idKinds.length)], List.copyOf(parents), List.copyOf(optional),
                    ownFields, i % 4 == 3));
        }
        return models;
    }

    private static String roundSuffix(int round) {
        return round == 0 ? "" : Integer.toString(round + 1);
    }

    private static String plural(String noun) {
        if (noun.endsWith("y")) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        if (noun.endsWith("ch")) {
            return noun + "es";
        }
        return noun + "s";
    }

    private static void writeEnum(StringBuilder out, EnumPlan plan) {
        out.append("\n/// ").append(plan.name()).append(" values used across the back office.\n");
        out.append("enum ").append(plan.name()).append(" {\n");
        int width = plan.values().stream().mapToInt(String::length).max().orElse(0);
        for (String value : plan.values()) {
            out.append("  ");
            if (plan.mapped()) {
                out.append(pad(value, width)).append(" @map(\"").append(value.toLowerCase(Locale.ROOT)).append("\")");
            } else {
                out.append(value);
            }
            out.append('\n');
        }
        if (plan.mapped()) {
            out.append("\n  @@map(\"").append(snake(plan.name())).append("\")\n");
        }
        out.append("}\n");
    }

    /** One field line before alignment: name, type and attributes, with an optional doc comment. */
    private record FieldLine(String doc, String name, String type, String attributes) {}

    private void writeModel(StringBuilder out, ModelPlan plan, List<ModelPlan> models, List<EnumPlan> enums,
            Random random) {
        List<FieldLine> fields = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        List<String> attributes = new ArrayList<>();
        fields.add(new FieldLine(null, "id", plan.idKind().type, "@id " + plan.idKind().defaultAttribute));
        names.add("id");
        List<String> foreignKeys = new ArrayList<>();
        for (int p = 0; p < plan.parents().size(); p++) {
            ModelPlan parent = models.get(plan.parents().get(p));
            boolean optional = plan.optionalParents().get(p);
            String relationName = lowerFirst(parent.name());
            String foreignKey = relationName + "Id";
            String onDelete = optional ? "SetNull" : "Cascade";
            fields.add(new FieldLine(null, relationName, parent.name() + (optional ? "?" : ""),
                    "@relation(fields: [" + foreignKey + "], references: [id], onDelete: " + onDelete + ")"));
            fields.add(new FieldLine(null, foreignKey, parent.idKind().type + (optional ? "?" : ""),
                    columnMap(plan, foreignKey)));
            names.add(relationName);
            names.add(foreignKey);
            foreignKeys.add(foreignKey);
        }
        EnumPlan enumPlan = enumFor(plan, enums);
        String enumField = lowerFirst(enumPlan.name().replaceFirst("^[A-Z][a-z]+", ""));
        fields.add(new FieldLine(null, enumField, enumPlan.name(),
                join("@default(" + enumPlan.values().get(0) + ")", columnMap(plan, enumField))));
        names.add(enumField);

        List<String> uniqueCandidates = new ArrayList<>();
        int scalarSlot = random.nextInt(SCALARS.size());
        while (fields.size() < plan.ownFields()) {
            ScalarField field = SCALARS.get(scalarSlot % SCALARS.size());
            scalarSlot++;
            String name = field.names().get(random.nextInt(field.names().size()));
            if (!names.add(name)) {
                continue;
            }
            boolean optional = field.optionalAllowed() && random.nextInt(4) == 0;
            String fieldAttributes = optional ? field.attributes().replaceFirst("@default\\([^)]*\\)\\)?\\s*", "")
                    : field.attributes();
            if (UNIQUE_NAMES.contains(name) && !optional && random.nextInt(2) == 0) {
                fieldAttributes = join("@unique", fieldAttributes);
            }
            String doc = random.nextInt(4) == 0 ? docFor(name, plan.name()) : null;
            fields.add(new FieldLine(doc, name, field.type() + (optional ? "?" : ""),
                    join(fieldAttributes.strip(), columnMap(plan, name))));
            if (!optional && !FREE_TEXT_NAMES.contains(name)
                    && (field.type().equals("String") || field.type().equals("Int"))) {
                uniqueCandidates.add(name);
            }
        }
        for (ModelPlan child : models) {
            for (int p = 0; p < child.parents().size(); p++) {
                if (child.parents().get(p) == plan.index()) {
                    fields.add(new FieldLine(null, lowerFirst(child.plural()), child.name() + "[]", ""));
                }
            }
        }

        if (uniqueCandidates.size() >= 2 && random.nextInt(3) == 0) {
            attributes.add("@@unique([" + uniqueCandidates.get(0) + ", " + uniqueCandidates.get(1) + "])");
        }
        for (String foreignKey : foreignKeys) {
            attributes.add("@@index([" + foreignKey + "])");
        }
        if (names.contains("createdAt")) {
            attributes.add("@@index([" + enumField + ", createdAt])");
        }
        if (plan.mapped()) {
            attributes.add("@@map(\"" + snake(plan.name()) + "\")");
        }

        out.append("\n/// A ").append(words(plan.name())).append(" of the back office.\n");
        out.append("model ").append(plan.name()).append(" {\n");
        int nameWidth = fields.stream().mapToInt(f -> f.name().length()).max().orElse(0);
        int typeWidth = fields.stream().mapToInt(f -> f.type().length()).max().orElse(0);
        for (FieldLine field : fields) {
            if (field.doc() != null) {
                out.append("  /// ").append(field.doc()).append('\n');
            }
            String line = "  " + pad(field.name(), nameWidth) + " " + pad(field.type(), typeWidth) + " "
                    + field.attributes();
            out.append(line.stripTrailing()).append('\n');
        }
        if (!attributes.isEmpty()) {
            out.append('\n');
            for (String attribute : attributes) {
                out.append("  ").append(attribute).append('\n');
            }
        }
        out.append("}\n");
    }

    /** One of the enums of the model's own area where there is one, so that names read together. */
    private static EnumPlan enumFor(ModelPlan plan, List<EnumPlan> enums) {
        String area = AREAS.get((plan.index() / NOUNS.size()) % AREAS.size());
        List<EnumPlan> own = enums.stream().filter(e -> e.name().startsWith(area)).toList();
        List<EnumPlan> pool = own.isEmpty() ? enums : own;
        return pool.get(plan.index() % pool.size());
    }

    /**
     * A kind of scalar field the writer draws from.
     *
     * @param attributes written after the type; a {@code @default} is dropped when the field is optional
     */
    private record ScalarField(String type, List<String> names, String attributes, boolean optionalAllowed) {}

    private static final List<ScalarField> SCALARS = List.of(
            new ScalarField("String", List.of("name", "title", "code", "email", "reference", "label", "externalId",
                    "slug"), "", true),
            new ScalarField("Boolean", List.of("active", "archived", "verified", "flagged", "published"),
                    "@default(false)", false),
            new ScalarField("Int", List.of("quantity", "position", "priority", "attempts", "revision"),
                    "@default(0)", true),
            new ScalarField("BigInt", List.of("sizeBytes", "sequence", "viewCount"), "@default(0)", true),
            new ScalarField("Float", List.of("score", "ratio", "weight", "latitude", "longitude"), "", true),
            new ScalarField("Decimal", List.of("amount", "price", "balance", "rate"),
                    "@default(0) @db.Decimal(12, 2)", true),
            new ScalarField("DateTime", List.of("createdAt"), "@default(now())", false),
            new ScalarField("DateTime", List.of("updatedAt"), "@updatedAt", false),
            new ScalarField("DateTime", List.of("dueAt", "closedAt", "startsAt", "endsAt"), "", true),
            new ScalarField("Json", List.of("metadata", "settings", "attributes"), "", true),
            new ScalarField("Bytes", List.of("checksum", "payload", "signature"), "", true),
            new ScalarField("String", List.of("description", "note", "comment"), "", true));

    private static String docFor(String field, String model) {
        return "The " + words(field) + " of this " + words(model) + ".";
    }

    private static String columnMap(ModelPlan plan, String field) {
        String snake = snake(field);
        return plan.mapped() && !snake.equals(field) ? "@map(\"" + snake + "\")" : "";
    }

    private static String join(String first, String second) {
        if (first.isEmpty()) {
            return second;
        }
        return second.isEmpty() ? first : first + " " + second;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** {@code BillingInvoice} → {@code billing_invoice}. */
    static String snake(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('_');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    /** {@code BillingInvoice} → {@code billing invoice}. */
    private static String words(String name) {
        return snake(name).replace('_', ' ');
    }
}

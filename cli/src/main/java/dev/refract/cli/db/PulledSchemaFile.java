package dev.refract.cli.db;

import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.CommentLine;
import dev.refract.codegen.ast.EnumBlock;
import dev.refract.codegen.ast.Expression;
import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.ModelBlock;
import dev.refract.codegen.ast.Schema;
import dev.refract.codegen.ast.TopLevelItem;
import dev.refract.codegen.format.FormatResult;
import dev.refract.codegen.format.SchemaFormatter;
import dev.refract.codegen.parse.ParseResult;
import dev.refract.codegen.parse.SchemaParser;
import dev.refract.codegen.source.SourceFile;
import dev.refract.r2dbc.catalog.pull.SchemaWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A schema file with the models of one datasource replaced by pulled ones: the datasource and
 * generator blocks, the models of other datasources and the enums they use stay; the datasource's
 * models, the enums only they used and the notes of an earlier pull go; the pulled text comes after
 * what stays, and the whole is formatted. Pure.
 */
final class PulledSchemaFile {

    private PulledSchemaFile() {
    }

    /**
     * The formatted text of {@code source} with the models of {@code datasource} replaced by {@code pulled}.
     *
     * @throws IllegalArgumentException when {@code source} does not parse, or the result would not
     */
    static String replace(SourceFile source, String datasource, String pulled) {
        ParseResult parsed = SchemaParser.parse(source);
        if (parsed.hasErrors()) {
            throw new IllegalArgumentException("The schema " + source.name() + " does not parse: "
                    + parsed.diagnostics().get(0).render());
        }
        Schema schema = parsed.schema();
        Set<String> removedModels = new HashSet<>();
        Set<String> typesKept = new HashSet<>();
        for (ModelBlock model : schema.models()) {
            if (model.kind() == ModelBlock.Kind.MODEL && datasource.equals(datasourceOf(model, schema))) {
                removedModels.add(model.name().name());
            } else {
                model.fields().stream().map(Field::type).forEach(type -> typesKept.add(type.name().name()));
            }
        }
        Set<String> typesRemoved = new HashSet<>();
        schema.models().stream().filter(m -> removedModels.contains(m.name().name()))
                .forEach(m -> m.fields().forEach(f -> typesRemoved.add(f.type().name().name())));
        List<TopLevelItem> kept = new ArrayList<>();
        for (TopLevelItem item : schema.items()) {
            boolean removed = item instanceof ModelBlock model && removedModels.contains(model.name().name())
                    || item instanceof EnumBlock enumBlock && typesRemoved.contains(enumBlock.name().name())
                            && !typesKept.contains(enumBlock.name().name())
                    || item instanceof CommentLine comment && ("// " + comment.text()).startsWith(SchemaWriter.SKIPPED_COMMENT);
            if (!removed) {
                kept.add(item);
            }
        }
        SchemaFormatter formatter = new SchemaFormatter();
        String merged = formatter.format(new Schema(source, kept)) + "\n" + pulled;
        FormatResult formatted = formatter.format(new SourceFile(source.name(), merged));
        if (formatted.hasErrors()) {
            throw new IllegalArgumentException("The pulled models of datasource '" + datasource + "' do not parse: "
                    + formatted.diagnostics().get(0).render());
        }
        return formatted.formatted();
    }

    /** The datasource {@code model} belongs to: its {@code @@datasource}, else the first one. */
    private static String datasourceOf(ModelBlock model, Schema schema) {
        List<Attribute> attributes = model.attributes("datasource");
        if (attributes.isEmpty()) {
            return schema.datasources().isEmpty() ? null : schema.datasources().get(0).name().name();
        }
        return attributes.get(0).positionalOr("name").map(argument -> argument.value() instanceof Expression.ConstantRef
                ref ? ref.name() : null).orElse(null);
    }
}

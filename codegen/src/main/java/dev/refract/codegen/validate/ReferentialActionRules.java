package dev.refract.codegen.validate;

import dev.refract.codegen.ast.Argument;
import dev.refract.codegen.ast.Identifier;
import dev.refract.codegen.ast.TypeRef.Arity;
import dev.refract.codegen.source.Suggestions;
import dev.refract.codegen.validate.RelationGraph.End;
import dev.refract.codegen.validate.RelationGraph.Group;
import dev.refract.meta.ReferentialAction;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code onDelete} and {@code onUpdate}: a known action, written on the side that holds the
 * foreign key, never {@code SetNull} on a required key, and only where a foreign key exists (not
 * across datasources).
 */
final class ReferentialActionRules {

    private static final List<String> ACTIONS = Arrays.stream(ReferentialAction.values())
            .map(ReferentialAction::schemaName).toList();

    private final Diagnostics diagnostics;

    ReferentialActionRules(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(SchemaIndex index, RelationGraph graph) {
        for (Group group : graph.groups()) {
            for (End end : group.ends()) {
                for (String parameter : List.of("onDelete", "onUpdate")) {
                    end.relation().flatMap(r -> r.argument(parameter))
                            .ifPresent(argument -> checkAction(index, graph, end, parameter, argument));
                }
            }
        }
    }

    private void checkAction(SchemaIndex index, RelationGraph graph, End end, String parameter, Argument argument) {
        Optional<Identifier> value = Expressions.name(argument.value());
        if (value.isEmpty()) {
            return; // the shape is reported by AttributeRules
        }
        ReferentialAction action = ReferentialAction.fromSchemaName(value.get().name());
        if (action == null) {
            String known = "Use one of " + String.join(", ", ACTIONS) + ".";
            String suggestion = Suggestions.closest(value.get().name(), ACTIONS).map(a -> "Did you mean \"" + a + "\"? ")
                    .orElse("");
            diagnostics.error(value.get().span(), "Unknown referential action \"" + value.get().name() + "\" in "
                    + parameter + " of the " + end.describe() + ".", suggestion + known);
            return;
        }
        if (!end.declaresKey()) {
            String hint = graph.opposite(end.field()).map(o -> "Move it to the field \"" + o.field().name().name()
                    + "\" of model \"" + o.model().name().name() + "\", which holds the foreign key.")
                    .orElse("Write it where fields and references are.");
            diagnostics.error(argument.span(), parameter + " on the " + end.describe()
                    + ", which does not hold the foreign key.", hint);
            return;
        }
        Optional<String> ownDatasource = index.datasourceOf(end.model());
        Optional<String> targetDatasource = index.datasourceOf(end.target());
        if (!ownDatasource.equals(targetDatasource)) {
            diagnostics.error(argument.span(), parameter + " on the " + end.describe() + " cannot take effect: \""
                    + end.model().name().name() + "\" lives in datasource \"" + ownDatasource.orElse("")
                    + "\" and \"" + end.target().name().name() + "\" in \"" + targetDatasource.orElse("")
                    + "\", so no foreign key exists.", "Remove " + parameter
                            + "; the client resolves relations across datasources without one.");
            return;
        }
        if (action == ReferentialAction.SET_NULL) {
            end.fields().stream().map(id -> end.model().field(id.name())).flatMap(Optional::stream)
                    .filter(f -> f.type().arity() == Arity.REQUIRED).findFirst()
                    .ifPresent(required -> diagnostics.error(value.get().span(), parameter + ": SetNull on the "
                            + end.describe() + " would set the required field \"" + required.name().name()
                            + "\" to null.", "Make \"" + required.name().name() + "\" optional ("
                                    + required.type().name().name() + "?), or choose another action."));
        }
    }
}

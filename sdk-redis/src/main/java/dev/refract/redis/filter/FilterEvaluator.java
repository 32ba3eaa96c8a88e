package dev.refract.redis.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refract.error.InvalidQueryException;
import dev.refract.json.Json;
import dev.refract.query.Filter;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Evaluates a {@link Filter} on one record on the client, with SQL's three-valued logic, so that a
 * scan finds what the SQL adapters' {@code WHERE} finds:
 *
 * <ul>
 *   <li>a comparison with a field holding no value is unknown, and so is its negation ({@code not: "a"}
 *       does not match a record without a value, as {@code <>} does not in SQL);</li>
 *   <li>{@code AND}, {@code OR} and {@code NOT} combine unknowns as SQL does; a record matches only
 *       when the whole filter is true;</li>
 *   <li>{@code in} an empty list is false and {@code notIn} an empty list true, whatever the field holds;</li>
 *   <li>insensitive mode lower-cases both sides of text comparisons, {@code in} included;</li>
 *   <li>{@code contains}, {@code startsWith} and {@code endsWith} match text literally (no wildcards);</li>
 *   <li>Json equality is equality of JSON values; enums order by their declaration, as native enums do.</li>
 * </ul>
 *
 * Relation filters and filters on embedded composite values cannot be evaluated on a Redis record:
 * they are refused with an {@link InvalidQueryException}.
 */
public final class FilterEvaluator {

    private final String model;
    private final IntFunction<String> fieldNames;
    private final IntFunction<List<String>> enumOrders;

    /**
     * @param model      the model's name, for errors
     * @param fieldNames the name of the field at each position, for errors
     * @param enumOrders the database values of the enum at each position, in declaration order, or
     *                   {@code null} where the position is not an enum
     */
    public FilterEvaluator(String model, IntFunction<String> fieldNames, IntFunction<List<String>> enumOrders) {
        this.model = model;
        this.fieldNames = fieldNames;
        this.enumOrders = enumOrders;
    }

    /** True when {@code filter} holds for the record whose value at each position {@code values} gives. */
    public boolean matches(Filter filter, IntFunction<Object> values) {
        return Boolean.TRUE.equals(evaluate(filter, values));
    }

    /** The filter's value on the record: true, false, or {@code null} for unknown. */
    public Boolean evaluate(Filter filter, IntFunction<Object> values) {
        if (filter instanceof Filter.And and) {
            Boolean result = Boolean.TRUE;
            for (Filter part : and.filters()) {
                Boolean value = evaluate(part, values);
                if (Boolean.FALSE.equals(value)) {
                    return false;
                }
                if (value == null) {
                    result = null;
                }
            }
            return result;
        }
        if (filter instanceof Filter.Or or) {
            Boolean result = Boolean.FALSE;
            for (Filter part : or.filters()) {
                Boolean value = evaluate(part, values);
                if (Boolean.TRUE.equals(value)) {
                    return true;
                }
                if (value == null) {
                    result = null;
                }
            }
            return result;
        }
        if (filter instanceof Filter.Not not) {
            Boolean value = evaluate(not.filter(), values);
            return value == null ? null : !value;
        }
        if (filter instanceof Filter.IsNull isNull) {
            return (values.apply(isNull.field()) == null) == isNull.isNull();
        }
        if (filter instanceof Filter.Comparison comparison) {
            return comparison(comparison, values.apply(comparison.field()));
        }
        if (filter instanceof Filter.FieldComparison fields) {
            Object left = values.apply(fields.field());
            Object right = values.apply(fields.otherField());
            if (left == null || right == null) {
                return null;
            }
            return ordered(fields.operator(), fields.field(), left, right);
        }
        if (filter instanceof Filter.JsonPath path) {
            return jsonPath(path, values.apply(path.field()));
        }
        if (filter instanceof Filter.Related related) {
            throw new InvalidQueryException(model, List.of(fieldNames.apply(related.field())), "A filter on relation "
                    + model + "." + fieldNames.apply(related.field()) + " cannot run on a Redis model: Redis"
                    + " evaluates filters record by record and follows no relation. Read the related records first"
                    + " and filter on their keys with in(...)");
        }
        if (filter instanceof Filter.Embedded embedded) {
            throw new InvalidQueryException(model, List.of(fieldNames.apply(embedded.field())), "Field "
                    + fieldNames.apply(embedded.field()) + " of " + model + " holds an embedded composite value,"
                    + " which only a MongoDB datasource stores");
        }
        throw new IllegalArgumentException("Unknown filter " + filter);
    }

    private Boolean comparison(Filter.Comparison comparison, Object field) {
        Filter.Operator operator = comparison.operator();
        Object value = comparison.value();
        boolean insensitive = comparison.mode() == Filter.Mode.INSENSITIVE;
        if (operator == Filter.Operator.IN || operator == Filter.Operator.NOT_IN) {
            List<?> list = list(comparison, value);
            if (list.isEmpty()) {
                return operator == Filter.Operator.NOT_IN;
            }
            if (field == null) {
                return null;
            }
            Object probe = insensitive ? Values.folded(field) : field;
            boolean found = false;
            for (Object item : list) {
                if (item == null) {
                    throw invalid(comparison.field(), "A list given to in/notIn on " + fieldNames.apply(
                            comparison.field()) + " holds null; match missing values with isNull instead");
                }
                if (Values.same(probe, insensitive ? Values.folded(item) : item)) {
                    found = true;
                    break;
                }
            }
            return found != (operator == Filter.Operator.NOT_IN);
        }
        if (field == null) {
            return null;
        }
        switch (operator) {
            case HAS, HAS_EVERY, HAS_SOME, IS_EMPTY -> {
                if (!(field instanceof List<?> held)) {
                    throw invalid(comparison.field(), operator + " applies to list fields; "
                            + fieldNames.apply(comparison.field()) + " of " + model + " holds one value");
                }
                return switch (operator) {
                    case HAS -> contains(held, value);
                    case HAS_EVERY -> list(comparison, value).stream().allMatch(item -> contains(held, item));
                    case HAS_SOME -> list(comparison, value).stream().anyMatch(item -> contains(held, item));
                    default -> held.isEmpty();
                };
            }
            case CONTAINS, STARTS_WITH, ENDS_WITH -> {
                if (!(field instanceof String text) || !(value instanceof String part)) {
                    throw invalid(comparison.field(), operator + " matches text; " + fieldNames.apply(
                            comparison.field()) + " of " + model + " is not a String field or the value is not a String");
                }
                String haystack = insensitive ? text.toLowerCase(Locale.ROOT) : text;
                String needle = insensitive ? part.toLowerCase(Locale.ROOT) : part;
                return switch (operator) {
                    case CONTAINS -> haystack.contains(needle);
                    case STARTS_WITH -> haystack.startsWith(needle);
                    default -> haystack.endsWith(needle);
                };
            }
            default -> {
                if (field instanceof List<?>) {
                    if (operator != Filter.Operator.EQUALS && operator != Filter.Operator.NOT) {
                        throw invalid(comparison.field(), "A list field compares with equals or not, not " + operator);
                    }
                    return Values.same(field, value) == (operator == Filter.Operator.EQUALS);
                }
                if (insensitive) {
                    return ordered(operator, comparison.field(), Values.folded(field), Values.folded(value));
                }
                return ordered(operator, comparison.field(), field, value);
            }
        }
    }

    private Boolean ordered(Filter.Operator operator, int position, Object left, Object right) {
        if (operator == Filter.Operator.EQUALS) {
            return Values.same(left, right);
        }
        if (operator == Filter.Operator.NOT) {
            return !Values.same(left, right);
        }
        int order = compare(position, left, right);
        return switch (operator) {
            case LT -> order < 0;
            case LTE -> order <= 0;
            case GT -> order > 0;
            case GTE -> order >= 0;
            default -> throw new IllegalArgumentException(operator + " is not a comparison operator");
        };
    }

    /** The order of two values at {@code position}: enums by declaration, anything else by {@link Values}. */
    public int compare(int position, Object left, Object right) {
        List<String> enumOrder = enumOrders.apply(position);
        if (enumOrder != null && left instanceof String a && right instanceof String b) {
            return Integer.compare(enumOrder.indexOf(a), enumOrder.indexOf(b));
        }
        try {
            return Values.compare(left, right);
        } catch (IllegalArgumentException e) {
            throw invalid(position, fieldNames.apply(position) + " of " + model + " holds values that have no order: "
                    + e.getMessage());
        }
    }

    private Boolean jsonPath(Filter.JsonPath path, Object field) {
        if (field == null) {
            return null;
        }
        if (!(field instanceof Json json)) {
            throw invalid(path.field(), "A JSON path filter applies to Json fields; " + fieldNames.apply(path.field())
                    + " of " + model + " is not one");
        }
        JsonNode node = json.tree();
        for (String step : path.path()) {
            if (node == null) {
                return null;
            }
            node = node.isArray() && isIndex(step) ? node.get(Integer.parseInt(step)) : node.get(step);
        }
        if (node == null) {
            return null;
        }
        return switch (path.operator()) {
            case EQUALS -> Json.of(node).equals(jsonValue(path));
            case STRING_CONTAINS -> node.isTextual() ? node.textValue().contains(text(path)) : null;
            case STRING_STARTS_WITH -> node.isTextual() ? node.textValue().startsWith(text(path)) : null;
            case STRING_ENDS_WITH -> node.isTextual() ? node.textValue().endsWith(text(path)) : null;
            case ARRAY_CONTAINS -> node.isArray() ? arrayContains(node, jsonValue(path).tree()) : null;
        };
    }

    private static boolean arrayContains(JsonNode array, JsonNode wanted) {
        if (wanted.isArray()) {
            for (JsonNode each : wanted) {
                if (!arrayContains(array, each)) {
                    return false;
                }
            }
            return true;
        }
        Json probe = Json.of(wanted);
        for (JsonNode element : array) {
            if (Json.of(element).equals(probe)) {
                return true;
            }
        }
        return false;
    }

    private Json jsonValue(Filter.JsonPath path) {
        if (!(path.value() instanceof Json json)) {
            throw invalid(path.field(), "The value of a JSON path " + path.operator() + " filter must be a Json; wrap it"
                    + " with Json.of(…)");
        }
        return json;
    }

    private String text(Filter.JsonPath path) {
        if (!(path.value() instanceof String text)) {
            throw invalid(path.field(), "The value of a JSON path " + path.operator() + " filter must be a String");
        }
        return text;
    }

    private static boolean isIndex(String step) {
        return !step.isEmpty() && step.chars().allMatch(Character::isDigit);
    }

    private static boolean contains(List<?> held, Object item) {
        for (Object element : held) {
            if (element != null && Values.same(element, item)) {
                return true;
            }
        }
        return false;
    }

    private List<?> list(Filter.Comparison comparison, Object value) {
        if (!(value instanceof List<?> list)) {
            throw invalid(comparison.field(), comparison.operator() + " on " + fieldNames.apply(comparison.field())
                    + " takes a list of values, not a " + value.getClass().getSimpleName());
        }
        return list;
    }

    private InvalidQueryException invalid(int position, String message) {
        return new InvalidQueryException(model, List.of(fieldNames.apply(position)), message);
    }
}

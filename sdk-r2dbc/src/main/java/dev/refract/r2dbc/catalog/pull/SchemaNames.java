package dev.refract.r2dbc.catalog.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names of the schema language made from database names: {@code team_member} as the model
 * {@code TeamMember} and {@code created_at} as the field {@code createdAt}, and a free name when the
 * natural one is taken.
 */
final class SchemaNames {

    private SchemaNames() {
    }

    /** {@code name} in PascalCase, e.g. {@code team_member} as {@code TeamMember}; never empty. */
    static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : words(name)) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return identifier(out.toString(), "M", "Model");
    }

    /** {@code name} in camelCase, e.g. {@code created_at} or {@code CreatedAt} as {@code createdAt}. */
    static String camel(String name) {
        List<String> words = words(name);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (i == 0) {
                out.append(word.equals(word.toUpperCase(Locale.ROOT)) ? word.toLowerCase(Locale.ROOT)
                        : Character.toLowerCase(word.charAt(0)) + word.substring(1));
            } else {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return identifier(out.toString(), "f", "field");
    }

    /** True when {@code name} can be written as it is as an identifier of the schema language. */
    static boolean isIdentifier(String name) {
        return name.matches("[A-Za-z][A-Za-z0-9_]*");
    }

    /** An enum value's name for the database label {@code label}: the label when it can be one. */
    static String enumValue(String label) {
        if (isIdentifier(label)) {
            return label;
        }
        String cleaned = label.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        return identifier(cleaned, "V", "VALUE");
    }

    /** {@code wanted}, or {@code wanted2}, {@code wanted3}, … whichever {@code taken} does not hold yet; adds it. */
    static String free(String wanted, Set<String> taken) {
        String name = wanted;
        for (int n = 2; taken.contains(name); n++) {
            name = wanted + n;
        }
        taken.add(name);
        return name;
    }

    /** {@code text} in double quotes, as a string of the schema language. */
    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t")
                .replace("\r", "\\r") + "\"";
    }

    private static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String word : name.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** {@code text}, with {@code prefix} in front when it does not start with a letter, or {@code empty} when empty. */
    private static String identifier(String text, String prefix, String empty) {
        if (text.isEmpty()) {
            return empty;
        }
        return Character.isLetter(text.charAt(0)) ? text : prefix + text;
    }
}

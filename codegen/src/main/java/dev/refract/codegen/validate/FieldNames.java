package dev.refract.codegen.validate;

import java.util.ArrayList;
import java.util.List;

/** Field names to suggest in hints, derived from model names the way people usually write them. */
final class FieldNames {

    private FieldNames() {
    }

    /**
     * A name for a field of {@code holder} that points at {@code pointedAt}: the camel-case words
     * of {@code pointedAt} after those it shares with {@code holder}, so that a field of
     * {@code PipelineRun} pointing at {@code PipelineStep} reads {@code steps}.
     */
    static String suggest(String pointedAt, String holder, boolean plural) {
        List<String> words = words(pointedAt);
        List<String> holderWords = words(holder);
        int shared = 0;
        while (shared < words.size() - 1 && shared < holderWords.size()
                && words.get(shared).equals(holderWords.get(shared))) {
            shared++;
        }
        String name = String.join("", words.subList(shared, words.size()));
        if (name.isEmpty()) {
            name = "related"; // only for a block whose name did not parse
        }
        name = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        return plural ? name + "s" : name;
    }

    private static List<String> words(String camelCase) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < camelCase.length(); i++) {
            if (Character.isUpperCase(camelCase.charAt(i)) && !Character.isUpperCase(camelCase.charAt(i - 1))) {
                words.add(camelCase.substring(start, i));
                start = i;
            }
        }
        words.add(camelCase.substring(start));
        return words;
    }
}

package dev.refract.benchmarks.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** The {@link LineupProvider}s on the class path. */
public final class Lineups {

    private Lineups() {
    }

    /** Every provider, by key. */
    public static List<LineupProvider> all() {
        List<LineupProvider> providers = new ArrayList<>();
        ServiceLoader.load(LineupProvider.class).forEach(providers::add);
        providers.sort(Comparator.comparing(LineupProvider::key));
        return providers;
    }

    /**
     * The provider of {@code key}.
     *
     * @throws IllegalArgumentException naming the lineups there are
     */
    public static LineupProvider named(String key) {
        List<String> keys = new ArrayList<>();
        for (LineupProvider provider : all()) {
            if (provider.key().equals(key)) {
                return provider;
            }
            keys.add(provider.key());
        }
        throw new IllegalArgumentException("Unknown lineup '" + key + "'; the lineups are " + String.join(", ", keys));
    }
}

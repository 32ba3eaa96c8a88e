package dev.refract.benchmarks.compare;

import java.io.IOException;
import java.io.InputStream;
import java.security.CodeSource;
import java.util.Properties;

/** The version of a library on the class path, as its jar states it. */
public final class Versions {

    private Versions() {
    }

    /**
     * The version of the jar {@code type} comes from: its manifest's {@code Implementation-Version},
     * else the Maven descriptor {@code META-INF/maven/groupId/artifactId/pom.properties}, else the
     * version in the jar's file name as Maven names it ({@code artifactId-version.jar}), else
     * {@code unknown} (for example when the classes come from a build folder).
     */
    public static String of(Class<?> type, String groupId, String artifactId) {
        Package found = type.getPackage();
        if (found != null && found.getImplementationVersion() != null) {
            return found.getImplementationVersion();
        }
        String descriptor = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = type.getResourceAsStream(descriptor)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            return "unknown";
        }
        return fromFileName(type, artifactId);
    }

    /** The version in the name of the jar {@code type} was loaded from, e.g. {@code 5.8.0} of {@code bson-5.8.0.jar}. */
    static String fromFileName(Class<?> type, String artifactId) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "unknown";
        }
        String path = source.getLocation().getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        String prefix = artifactId + "-";
        return name.startsWith(prefix) && name.endsWith(".jar")
                ? name.substring(prefix.length(), name.length() - ".jar".length()) : "unknown";
    }
}

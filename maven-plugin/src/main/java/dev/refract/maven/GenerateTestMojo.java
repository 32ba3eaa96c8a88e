package dev.refract.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * {@code refract:generate-test}: like {@code generate}, but for a client only the project's tests
 * use — the generated sources are added to the test compile sources, in
 * {@code generate-test-sources}. Run it once per schema, each into its own directory.
 */
@Mojo(name = "generate-test", defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES, threadSafe = true)
public final class GenerateTestMojo extends AbstractGenerateMojo {

    /** Where the generated sources go; added to the project's test compile source roots. */
    @Parameter(property = "refract.testOutputDirectory",
            defaultValue = "${project.build.directory}/generated-test-sources/refract", required = true)
    private File outputDirectory;

    @Override
    File outputDirectory() {
        return outputDirectory;
    }

    @Override
    void addSourceRoot(MavenProject project, String directory) {
        project.addTestCompileSourceRoot(directory);
    }

    void setOutputDirectory(File outputDirectory) {
        this.outputDirectory = outputDirectory;
    }
}

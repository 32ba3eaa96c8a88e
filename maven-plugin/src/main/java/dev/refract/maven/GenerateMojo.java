package dev.refract.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * {@code refract:generate}: generates the client sources from the schema and adds them to the
 * project's compile sources. Files whose content is unchanged are not touched, so an unchanged
 * schema does not make the compiler rebuild anything. An invalid schema fails the build with every
 * problem in it.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractGenerateMojo {

    /** Where the generated sources go; added to the project's compile source roots. */
    @Parameter(property = "refract.outputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/refract", required = true)
    private File outputDirectory;

    @Override
    File outputDirectory() {
        return outputDirectory;
    }

    @Override
    void addSourceRoot(MavenProject project, String directory) {
        project.addCompileSourceRoot(directory);
    }

    void setOutputDirectory(File outputDirectory) {
        this.outputDirectory = outputDirectory;
    }
}

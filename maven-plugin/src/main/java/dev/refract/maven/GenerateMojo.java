package dev.refract.maven;

import dev.refract.codegen.compiler.CompilerException;
import dev.refract.codegen.compiler.DiagnosticSummary;
import dev.refract.codegen.compiler.GenerateResult;
import dev.refract.codegen.compiler.SchemaCompiler;
import dev.refract.codegen.generate.GenerationException;
import dev.refract.codegen.source.Diagnostic;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
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
public final class GenerateMojo extends AbstractMojo {

    /** The schema file. */
    @Parameter(property = "refract.schema", defaultValue = "${project.basedir}/schema.prisma", required = true)
    private File schema;

    /** Where the generated sources go; added to the project's compile source roots. */
    @Parameter(property = "refract.outputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/refract", required = true)
    private File outputDirectory;

    /** Skips generation, e.g. {@code -Drefract.skip}. */
    @Parameter(property = "refract.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Refract code generation skipped.");
            return;
        }
        GenerateResult result;
        try {
            result = new SchemaCompiler().generate(schema.toPath(), outputDirectory.toPath());
        } catch (CompilerException | GenerationException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        if (result.hasErrors()) {
            throw new MojoFailureException("The schema " + schema + " is invalid:\n"
                    + DiagnosticSummary.render(result.check().diagnostics()));
        }
        for (Diagnostic diagnostic : result.check().diagnostics()) {
            getLog().warn(diagnostic.render().stripTrailing());
        }
        project.addCompileSourceRoot(result.outputDirectory().toString());
        getLog().info("Generated " + DiagnosticSummary.plural(result.producedCount(), "source file") + " into "
                + result.outputDirectory() + " (" + result.written().size() + " written, "
                + result.unchanged().size() + " unchanged, " + result.deleted().size() + " deleted).");
    }

    void setSchema(File schema) {
        this.schema = schema;
    }

    void setOutputDirectory(File outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    void setSkip(boolean skip) {
        this.skip = skip;
    }

    void setProject(MavenProject project) {
        this.project = project;
    }
}

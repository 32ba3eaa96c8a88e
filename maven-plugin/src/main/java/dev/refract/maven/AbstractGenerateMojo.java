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
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What the generating goals share: read the schema, generate, write only what changed, fail the
 * build with every problem of an invalid schema, and add the output to a source root of the
 * project — which one is the goal's choice.
 */
abstract class AbstractGenerateMojo extends AbstractMojo {

    /** The schema file. */
    @Parameter(property = "refract.schema", defaultValue = "${project.basedir}/schema.prisma", required = true)
    private File schema;

    /** Skips generation, e.g. {@code -Drefract.skip}. */
    @Parameter(property = "refract.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** Where the generated sources go. */
    abstract File outputDirectory();

    /** Adds the generated sources to the project, as main or as test sources. */
    abstract void addSourceRoot(MavenProject project, String directory);

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Refract code generation skipped.");
            return;
        }
        GenerateResult result;
        try {
            result = new SchemaCompiler().generate(schema.toPath(), outputDirectory().toPath());
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
        addSourceRoot(project, result.outputDirectory().toString());
        getLog().info("Generated " + DiagnosticSummary.plural(result.producedCount(), "source file") + " into "
                + result.outputDirectory() + " (" + result.written().size() + " written, "
                + result.unchanged().size() + " unchanged, " + result.deleted().size() + " deleted).");
    }

    void setSchema(File schema) {
        this.schema = schema;
    }

    void setSkip(boolean skip) {
        this.skip = skip;
    }

    void setProject(MavenProject project) {
        this.project = project;
    }
}

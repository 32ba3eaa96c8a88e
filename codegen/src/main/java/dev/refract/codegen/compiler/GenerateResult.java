package dev.refract.codegen.compiler;

import java.nio.file.Path;
import java.util.List;

/**
 * What generating sources from a schema did. When the schema is invalid nothing is written: the
 * lists are empty and {@code outputDirectory} is {@code null}.
 *
 * @param check           the schema as read and validated
 * @param outputDirectory where the sources went
 * @param written         files created or rewritten, relative to {@code outputDirectory}
 * @param unchanged       files whose content was already right and that were not touched
 * @param deleted         files written by an earlier run that are no longer produced
 */
public record GenerateResult(CheckResult check, Path outputDirectory, List<Path> written, List<Path> unchanged,
        List<Path> deleted) {

    public GenerateResult {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        deleted = List.copyOf(deleted);
    }

    /** A schema that failed validation: nothing generated. */
    static GenerateResult invalid(CheckResult check) {
        return new GenerateResult(check, null, List.of(), List.of(), List.of());
    }

    /** True when the schema is invalid and nothing was generated. */
    public boolean hasErrors() {
        return check.hasErrors();
    }

    /** The number of sources the generator produced. */
    public int producedCount() {
        return written.size() + unchanged.size();
    }
}

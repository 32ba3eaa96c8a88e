package dev.refract.codegen.generate;

import java.util.Objects;

/**
 * One generated source file.
 *
 * @param relativePath the path under the output root, e.g. {@code com/example/db/PipelineRun.java}
 * @param content      the file's text
 */
public record GeneratedFile(String relativePath, String content) {

    public GeneratedFile {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(content, "content");
    }
}

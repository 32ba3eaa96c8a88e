package dev.refract.codegen.compiler;

import dev.refract.codegen.generate.GeneratedFile;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes generated sources into an output directory so that builds stay incremental: a file whose
 * content is already right is not touched (its modification time is kept), and a file an earlier
 * run wrote but this run no longer produces is deleted. Which files were written is recorded in a
 * manifest in the output directory; files the manifest does not list are never deleted.
 */
final class GeneratedSourcesWriter {

    /** The manifest's name, inside the output directory. */
    static final String MANIFEST = ".refract-generated";

    private static final String MANIFEST_HEADER =
            "# Sources written by the Refract code generator. Files listed here are deleted when no longer generated.";

    /** What one write did, paths relative to the output directory. */
    record Outcome(List<Path> written, List<Path> unchanged, List<Path> deleted) {}

    Outcome write(Path outputDirectory, List<GeneratedFile> files) {
        Path root = outputDirectory.toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new CompilerException("The output directory " + root + " is a file; pass a directory.");
        }
        Set<String> previous = readManifest(root);
        Set<String> current = new TreeSet<>();
        List<Path> written = new ArrayList<>();
        List<Path> unchanged = new ArrayList<>();
        for (GeneratedFile file : files) {
            String relative = checkedRelativePath(root, file.relativePath());
            if (!current.add(relative)) {
                throw new CompilerException("The generator produced " + relative + " twice; this is a bug in the generator.");
            }
            Path target = root.resolve(relative);
            byte[] content = file.content().getBytes(StandardCharsets.UTF_8);
            if (hasContent(target, content)) {
                unchanged.add(Path.of(relative));
            } else {
                writeAtomically(target, content);
                written.add(Path.of(relative));
            }
        }
        List<Path> deleted = new ArrayList<>();
        for (String stale : previous) {
            if (!current.contains(stale) && isInside(root, stale) && deleteFile(root, root.resolve(stale))) {
                deleted.add(Path.of(stale));
            }
        }
        if (!current.equals(previous) || !Files.exists(root.resolve(MANIFEST))) {
            writeManifest(root, current);
        }
        return new Outcome(written, unchanged, deleted);
    }

    /** The path in the generator's '/'-separated form, refused when it would leave the output directory. */
    private static String checkedRelativePath(Path root, String relativePath) {
        String normalized = relativePath.replace('\\', '/');
        if (normalized.isEmpty() || normalized.startsWith("/") || !isInside(root, normalized)
                || normalized.equals(MANIFEST)) {
            throw new CompilerException("The generator produced a file at \"" + relativePath
                    + "\", which is not a relative path inside the output directory; this is a bug in the generator.");
        }
        return root.relativize(root.resolve(normalized).normalize()).toString().replace('\\', '/');
    }

    private static boolean isInside(Path root, String relative) {
        if (relative.isBlank() || Path.of(relative).isAbsolute()) {
            return false;
        }
        Path resolved = root.resolve(relative).normalize();
        return resolved.startsWith(root) && !resolved.equals(root);
    }

    private static boolean hasContent(Path target, byte[] content) {
        try {
            return Files.isRegularFile(target) && Files.size(target) == content.length
                    && Arrays.equals(Files.readAllBytes(target), content);
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes through a temporary file so that a reader never sees half a source file. */
    private static void writeAtomically(Path target, byte[] content) {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), ".refract-", ".tmp");
            try {
                Files.write(temporary, content);
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new CompilerException("Cannot write " + target + ": " + describe(e), e);
        }
    }

    private static boolean deleteFile(Path root, Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return false;
            }
            Files.delete(file);
            deleteEmptyParents(root, file.getParent());
            return true;
        } catch (IOException e) {
            throw new CompilerException("Cannot delete the stale generated file " + file + ": " + describe(e), e);
        }
    }

    private static void deleteEmptyParents(Path root, Path directory) throws IOException {
        Path current = directory;
        while (current != null && current.startsWith(root) && !current.equals(root)) {
            try {
                Files.delete(current);
            } catch (DirectoryNotEmptyException e) {
                return;
            }
            current = current.getParent();
        }
    }

    private static Set<String> readManifest(Path root) {
        Path manifest = root.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Set.of();
        }
        try {
            Set<String> entries = new LinkedHashSet<>();
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    entries.add(entry);
                }
            }
            return entries;
        } catch (IOException e) {
            throw new CompilerException("Cannot read the manifest " + manifest + ": " + describe(e)
                    + ". Delete it to start afresh (stale generated files will then be kept).", e);
        }
    }

    private static void writeManifest(Path root, Set<String> entries) {
        StringBuilder text = new StringBuilder(MANIFEST_HEADER).append('\n');
        for (String entry : entries) {
            text.append(entry).append('\n');
        }
        writeAtomically(root.resolve(MANIFEST), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A short reason for an I/O failure, for messages that already name the path. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return "a file is in the way";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

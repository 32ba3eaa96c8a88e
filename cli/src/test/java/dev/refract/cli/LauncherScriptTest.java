package dev.refract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code refract} launcher at the repository root, run by bash against a copy of the
 * repository's layout in which {@code java} and {@code mvnw} are stand-ins that record how they
 * were called. So the test needs neither the real jar nor a build.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherScriptTest {

    private static final FileTime OLD = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
    private static final FileTime NEW = FileTime.from(Instant.parse("2021-01-01T00:00:00Z"));

    @TempDir
    Path temp;

    private Path repository;
    private Path javaHome;
    private Path jar;
    private Path source;

    @BeforeEach
    void layOutARepository() throws IOException {
        repository = Files.createDirectories(temp.resolve("repo"));
        Files.copy(launcher(), repository.resolve("refract"), StandardCopyOption.COPY_ATTRIBUTES);
        source = write(repository.resolve("sdk-r2dbc/src/main/java/A.java"), "class A {}");
        write(repository.resolve("sdk-api/src/main/java/B.java"), "class B {}");
        jar = write(repository.resolve("cli/target/refract-cli.jar"), "jar");
        // The stand-in build records where and how it ran, and makes the jar new.
        executable(repository.resolve("mvnw"), "#!/usr/bin/env bash\n"
                + "echo \"$PWD $*\" >> \"" + temp.resolve("mvnw.log") + "\"\n"
                + "touch \"" + jar + "\"\n");
        javaHome = Files.createDirectories(temp.resolve("jdk"));
        executable(javaHome.resolve("bin/java"), "#!/usr/bin/env bash\necho \"cwd=$PWD\"\necho \"args=$*\"\nexit 7\n");
    }

    private static Path launcher() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("refract")) && Files.isRegularFile(dir.resolve("mvnw")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("the refract launcher was not found above the working directory");
        }
        return dir.resolve("refract");
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static void executable(Path file, String text) throws IOException {
        write(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int exit, String out) {}

    private Run runFrom(Path workingDirectory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", repository.resolve("refract").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out);
    }

    @Test
    void runsTheJarWithJavaHomeFromTheCallersDirectoryAndPassesTheArgumentsAndExitCode() throws Exception {
        Files.setLastModifiedTime(source, OLD);
        Files.setLastModifiedTime(repository.resolve("sdk-api/src/main/java/B.java"), OLD);
        Files.setLastModifiedTime(jar, NEW);
        Path caller = Files.createDirectories(temp.resolve("elsewhere/project"));

        Run run = runFrom(caller, "validate", "--schema", "../schema.prisma");

        assertThat(run.exit()).isEqualTo(7);
        assertThat(run.out()).contains("cwd=" + caller.toRealPath())
                .contains("args=-jar " + jar.toRealPath() + " validate --schema ../schema.prisma")
                .doesNotContain("building");
        assertThat(temp.resolve("mvnw.log")).doesNotExist();
    }

    @Test
    void buildsTheJarInTheRepositoryWhenASourceIsNewer() throws Exception {
        Files.setLastModifiedTime(jar, OLD);
        Files.setLastModifiedTime(source, NEW);

        Run run = runFrom(temp, "--version");

        assertThat(Files.readString(temp.resolve("mvnw.log")).strip())
                .isEqualTo(repository.toRealPath() + " -B -q -pl cli -am package -DskipTests");
        assertThat(run.out()).contains("args=-jar " + jar.toRealPath() + " --version");
    }

    @Test
    void buildsTheJarWhenItIsMissing() throws Exception {
        Files.delete(jar);

        runFrom(temp, "--help");

        assertThat(temp.resolve("mvnw.log")).exists();
        assertThat(jar).exists();
    }
}

package dev.refract.docs.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuidePageTest {

    @TempDir
    Path pages;

    private GuidePage page(String text) throws IOException {
        Path file = pages.resolve("page.md");
        Files.writeString(file, text);
        return GuidePage.read(file);
    }

    @Test
    void aBlockKnowsItsLanguageLineAndTheMarkerAboveIt() throws IOException {
        GuidePage page = page("""
                # Title

                <!-- snippet: Sample#first -->

                ```java
                int a = 1;
                ```

                Text.

                <!-- invalid -->
                ```prisma
                model {
                ```

                ```sh
                ./mvnw verify
                ```
                """);

        assertThat(page.blocks()).extracting(FencedBlock::language).containsExactly("java", "prisma", "sh");
        assertThat(page.blocks().get(0).line()).isEqualTo(5);
        assertThat(page.blocks().get(0).snippetId()).contains("Sample#first");
        assertThat(page.blocks().get(1).markedInvalid()).isTrue();
        assertThat(page.blocks().get(2).marker()).isEmpty();
    }

    @Test
    void aMarkerSeparatedByTextDoesNotCount() throws IOException {
        GuidePage page = page("<!-- snippet: Sample#first -->\nSome text.\n```java\nint a = 1;\n```\n");

        assertThat(page.blocks().get(0).snippetId()).isEmpty();
    }

    @Test
    void rewritingReplacesBodiesAndKeepsTheIndentationOfTheFence() throws IOException {
        GuidePage page = page("""
                - A list item:

                  ```java
                  old();
                  ```
                - Another.

                ```java
                kept();
                ```
                """);

        String rewritten = page.rewritten(block -> block.line() == 3 ? "first();\n\nsecond();" : null);

        assertThat(rewritten).isEqualTo("""
                - A list item:

                  ```java
                  first();

                  second();
                  ```
                - Another.

                ```java
                kept();
                ```
                """);
        assertThat(page.blocks().get(0).normalisedText()).isEqualTo("old();");
    }
}

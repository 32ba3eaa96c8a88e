package dev.refract.docs.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnippetsTest {

    @TempDir
    Path sources;

    /** Writes a source whose "#tag" and "#end" stand for the comments, so that this file itself holds no region. */
    private void write(String name, String text) throws IOException {
        Files.writeString(sources.resolve(name), text.replace("#tag::", "// tag::").replace("#end::", "// end::"));
    }

    @Test
    void aRegionIsItsLinesWithoutTheirCommonIndentation() throws IOException {
        write("Sample.java", """
                class Sample {
                    void run() {
                        #tag::first[]
                        int a = 1;
                            int b = 2;
                        #end::first[]
                    }
                }
                """);

        Snippet first = Snippets.read(sources).find("Sample#first").orElseThrow();

        assertThat(first.text()).isEqualTo("int a = 1;\n    int b = 2;");
        assertThat(first.line()).isEqualTo(3);
    }

    @Test
    void aRegionGivenInPartsJoinsThemAndNestedTagsAreLeftOut() throws IOException {
        write("Parts.java", """
                class Parts {
                    #tag::both[]
                    record Pair(int a, int b) {}
                    #end::both[]
                    void run() {
                        #tag::both[]
                        #tag::inner[]
                        Pair p = new Pair(1, 2);
                        #end::inner[]
                        #end::both[]
                        check(p);
                    }
                }
                """);

        Snippets snippets = Snippets.read(sources);

        assertThat(snippets.find("Parts#both").orElseThrow().text()).isEqualTo("record Pair(int a, int b) {}\nPair p = new Pair(1, 2);");
        assertThat(snippets.find("Parts#inner").orElseThrow().text()).isEqualTo("Pair p = new Pair(1, 2);");
    }

    @Test
    void anUnclosedRegionIsReportedWithItsFile() throws IOException {
        write("Open.java", "class Open {\n    #tag::never[]\n}\n");

        assertThatThrownBy(() -> Snippets.read(sources))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Open.java")
                .hasMessageContaining("[never] are never closed");
    }

    @Test
    void anEndWithoutItsTagIsReportedWithItsLine() throws IOException {
        write("Stray.java", "class Stray {\n    #end::stray[]\n}\n");

        assertThatThrownBy(() -> Snippets.read(sources))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Stray.java:2")
                .hasMessageContaining("add '// tag::stray[]' above it");
    }
}

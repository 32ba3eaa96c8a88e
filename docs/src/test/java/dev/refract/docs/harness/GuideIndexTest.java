package dev.refract.docs.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps the guide navigable: every page is in the index, and every page a link names exists. */
class GuideIndexTest {

    private static final Path PAGES = Path.of("").toAbsolutePath();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+\\.md)(#[^)\\s]*)?\\)");

    @Test
    void everyPageIsLinkedFromTheIndex() throws IOException {
        String index = Files.readString(PAGES.resolve("README.md"));

        List<String> missing = GuidePage.readAll(PAGES).stream().map(GuidePage::name)
                .filter(name -> !name.equals("README.md"))
                .filter(name -> !index.contains("](" + name + ")"))
                .toList();

        assertThat(missing).withFailMessage("pages not in the table of docs/README.md: %s; add a row for each", missing)
                .isEmpty();
    }

    @Test
    void everyLinkedPageExists() throws IOException {
        List<String> broken = new ArrayList<>();
        for (GuidePage page : GuidePage.readAll(PAGES)) {
            Matcher link = LINK.matcher(Files.readString(page.file()));
            while (link.find()) {
                if (!Files.exists(PAGES.resolve(link.group(1)))) {
                    broken.add(page.name() + " -> " + link.group(1));
                }
            }
        }

        assertThat(broken).withFailMessage("links to pages that do not exist: %s", broken).isEmpty();
    }
}

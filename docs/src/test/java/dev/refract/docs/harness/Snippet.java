package dev.refract.docs.harness;

import java.nio.file.Path;

/**
 * One tagged region of a test source: the code between {@code // tag::name[]} and {@code // end::name[]},
 * with the indentation the lines share removed.
 *
 * @param id     {@code ClassName#name}, as a page's snippet marker names it
 * @param source the file the region is in
 * @param line   the line of its {@code tag::} comment, counting from 1
 * @param text   the region's lines, joined by {@code \n}, without a line break at the end
 */
public record Snippet(String id, Path source, int line, String text) {
}

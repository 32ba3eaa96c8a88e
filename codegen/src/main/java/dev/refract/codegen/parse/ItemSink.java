package dev.refract.codegen.parse;

import dev.refract.codegen.ast.BlankLine;
import dev.refract.codegen.ast.CommentLine;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The items of one level (the file, or a block's body) in source order, with the layout rules:
 * runs of blank lines become one {@link BlankLine}, and {@code ///} lines are held back until the
 * next item shows whether they document it. Doc lines that document nothing (followed by a blank
 * line, a comment, or an item that has no doc) are kept as comment lines whose text starts with
 * {@code /}.
 */
final class ItemSink<T> {

    private final SourceFile file;
    private final Function<CommentLine, T> comments;
    private final Function<BlankLine, T> blanks;
    private final List<T> items = new ArrayList<>();
    private final List<Token> docs = new ArrayList<>();
    private Span blankRun;

    ItemSink(SourceFile file, Function<CommentLine, T> comments, Function<BlankLine, T> blanks) {
        this.file = file;
        this.comments = comments;
        this.blanks = blanks;
    }

    /**
     * Takes the layout token at {@code cursor} (a line end, a comment or a doc comment) into this
     * level; a line end that starts a line is a blank line.
     */
    void takeLayout(TokenCursor cursor) {
        Token token = cursor.peek();
        switch (token.kind()) {
            case NEWLINE -> {
                if (cursor.atLineStart()) {
                    blankLine(token.span());
                }
                cursor.advance();
            }
            case COMMENT -> comment(cursor.advance());
            case DOC_COMMENT -> doc(cursor.advance());
            default -> throw new IllegalStateException("not a layout token: " + token.kind());
        }
    }

    private void blankLine(Span span) {
        flushDocs();
        blankRun = blankRun == null ? span : blankRun.to(span);
    }

    private void comment(Token token) {
        add(comments.apply(new CommentLine(token.value(), token.span())));
    }

    /** Keeps a doc comment line for the next item; the parser also hands over lines it read ahead. */
    void doc(Token token) {
        flushBlank();
        docs.add(token);
    }

    /** The doc lines waiting for the item that starts now, joined by newlines; empty when none. */
    String takeDoc() {
        flushBlank();
        StringBuilder doc = new StringBuilder();
        for (Token token : docs) {
            if (doc.length() > 0) {
                doc.append('\n');
            }
            doc.append(token.value());
        }
        docs.clear();
        return doc.toString();
    }

    /** Hands over the doc lines still waiting, which then no longer belong to this level. */
    List<Token> takePendingDocs() {
        List<Token> pending = List.copyOf(docs);
        docs.clear();
        return pending;
    }

    void add(T item) {
        flushDocs();
        flushBlank();
        items.add(item);
    }

    List<T> finish() {
        flushDocs();
        flushBlank();
        return items;
    }

    private void flushDocs() {
        for (Token token : docs) {
            // The text after "//", so that writing "//" and the text back gives "///" again.
            String text = file.text().substring(token.start() + 2, token.end()).stripTrailing();
            items.add(comments.apply(new CommentLine(text, token.span())));
        }
        docs.clear();
    }

    private void flushBlank() {
        if (blankRun != null) {
            items.add(blanks.apply(new BlankLine(blankRun)));
            blankRun = null;
        }
    }
}

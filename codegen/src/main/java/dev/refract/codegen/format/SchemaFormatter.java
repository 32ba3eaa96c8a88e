package dev.refract.codegen.format;

import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.BlankLine;
import dev.refract.codegen.ast.Block;
import dev.refract.codegen.ast.CommentLine;
import dev.refract.codegen.ast.ConfigBlock;
import dev.refract.codegen.ast.ConfigProperty;
import dev.refract.codegen.ast.EnumBlock;
import dev.refract.codegen.ast.EnumValue;
import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.Member;
import dev.refract.codegen.ast.ModelBlock;
import dev.refract.codegen.ast.Schema;
import dev.refract.codegen.ast.TopLevelItem;
import dev.refract.codegen.parse.ParseResult;
import dev.refract.codegen.parse.SchemaParser;
import dev.refract.codegen.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a schema in its canonical form, the one {@code prisma format} produces.
 *
 * <ul>
 *   <li>Blocks are indented by two spaces and separated by one blank line; the file ends with a
 *       newline.</li>
 *   <li>Fields of a model or type are aligned in three columns (name, type, attributes); enum
 *       values in two (name, attributes); config properties on their {@code =}. A blank line starts
 *       a new alignment group; comment and documentation lines sit between the rows of a group
 *       without breaking it, as in Prisma.</li>
 *   <li>Block attributes ({@code @@index}, …) move after the fields, behind one blank line, in the
 *       order written, each with the comment lines directly above it.</li>
 *   <li>Runs of blank lines become one; blank lines at the start and end of a block go.</li>
 *   <li>A block written on one line is spread over one line per member.</li>
 *   <li>Attributes of a field keep the order they were written in, and strings keep the escapes
 *       they were written with; only spacing changes.</li>
 * </ul>
 *
 * <p>Formatting is idempotent: formatting the output again gives the same text.
 */
public final class SchemaFormatter {

    private static final String INDENT = "  ";

    /** The canonical text of {@code schema}. */
    public String format(Schema schema) {
        StringBuilder out = new StringBuilder();
        SyntaxPrinter printer = new SyntaxPrinter(schema.file());
        boolean pendingBlank = false;
        TopLevelItem previous = null;
        for (TopLevelItem item : schema.items()) {
            if (item instanceof BlankLine) {
                pendingBlank = previous != null;
                continue;
            }
            if (previous != null && (pendingBlank || previous instanceof Block)) {
                out.append('\n');
            }
            if (item instanceof CommentLine comment) {
                out.append(printer.comment(comment)).append('\n');
            } else if (item instanceof Block block) {
                appendBlock(out, block, printer);
            }
            pendingBlank = false;
            previous = item;
        }
        return out.toString();
    }

    /**
     * Parses {@code source} and formats it. A file with syntax errors is not formatted: the result
     * then holds the parser's diagnostics and no text, so that nothing the parser could not read is
     * lost.
     */
    public FormatResult format(SourceFile source) {
        ParseResult parsed = SchemaParser.parse(source);
        if (parsed.hasErrors()) {
            return new FormatResult(source, null, parsed.diagnostics());
        }
        String formatted = format(parsed.schema());
        ensureReadable(source, formatted);
        return new FormatResult(source, formatted, parsed.diagnostics());
    }

    /** A guard against formatter bugs: never hand back text the parser would reject. */
    private static void ensureReadable(SourceFile source, String formatted) {
        ParseResult again = SchemaParser.parse(new SourceFile(source.name(), formatted));
        if (again.hasErrors()) {
            throw new IllegalStateException("Formatting " + source.name()
                    + " produced text that does not parse; the file was left as it was. First problem: "
                    + again.diagnostics().get(0).render());
        }
    }

    private static void appendBlock(StringBuilder out, Block block, SyntaxPrinter printer) {
        for (String line : SyntaxPrinter.docLines(block.doc())) {
            out.append(line).append('\n');
        }
        out.append(keyword(block)).append(' ').append(block.name().name()).append(" {\n");
        appendMembers(out, block.members(), printer);
        out.append("}\n");
    }

    private static String keyword(Block block) {
        if (block instanceof ConfigBlock config) {
            return config.kind().keyword();
        }
        if (block instanceof ModelBlock model) {
            return model.kind().keyword();
        }
        return "enum";
    }

    /**
     * Writes the members of a block: first the body (fields, values, properties and the comments
     * among them) in alignment groups, then the block attributes.
     */
    private static void appendMembers(StringBuilder out, List<Member> members, SyntaxPrinter printer) {
        Table body = new Table();
        Table blockAttributes = new Table();
        boolean pendingBlank = false;
        boolean bodyWritten = false;
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            if (member instanceof BlankLine) {
                pendingBlank = true;
                continue;
            }
            if (member instanceof CommentLine) {
                int end = endOfCommentRun(members, i);
                if (end < members.size() && members.get(end) instanceof Attribute) {
                    // Comments directly above a block attribute travel with it.
                    for (int j = i; j < end; j++) {
                        blockAttributes.addText(printer.comment((CommentLine) members.get(j)));
                    }
                    i = end - 1;
                    pendingBlank = false;
                    continue;
                }
            }
            if (member instanceof Attribute attribute) {
                blockAttributes.addCells(List.of(printer.attribute(attribute)),
                        SyntaxPrinter.trailingComment(attribute.trailingComment()));
                pendingBlank = false;
                continue;
            }
            if (pendingBlank && (bodyWritten || !body.isEmpty())) {
                body.renderTo(out, INDENT);
                out.append('\n');
                bodyWritten = true;
            }
            pendingBlank = false;
            addBodyRow(body, member, printer);
        }
        boolean hasBody = bodyWritten || !body.isEmpty();
        body.renderTo(out, INDENT);
        if (!blockAttributes.isEmpty()) {
            if (hasBody) {
                out.append('\n');
            }
            blockAttributes.renderTo(out, INDENT);
        }
    }

    private static int endOfCommentRun(List<Member> members, int start) {
        int end = start;
        while (end < members.size() && members.get(end) instanceof CommentLine) {
            end++;
        }
        return end;
    }

    private static void addBodyRow(Table body, Member member, SyntaxPrinter printer) {
        if (member instanceof CommentLine comment) {
            body.addText(printer.comment(comment));
        } else if (member instanceof Field field) {
            SyntaxPrinter.docLines(field.doc()).forEach(body::addText);
            body.addCells(List.of(field.name().name(), printer.type(field.type()),
                    printer.attributes(field.attributes())), SyntaxPrinter.trailingComment(field.trailingComment()));
        } else if (member instanceof EnumValue value) {
            SyntaxPrinter.docLines(value.doc()).forEach(body::addText);
            body.addCells(List.of(value.name().name(), printer.attributes(value.attributes())),
                    SyntaxPrinter.trailingComment(value.trailingComment()));
        } else if (member instanceof ConfigProperty property) {
            body.addCells(List.of(property.key().name(), "= " + printer.expression(property.value())),
                    SyntaxPrinter.trailingComment(property.trailingComment()));
        }
    }
}

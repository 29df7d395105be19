package io.crosscheck.authoring.lint;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * A kb-docs page as the Markdown parser reads it (the same parser and table extension the web pages render with),
 * cut into the pieces the kb-doc checks look at: for each paragraph, heading and table cell, its text runs, code
 * spans and {@code kb:} links in order, each with its {@code line:column} in the file (front matter counted), the
 * {@code ## section} it stands in, and whether it stands inside double quotes (a cited text, not a statement of
 * the knowledge base).
 */
final class MarkdownPage {

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    enum Kind {
        TEXT,
        CODE,
        LINK
    }

    /**
     * One piece: its text (a link's text for {@code LINK}), the link's destination, where it starts, and for a text
     * run the quote state at its start (odd: inside double quotes).
     */
    record Inline(Kind kind, String text, String destination, int line, int column, boolean quoted) {
        /** Whether the character at {@code offset} of a text run stands inside double quotes. */
        boolean quotedAt(int offset) {
            boolean inside = quoted;
            for (int i = 0; i < offset && i < text.length(); i++) {
                if (isQuote(text.charAt(i))) {
                    inside = !inside;
                }
            }
            return inside;
        }
    }

    /** A paragraph, a heading or a table cell; {@code next} is the cell to its right, or null. */
    static final class Block {
        final String section;
        final List<Inline> inlines = new ArrayList<>();
        Block next;

        Block(String section) {
            this.section = section;
        }

        /** The block's text runs and link texts as one line of prose. */
        String plain() {
            StringBuilder b = new StringBuilder();
            inlines.stream().filter(i -> i.kind() != Kind.CODE).forEach(i -> b.append(i.text()));
            return b.toString().strip();
        }
    }

    final List<Block> blocks = new ArrayList<>();
    private final int offset;
    private String section = "";

    private MarkdownPage(int frontMatterLines) {
        this.offset = frontMatterLines;
    }

    static MarkdownPage of(String markdown) {
        String text = markdown.replace("\r\n", "\n");
        String body = FrontMatter.body(text);
        int frontMatterLines = (int) text.substring(0, text.length() - body.length())
                .chars()
                .filter(c -> c == '\n')
                .count();
        MarkdownPage page = new MarkdownPage(frontMatterLines);
        page.visit(PARSER.parse(body));
        return page;
    }

    /** The text of the first level-1 heading, or null. */
    String title() {
        return blocks.stream()
                .filter(b -> b.section.equals("#"))
                .findFirst()
                .map(Block::plain)
                .orElse(null);
    }

    private void visit(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Heading h) {
                if (h.getLevel() <= 2) {
                    Block read = new Block("");
                    inlines(h, read, new boolean[1]);
                    section = h.getLevel() == 1 ? "" : read.plain();
                    Block heading = new Block(h.getLevel() == 1 ? "#" : section);
                    heading.inlines.addAll(read.inlines);
                    blocks.add(heading);
                } else {
                    block(h);
                }
            } else if (child instanceof Paragraph p) {
                block(p);
            } else if (child instanceof TableCell) {
                Block previous = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
                Block cell = block(child);
                if (previous != null && child.getPrevious() != null) {
                    previous.next = cell;
                }
            } else {
                visit(child);
            }
        }
    }

    private Block block(Node node) {
        Block block = new Block(section);
        inlines(node, block, new boolean[1]);
        blocks.add(block);
        return block;
    }

    private void inlines(Node node, Block block, boolean[] quoted) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text t) {
                add(block, Kind.TEXT, t.getLiteral(), null, child, quoted[0]);
                t.getLiteral().chars().filter(c -> isQuote((char) c)).forEach(c -> quoted[0] = !quoted[0]);
            } else if (child instanceof Code c) {
                add(block, Kind.CODE, c.getLiteral(), null, child, quoted[0]);
            } else if (child instanceof Link l && l.getDestination().startsWith("kb:")) {
                Block text = new Block(section);
                inlines(l, text, new boolean[1]);
                add(block, Kind.LINK, text.plain(), l.getDestination(), child, quoted[0]);
            } else {
                inlines(child, block, quoted);
            }
        }
    }

    private void add(Block block, Kind kind, String text, String destination, Node node, boolean quoted) {
        List<SourceSpan> spans = node.getSourceSpans();
        int line = spans.isEmpty() ? offset + 1 : offset + spans.get(0).getLineIndex() + 1;
        int column = spans.isEmpty() ? 1 : spans.get(0).getColumnIndex() + 1;
        block.inlines.add(new Inline(kind, text, destination, line, column, quoted));
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\u201c' || c == '\u201d';
    }
}

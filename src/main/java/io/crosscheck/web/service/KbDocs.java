package io.crosscheck.web.service;

import io.crosscheck.authoring.lint.FrontMatter;
import io.crosscheck.engine.KnowledgeSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The knowledge base's own documentation (kb-docs, versioned with the rules) as the pages show it:
 * Markdown rendered to HTML with raw HTML escaped and links between kb-docs pages turned into links
 * to the pages that show them; and single sections (e.g. an intervention's "How to perform").
 */
public final class KbDocs {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Pattern NEXT_SECTION = Pattern.compile("(?m)^## ");
    private static final Pattern RULE_DOC = Pattern.compile("(?:.*/)?rules/([A-Z]{2,4}-\\d{3})\\.md(#.*)?");
    private static final Pattern DOC = Pattern.compile("(?:\\.\\./|\\./)*([A-Za-z0-9_/.-]+)\\.md(#.*)?");

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(c -> new LinkRewriter())
            .build();

    /** A kb-docs page of this knowledge source ({@code rules/LCS-003.md}, {@code interventions/x.md}). */
    public static Optional<String> page(KnowledgeSource source, String path) {
        return Optional.ofNullable(source.files().get(KnowledgeSource.DOCS + path));
    }

    /** The page as HTML, without its front matter. */
    public String html(String markdown) {
        Node doc = parser.parse(FrontMatter.body(markdown));
        return renderer.render(doc);
    }

    /** The text of one "## heading" section (up to the next heading of that level), or empty. */
    public static Optional<String> section(String markdown, String heading) {
        Matcher m =
                Pattern.compile("(?m)^## " + Pattern.quote(heading) + "\\s*$").matcher(markdown);
        if (!m.find()) {
            return Optional.empty();
        }
        String rest = markdown.substring(m.end());
        Matcher next = NEXT_SECTION.matcher(rest);
        String body = (next.find() ? rest.substring(0, next.start()) : rest).strip();
        return body.isEmpty() ? Optional.empty() : Optional.of(body);
    }

    /** Markdown text as plain prose: emphasis, code marks and link targets dropped. */
    public static String plain(String markdown) {
        return markdown.replaceAll("\\[([^\\]]+)\\]\\([^)]*\\)", "$1")
                .replaceAll("[*`_]", "")
                .strip();
    }

    /** Where the UI shows a kb-docs link target; links outside kb-docs are kept. */
    static String uiHref(String href) {
        if (href == null || href.contains("://") || href.startsWith("#") || href.startsWith("mailto:")) {
            return href;
        }
        Matcher r = RULE_DOC.matcher(href);
        if (r.matches()) {
            return "/ui/kb/rules/" + r.group(1) + (r.group(2) == null ? "" : r.group(2));
        }
        Matcher d = DOC.matcher(href);
        if (d.matches()) {
            String path = d.group(1);
            int slash = path.lastIndexOf("rules/");
            return "/ui/kb/docs/" + (slash >= 0 ? path.substring(slash) : path) + ".md"
                    + (d.group(2) == null ? "" : d.group(2));
        }
        return href;
    }

    /** A section heading's id as GitHub makes it, so that in-page links such as {@code #symptom} work in the UI too. */
    static String anchor(Node heading) {
        StringBuilder text = new StringBuilder();
        heading.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
                text.append(c.getLiteral());
            }
        });
        return text.toString()
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9 _-]", "")
                .replace(' ', '-');
    }

    /**
     * A threshold quoted in a page ({@code [below 50°](kb:threshold/cva_forward_head)}, which the linter checks against
     * thresholds.yaml) links to the reference page's thresholds and names the threshold.
     */
    private static final String THRESHOLD = "kb:threshold/";

    private static final class LinkRewriter implements AttributeProvider {
        private final Map<String, Integer> used = new java.util.HashMap<>();

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Link link && link.getDestination().startsWith(THRESHOLD)) {
                attributes.put("href", "/ui/kb/docs/reference.md#thresholds");
                attributes.put(
                        "title",
                        "threshold " + link.getDestination().substring(THRESHOLD.length())
                                + " (rules/reference/thresholds.yaml)");
            } else if (node instanceof Link) {
                attributes.computeIfPresent("href", (k, v) -> uiHref(v));
            } else if (node instanceof Heading h && h.getLevel() > 1) {
                // the page's title (h1) needs none; a repeated heading gets -1, -2 as on GitHub
                String id = anchor(node);
                int n = used.merge(id, 1, Integer::sum);
                attributes.put("id", n == 1 ? id : id + "-" + (n - 1));
            }
        }
    }
}

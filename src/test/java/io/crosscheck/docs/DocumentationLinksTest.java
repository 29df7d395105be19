package io.crosscheck.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Markdown documentation's links hold: every link in README.md, CONTRIBUTING.md, docs/, rules/README.md,
 * kb-docs/ and every other Markdown file of the repository is relative, stays inside the repository and
 * names a file or folder that exists; a link to a heading ({@code page.md#some-heading}, {@code #heading})
 * names a heading of that page (GitHub's anchors). Outside sources are cited in plain text, not linked.
 * Links inside code (fenced blocks, {@code `spans`}) are not links.
 */
class DocumentationLinksTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    /** Folders that are not documentation: build output, the local database, tool and editor state. */
    private static final Set<String> NOT_DOCUMENTATION =
            Set.of("target", "data", "node_modules", ".git", ".mvn", ".idea", ".vscode");

    @Test
    void everyLinkInTheDocumentationNamesAFileOrHeadingThatExistsInTheRepository() throws IOException {
        List<Path> pages = markdownFiles(ROOT);
        assertThat(pages)
                .as("the documentation the check reads")
                .contains(
                        ROOT.resolve("README.md"),
                        ROOT.resolve("CONTRIBUTING.md"),
                        ROOT.resolve("rules/README.md"),
                        ROOT.resolve("docs/api.md"),
                        ROOT.resolve("kb-docs/index.md"));

        Links links = new Links(ROOT);
        for (Path page : pages) {
            links.check(page);
        }

        assertThat(links.checked).as("links checked").isGreaterThan(500);
        assertThat(links.problems).as("broken links").isEmpty();
    }

    @Test
    void aMissingFileAMissingHeadingAndALinkOutOfTheRepositoryAreEachReportedWithTheirLine(@TempDir Path repo)
            throws IOException {
        Files.createDirectories(repo.resolve("docs"));
        Files.writeString(repo.resolve("docs/guide.md"), """
                # Guide

                ## Where to change what

                See [the API](api.md) and [the table](#where-to-change-what), [a section](../README.md#setup),
                [no such section](#nowhere), [the sources](https://example.org/paper), [up and out](../../x.md),
                [an absolute path](/etc/passwd) and ![a picture](shots/missing.png).

                ```bash
                curl [not a link](nowhere.md)
                ```

                `[not a link either](nowhere.md)`
                """);
        Files.writeString(repo.resolve("README.md"), "# Readme\n\n## Set up\n\n[the guide](docs/guide.md#guide)\n");

        Links links = new Links(repo);
        links.check(repo.resolve("docs/guide.md"));
        links.check(repo.resolve("README.md"));

        assertThat(links.problems)
                .containsExactly(
                        "docs/guide.md:5: api.md: no such file or folder",
                        "docs/guide.md:5: ../README.md#setup: no heading 'setup' in README.md",
                        "docs/guide.md:6: #nowhere: no heading 'nowhere' in docs/guide.md",
                        "docs/guide.md:6: https://example.org/paper: leaves the repository (cite it in plain text)",
                        "docs/guide.md:6: ../../x.md: leaves the repository",
                        "docs/guide.md:7: /etc/passwd: leaves the repository (an absolute path)",
                        "docs/guide.md:7: shots/missing.png: no such file or folder");
    }

    @Test
    void headingsGetGitHubsAnchors() {
        assertThat(Links.anchors(List.of(
                        "# Operations: running, databases",
                        "## `kb-docs` and [rules](x.md)",
                        "## Durability: kill -9 under load",
                        "### Modified Thomas – short one-joint hip flexors",
                        "## Same",
                        "## Same",
                        "```",
                        "# in code",
                        "```")))
                .containsExactlyInAnyOrder(
                        "operations-running-databases",
                        "kb-docs-and-rules",
                        "durability-kill--9-under-load",
                        "modified-thomas--short-one-joint-hip-flexors",
                        "same",
                        "same-1");
    }

    static List<Path> markdownFiles(Path root) throws IOException {
        List<Path> pages = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return dir.equals(root)
                                || !NOT_DOCUMENTATION.contains(dir.getFileName().toString())
                        ? FileVisitResult.CONTINUE
                        : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (file.getFileName().toString().endsWith(".md")) {
                    pages.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return pages.stream().sorted().toList();
    }

    /** Reads pages and collects each broken link as {@code page:line: target: why}. */
    static final class Links {

        private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
        private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");
        private static final Pattern INLINE_LINK =
                Pattern.compile("!?\\[[^\\]]*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
        private static final Pattern REFERENCE_DEFINITION =
                Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
        private static final Pattern AUTOLINK = Pattern.compile("<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\\s]+)>");
        private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:|^//");
        private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
        private static final Pattern HTML_ID = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");

        private final Path root;
        private final Map<Path, Set<String>> anchorsByPage = new HashMap<>();
        final List<String> problems = new ArrayList<>();
        int checked;

        Links(Path root) {
            this.root = root.toAbsolutePath().normalize();
        }

        void check(Path page) throws IOException {
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            boolean inCode = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (FENCE.matcher(line).find()) {
                    inCode = !inCode;
                    continue;
                }
                if (inCode) {
                    continue;
                }
                String text = CODE_SPAN.matcher(line).replaceAll("");
                for (Pattern p : List.of(INLINE_LINK, REFERENCE_DEFINITION, AUTOLINK)) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        checked++;
                        String why = problem(page, m.group(1));
                        if (why != null) {
                            problems.add(name(page) + ":" + (i + 1) + ": " + m.group(1) + ": " + why);
                        }
                    }
                }
            }
        }

        /** Why a link from {@code page} to {@code target} is broken, or null. */
        private String problem(Path page, String target) throws IOException {
            if (target.startsWith("kb:threshold/")) {
                return null; // a kb-doc's quote of a threshold: the linter checks it against thresholds.yaml
            }
            if (SCHEME.matcher(target).find()) {
                return "leaves the repository (cite it in plain text)";
            }
            if (target.startsWith("/")) {
                return "leaves the repository (an absolute path)";
            }
            int hash = target.indexOf('#');
            String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
            String anchor = hash < 0 ? null : target.substring(hash + 1);
            Path file = path.isEmpty()
                    ? page
                    : page.toAbsolutePath().getParent().resolve(path).normalize();
            if (!file.startsWith(root)) {
                return "leaves the repository";
            }
            if (!Files.exists(file)) {
                return "no such file or folder";
            }
            if (anchor != null
                    && !anchor.isEmpty()
                    && file.getFileName().toString().endsWith(".md")
                    && !anchorsOf(file).contains(anchor)) {
                return "no heading '" + anchor + "' in " + name(file);
            }
            return null;
        }

        private Set<String> anchorsOf(Path page) throws IOException {
            Path key = page.toAbsolutePath().normalize();
            Set<String> anchors = anchorsByPage.get(key);
            if (anchors == null) {
                anchors = anchors(Files.readAllLines(key, StandardCharsets.UTF_8));
                anchorsByPage.put(key, anchors);
            }
            return anchors;
        }

        /** The anchors GitHub gives a page's headings (and explicit {@code <a id="...">} anchors). */
        static Set<String> anchors(List<String> lines) {
            Set<String> anchors = new HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            boolean inCode = false;
            for (String line : lines) {
                if (FENCE.matcher(line).find()) {
                    inCode = !inCode;
                    continue;
                }
                if (inCode) {
                    continue;
                }
                Matcher id = HTML_ID.matcher(line);
                while (id.find()) {
                    anchors.add(id.group(1));
                }
                Matcher h = HEADING.matcher(line);
                if (!h.matches()) {
                    continue;
                }
                String slug = slug(h.group(2));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? slug : slug + "-" + n);
            }
            return anchors;
        }

        /** GitHub's heading anchor: the heading's text, lower case, punctuation dropped, spaces as hyphens. */
        static String slug(String heading) {
            String text = heading.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1");
            return text.toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{Nd}\\p{M}\\p{Pc} -]", "")
                    .replace(' ', '-');
        }

        private String name(Path file) {
            return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        }
    }
}

package io.crosscheck.authoring.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The YAML front matter of a kb-doc page: the block between a first line {@code ---} and the next {@code ---} line. */
public final class FrontMatter {

    private FrontMatter() {}

    /** The parsed front matter, or null when the page has none. */
    static JsonNode read(String markdown, ObjectMapper yaml) throws JsonProcessingException {
        String text = markdown.replace("\r\n", "\n");
        int end = end(text);
        if (end < 0) {
            return null;
        }
        JsonNode node = yaml.readTree(text.substring(4, end + 1));
        return node != null && node.isObject() ? node : null;
    }

    /** The page without its front matter (the page itself when it has none). */
    public static String body(String markdown) {
        String text = markdown.replace("\r\n", "\n");
        int end = end(text);
        if (end < 0) {
            return markdown;
        }
        int after = text.indexOf('\n', end + 1);
        return after < 0 ? "" : text.substring(after + 1);
    }

    /** The front matter block with its {@code ---} lines, or empty when the page has none. */
    static String head(String markdown) {
        String text = markdown.replace("\r\n", "\n");
        int end = end(text);
        return end < 0 ? "" : text.substring(0, end + 1);
    }

    /** Where the closing {@code ---} line starts (at its newline), or -1 when the page has no front matter. */
    private static int end(String text) {
        return text.startsWith("---\n") ? text.indexOf("\n---", 3) : -1;
    }
}

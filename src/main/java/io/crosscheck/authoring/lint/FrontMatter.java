package io.crosscheck.authoring.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The YAML front matter of a kb-doc page: the block between a first line {@code ---} and the next {@code ---} line. */
final class FrontMatter {

    private FrontMatter() {
    }

    /** The parsed front matter, or null when the page has none. */
    static JsonNode read(String markdown, ObjectMapper yaml) throws JsonProcessingException {
        String text = markdown.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            return null;
        }
        int end = text.indexOf("\n---", 3);
        if (end < 0) {
            return null;
        }
        JsonNode node = yaml.readTree(text.substring(4, end + 1));
        return node != null && node.isObject() ? node : null;
    }
}

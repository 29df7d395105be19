package io.crosscheck.authoring.cornerstone;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.crosscheck.authoring.scenario.Scenario;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A cornerstone case as a scenario file in the {@code rules/scenarios/} format: its pseudonymised request and its
 * expected conclusion as expectations ({@link Conclusion#expect}), titled with the rules and what the clinician
 * expected, its source naming the case and who promoted it. Put in {@code rules/scenarios/}, it is checked by the
 * scenario suite like any other: the same case, now part of the knowledge base itself.
 */
public final class CornerstoneScenario {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private CornerstoneScenario() {}

    /** The file name an export suggests: {@code cornerstone-<short id>.yaml}. */
    public static String fileName(Cornerstone c) {
        return "cornerstone-" + c.shortId() + ".yaml";
    }

    /** The case as a scenario. */
    public static Scenario scenario(Cornerstone c, CornerstoneViews views) {
        Conclusion conclusion = views.conclusion(c.conclusionJson);
        String title = "Cornerstone " + c.shortId() + " (" + String.join(", ", c.rules()) + ", from a " + c.origin
                + "): expected " + oneLine(c.expected);
        String source = "cornerstone case " + c.id + ", promoted by " + c.promotedBy + " on "
                + DAY.format(c.promotedAt) + " from a " + c.origin + " of " + c.decidedIn + "; conclusion of "
                + c.kbVersion + " (" + c.status + ")";
        return new Scenario(
                null, title, source, views.tree(c.requestJson), conclusion.expect(c.rules(), c.firedRules()));
    }

    /** The case as the text of a scenario file. */
    public static String yaml(Cornerstone c, CornerstoneViews views) {
        try {
            return "# Exported from Crosscheck: a cornerstone case (docs/authoring.md#cornerstone-cases)\n"
                    + YAML.writeValueAsString(scenario(c, views));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}

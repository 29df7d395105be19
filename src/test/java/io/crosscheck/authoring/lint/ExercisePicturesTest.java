package io.crosscheck.authoring.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.HomeProgramme;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.support.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every home exercise has its picture, and every picture is a well-formed line drawing within the whitelist: what a
 * picture may not hold (script, event handlers, links, foreign content, entities) is refused at its line.
 */
class ExercisePicturesTest {

    private final KnowledgeBase shipped = RuleHarness.shipped().knowledgeBase();

    static final String GOOD = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 170" role="img" aria-labelledby="t d">
              <title id="t">Side stretch: start and end position</title>
              <desc id="d">Standing, then leaning to the side.</desc>
              <line x1="8" y1="151" x2="192" y2="151" stroke="#6b7280" stroke-width="3"/>
              <text x="12" y="22" font-size="15">Start</text>
              <text x="212" y="22" font-size="15">End</text>
              <circle cx="100" cy="30" r="8.5" fill="#ffffff" stroke="#1f2937"/>
            </svg>
            """;

    @Test
    void everyHomeExerciseHasAWellFormedPictureWithinTheWhitelist() {
        List<HomeProgramme.Exercise> exercises = shipped.reference().home().exercises();
        assertThat(exercises).hasSizeGreaterThanOrEqualTo(18);
        for (HomeProgramme.Exercise e : exercises) {
            String svg = shipped.source().files().get(HomeProgramme.picture(e.id()));
            assertThat(svg).as("picture of " + e.id()).isNotNull();
            assertThat(ExercisePictures.check(svg))
                    .as("problems of the picture of " + e.id())
                    .isEmpty();
            assertThat(svg)
                    .as(e.id() + " is titled with its client title")
                    .contains("<title id=\"t\">" + e.title() + ": start and end position</title>");
        }
    }

    @Test
    void aDrawingWithinTheWhitelistPasses() {
        assertThat(ExercisePictures.check(GOOD)).isEmpty();
    }

    @Test
    void scriptsHandlersLinksForeignContentAndEntitiesAreRefusedAtTheirLine() {
        assertThat(problems(GOOD.replace("</svg>", "<script>alert(1)</script>\n</svg>")))
                .anyMatch(p -> p.startsWith("8:") && p.contains("<script> is not allowed"));
        assertThat(problems(GOOD.replace("<circle ", "<circle onload=\"alert(1)\" ")))
                .anyMatch(p -> p.startsWith("7:") && p.contains("attribute onload is not allowed on <circle>"));
        assertThat(problems(GOOD.replace(
                                "<svg xmlns=\"http://www.w3.org/2000/svg\"",
                                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
                        .replace("</svg>", "<a xlink:href=\"https://example.org\"><text>x</text></a>\n</svg>")))
                .anyMatch(p -> p.contains("<a> is not allowed"));
        assertThat(problems(GOOD.replace("</svg>", "<foreignObject><p>x</p></foreignObject>\n</svg>")))
                .anyMatch(p -> p.contains("<foreignObject> is not allowed"));
        assertThat(problems(GOOD.replace("</svg>", "<style>line { stroke: red }</style>\n</svg>")))
                .anyMatch(p -> p.contains("<style> is not allowed"));
        assertThat(problems(GOOD.replace("fill=\"#ffffff\"", "fill=\"url(https://example.org/x)\"")))
                .anyMatch(p -> p.contains("may not refer outside the picture"));
        assertThat(problems("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                        + GOOD.replace("Start</text>", "Start&x;</text>")))
                .isNotEmpty();
    }

    @Test
    void aPictureWithoutViewBoxTitleOrItsTwoLabelsOrNotWellFormedIsRefused() {
        assertThat(problems(GOOD.replace(" viewBox=\"0 0 400 170\"", ""))).anyMatch(p -> p.contains("viewBox"));
        assertThat(problems(GOOD.replaceAll("(?s)<title.*?</title>", ""))).anyMatch(p -> p.contains("<title>"));
        assertThat(problems(GOOD.replace(">End<", ">Finish<"))).anyMatch(p -> p.contains("\"Start\" and \"End\""));
        assertThat(problems(GOOD.replace("</svg>", ""))).anyMatch(p -> p.contains("not well-formed"));
        assertThat(problems(GOOD.replace("<svg xmlns=\"http://www.w3.org/2000/svg\"", "<svg")))
                .anyMatch(p -> p.contains("the root must be"));
        assertThat(problems(GOOD + " ".repeat(ExercisePictures.MAX_CHARS))).anyMatch(p -> p.contains("larger"));
    }

    private static List<String> problems(String svg) {
        return ExercisePictures.check(svg).stream()
                .map(p -> p.line() + ":" + p.column() + ": " + p.message())
                .toList();
    }
}

package io.crosscheck.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscheck.common.json.Yaml;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import io.crosscheck.support.TestUsers;
import io.crosscheck.web.service.SheetEdits;
import io.crosscheck.web.service.SheetView;
import io.crosscheck.web.service.SheetViews;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The take-home sheet as PDF, rendered by the server and read back with PDFBox: the article client's sheet fits on at
 * most two pages of A4 and of US Letter, every font in it is embedded, the page size is the paper asked for; the
 * longest plan of the scenario suite is measured too; an unknown paper or language is a 422 naming it. The numbers
 * (pages, size, render time) are written to target/sheet-pdf.txt and the PDFs kept in target/sheets/.
 */
@QuarkusTest
class TakeHomeSheetPdfTest {

    static final String CLINIC = "clinic-sheet-pdf";
    static final String PHYSIO = "sheet-pdf-physio";
    static final String PASSWORD = "sheet-pdf-physio-password-1";
    static final String OTHER = "sheet-pdf-other-physio";
    static final Path SHEETS = Path.of("target", "sheets");
    static final Path REPORT = Path.of("target", "sheet-pdf.txt");

    @BeforeEach
    void users() {
        TestUsers.signInAsTester();
        TestUsers.ensureUser(PHYSIO, PASSWORD, List.of("physio"), CLINIC);
        TestUsers.ensureUser(OTHER, PASSWORD, List.of("physio"), CLINIC + "-other");
    }

    static String screen(String body) {
        return given().auth()
                .preemptive()
                .basic(PHYSIO, PASSWORD)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body.replace("pseudo-0001", "sheet-pdf-" + UUID.randomUUID()))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The PDF as the API serves it, kept as target/sheets/{name}.pdf, with its render time (ms) noted. */
    static Rendered pdf(String id, String query, String name) throws IOException {
        long start = System.nanoTime();
        byte[] pdf = given().auth()
                .preemptive()
                .basic(PHYSIO, PASSWORD)
                .get("/api/v1/screenings/" + id + "/home-programme/sheet.pdf" + query)
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        long ms = (System.nanoTime() - start) / 1_000_000;
        Files.createDirectories(SHEETS);
        Files.write(SHEETS.resolve(name + ".pdf"), pdf);
        return new Rendered(pdf, ms);
    }

    record Rendered(byte[] bytes, long millis) {}

    static void note(String line) throws IOException {
        Files.createDirectories(REPORT.getParent());
        Files.writeString(
                REPORT, line + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    @Test
    void theArticleClientsSheetFitsOnTwoPagesOfA4AndOfLetterWithEveryFontEmbedded() throws IOException {
        String id = screen(Requests.ARTICLE_DESK_WORKER);
        for (String paper : List.of("a4", "letter")) {
            Rendered r = pdf(id, "?paper=" + paper + "&lang=en", "article-desk-worker-" + paper);
            try (PDDocument doc = Loader.loadPDF(r.bytes())) {
                int pages = doc.getNumberOfPages();
                note(String.format(
                        Locale.ROOT,
                        "article client, %s, en: %d pages, %d bytes, %d ms",
                        paper,
                        pages,
                        r.bytes().length,
                        r.millis()));
                assertThat(pages).as("pages on " + paper).isBetween(1, 2);
                PDPage first = doc.getPage(0);
                float width = first.getMediaBox().getWidth();
                float height = first.getMediaBox().getHeight();
                if (paper.equals("a4")) {
                    assertThat(width).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
                    assertThat(height).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
                } else {
                    assertThat(width).isCloseTo(612f, org.assertj.core.data.Offset.offset(1f));
                    assertThat(height).isCloseTo(792f, org.assertj.core.data.Offset.offset(1f));
                }
                List<PDFont> fonts = fonts(doc);
                assertThat(fonts).isNotEmpty();
                for (PDFont f : fonts) {
                    assertThat(f.isEmbedded()).as(f.getName() + " embedded").isTrue();
                    assertThat(f.getName()).as("the shipped font").contains("DejaVuSans");
                }
                assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
                assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Your exercise programme");
                String text = new PDFTextStripper().getText(doc);
                assertThat(text)
                        .contains(
                                "Your exercise programme",
                                "Stretch for the front of the hip",
                                "Balloon breathing",
                                "Child's pose",
                                "Stop and call us")
                        .doesNotContain("Not given in the sources", "PIR", "[");
            }
        }
    }

    @Test
    void theLongestPlanOfTheScenarioSuiteIsMeasuredOnA4AndLetter() throws IOException {
        RuleHarness rules = RuleHarness.shipped();
        SheetViews views = new SheetViews();
        List<Longest> plans = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("rules", "scenarios"))) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode request = Yaml.strictMapper().readTree(f.toFile()).get("request");
                if (request == null) {
                    continue;
                }
                String json = RuleHarness.JSON.writeValueAsString(request);
                SheetView s;
                try {
                    s = views.view(
                            rules.knowledgeBase(), rules.screen(json), "v", SheetViewsTest.CLINIC, SheetEdits.NONE);
                } catch (RuntimeException e) {
                    continue; // a scenario that expects its request to be refused
                }
                plans.add(new Longest(
                        f.getFileName().toString(), json, s.exercises().size(), length(s)));
            }
        }
        Longest longest = plans.stream()
                .max(Comparator.comparingInt(Longest::exercises).thenComparingInt(Longest::chars))
                .orElseThrow();
        assertThat(longest.exercises()).isGreaterThan(4);
        String id = screen(longest.json());
        for (String paper : List.of("a4", "letter")) {
            Rendered r = pdf(id, "?paper=" + paper, "longest-plan-" + paper);
            try (PDDocument doc = Loader.loadPDF(r.bytes())) {
                note(String.format(
                        Locale.ROOT,
                        "longest plan (%s, %d home exercises), %s: %d pages, %d bytes, %d ms",
                        longest.file(),
                        longest.exercises(),
                        paper,
                        doc.getNumberOfPages(),
                        r.bytes().length,
                        r.millis()));
                assertThat(doc.getNumberOfPages()).isBetween(2, 5);
                fonts(doc)
                        .forEach(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
            }
        }
    }

    record Longest(String file, String json, int exercises, int chars) {}

    static int length(SheetView s) {
        return s.exercises().stream()
                .mapToInt(e -> e.title().length()
                        + e.steps().stream().mapToInt(String::length).sum()
                        + e.feel().length()
                        + e.stop().length())
                .sum();
    }

    @Test
    void anUnknownPaperAndLanguageAreNamedInOneProblem() {
        String id = screen(Requests.ARTICLE_DESK_WORKER);
        given().auth()
                .preemptive()
                .basic(PHYSIO, PASSWORD)
                .get("/api/v1/screenings/" + id + "/home-programme/sheet.pdf?paper=a3&lang=fr")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("paper", "lang"));
    }

    @Test
    void anotherClinicsScreeningHasNoPdf() {
        String id = screen(Requests.ARTICLE_DESK_WORKER);
        given().auth()
                .preemptive()
                .basic(OTHER, PASSWORD)
                .get("/api/v1/screenings/" + id + "/home-programme/sheet.pdf")
                .then()
                .statusCode(404);
    }

    /** Every font of every page, the forms the pages draw included. */
    static List<PDFont> fonts(PDDocument doc) throws IOException {
        List<PDFont> out = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            fonts(page.getResources(), out, 0);
        }
        return out;
    }

    private static void fonts(PDResources res, List<PDFont> out, int depth) throws IOException {
        if (res == null || depth > 5) {
            return;
        }
        for (var name : res.getFontNames()) {
            out.add(res.getFont(name));
        }
        for (var name : res.getXObjectNames()) {
            PDXObject x = res.getXObject(name);
            if (x instanceof PDFormXObject form) {
                fonts(form.getResources(), out, depth + 1);
            }
        }
    }
}

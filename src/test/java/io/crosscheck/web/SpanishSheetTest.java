package io.crosscheck.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.engine.HomeProgramme;
import io.crosscheck.support.AuditEntries;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import io.crosscheck.support.TestUsers;
import io.crosscheck.support.WebSignIn;
import io.crosscheck.web.service.SheetViews;
import io.crosscheck.web.service.SheetWords;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client whose language is Spanish: set per client (audited, checked), the sheet page and its PDF in Spanish with
 * {@code <html lang="es">} and not one English client text left, {@code ?lang=en} for one print; the language is part
 * of the client's privacy export and is erased with the client.
 */
@QuarkusTest
class SpanishSheetTest {

    static final String PHYSIO = TakeHomeSheetPdfTest.PHYSIO;
    static final String PASSWORD = TakeHomeSheetPdfTest.PASSWORD;
    static final String ADMIN = "sheet-es-admin";

    @BeforeEach
    void users() {
        TestUsers.signInAsTester();
        TestUsers.ensureUser(PHYSIO, PASSWORD, List.of("physio"), TakeHomeSheetPdfTest.CLINIC);
        TestUsers.ensureUser(ADMIN, PASSWORD, List.of("admin"), TakeHomeSheetPdfTest.CLINIC);
    }

    record Client(String ref, String screening) {}

    static Client spanishClient(String body) {
        String ref = "sheet-es-" + UUID.randomUUID();
        String id = given().auth()
                .preemptive()
                .basic(PHYSIO, PASSWORD)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body.replace("pseudo-0001", ref))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .preemptive()
                .basic(PHYSIO, PASSWORD)
                .contentType(ContentType.JSON)
                .body("{\"language\": \"es\"}")
                .put("/api/v1/clients/" + ref + "/language")
                .then()
                .statusCode(200)
                .body("language", equalTo("es"));
        return new Client(ref, id);
    }

    static String page(String path) {
        return given().auth()
                .none()
                .redirects()
                .follow(false)
                .cookie(WebSignIn.SESSION_COOKIE, WebSignIn.session(PHYSIO, PASSWORD))
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** Every English client text the sheet could print: the sheet's own words and the catalogue's client texts. */
    static List<String> english() {
        List<String> out = new ArrayList<>(SheetViews.load("en").all());
        HomeProgramme home = RuleHarness.shipped().knowledgeBase().reference().home();
        for (HomeProgramme.Exercise e : home.exercises()) {
            out.add(e.title());
            out.addAll(e.steps());
            out.add(e.feel());
            out.add(e.stop());
            if (e.dose() != null) {
                java.util.stream.Stream.of(
                                e.dose().sets(),
                                e.dose().repeat(),
                                e.dose().hold(),
                                e.dose().often())
                        .filter(t -> t != null)
                        .forEach(out::add);
            }
        }
        home.referrals().forEach(w -> {
            out.add(w.about());
            out.addAll(w.now().values());
        });
        return out.stream().map(s -> s.replaceAll(":$", "")).toList();
    }

    @Test
    void aSpanishClientsSheetIsInSpanishWithNoEnglishLeftAndItsHtmlLangSaysSo() {
        Client c = spanishClient(Requests.ARTICLE_DESK_WORKER);
        String html = page("/ui/screenings/" + c.screening() + "/sheet");
        assertThat(html).contains("<html lang=\"es\">");
        String article = TakeHomeSheetTest.text(TakeHomeSheetTest.part(html, "<article", "</article>"));
        SheetWords es = SheetViews.load("es");
        assertThat(article)
                .contains(es.sheet().title(), es.sheet().intro(), es.sheet().stopTitle(), "Respirar con un globo")
                .contains("Postura del niño", "Estiramiento de la parte de delante de la cadera")
                .contains("De 10 a 30 segundos, o de 30 a 60 segundos si tiene más de 65 años");
        for (String en : english()) {
            assertThat(article).as("English left on the Spanish sheet").doesNotContain(en);
        }
        assertThat(article).containsPattern("Preparada el \\d{1,2} de [a-z]+ de \\d{4}");
        // the pictures are asked for with their labels in Spanish
        assertThat(html).contains("/ui/exercise-pictures/warm_up.svg?lang=es");
        String svg = given().auth()
                .none()
                .cookie(WebSignIn.SESSION_COOKIE, WebSignIn.session(PHYSIO, PASSWORD))
                .get("/ui/exercise-pictures/warm_up.svg?lang=es")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(svg).contains(">Al empezar</text>", ">Al terminar</text>").doesNotContain(">Start</text>");

        String english = page("/ui/screenings/" + c.screening() + "/sheet?lang=en");
        assertThat(english).contains("<html lang=\"en\">", "Your exercise programme");
    }

    @Test
    void theDosePartsAClinicianLeftUnchangedReadInTheClientsLanguage() {
        Client c = spanishClient(Requests.ARTICLE_DESK_WORKER);
        given().auth()
                .preemptive()
                .basic(PHYSIO, PASSWORD)
                .contentType(ContentType.JSON)
                .body(
                        "{\"basedOn\": 0, \"items\": [{\"id\": \"hip_flexor_stretch\", \"dose\": {\"hold\": \"30 segundos\"}}]}")
                .put("/api/v1/screenings/" + c.screening() + "/home-programme")
                .then()
                .statusCode(200);
        String article = TakeHomeSheetTest.text(
                TakeHomeSheetTest.part(page("/ui/screenings/" + c.screening() + "/sheet"), "<article", "</article>"));
        assertThat(article)
                .contains(
                        "30 segundos", "De 2 a 4 veces con cada lado", "Al menos 2 o 3 días a la semana, al calentar.")
                .doesNotContain("2 to 4 times on each side")
                .doesNotContain("At least 2 or 3 days a week");
    }

    @Test
    void theSpanishPdfHasNoEnglishClientTextAndFitsOnTwoPages() throws IOException {
        Client c = spanishClient(Requests.ARTICLE_DESK_WORKER);
        for (String paper : List.of("a4", "letter")) {
            TakeHomeSheetPdfTest.Rendered r =
                    TakeHomeSheetPdfTest.pdf(c.screening(), "?paper=" + paper, "article-desk-worker-es-" + paper);
            try (PDDocument doc = Loader.loadPDF(r.bytes())) {
                TakeHomeSheetPdfTest.note(String.format(
                        Locale.ROOT,
                        "article client, %s, es: %d pages, %d bytes, %d ms",
                        paper,
                        doc.getNumberOfPages(),
                        r.bytes().length,
                        r.millis()));
                assertThat(doc.getNumberOfPages()).isBetween(1, 2);
                assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("es");
                assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Sus ejercicios");
                TakeHomeSheetPdfTest.fonts(doc)
                        .forEach(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                assertThat(text).contains("Sus ejercicios", "Al empezar", "Al terminar", "Pare y llámenos");
                for (String en : english()) {
                    if (en.split(" ").length >= 2) {
                        assertThat(text).as("English left in the Spanish PDF").doesNotContain(en);
                    }
                }
                assertThat(text).doesNotContain("Start", "Stop and call us");
            }
        }
        assertThat(Files.exists(TakeHomeSheetPdfTest.SHEETS.resolve("article-desk-worker-es-a4.pdf")))
                .isTrue();
    }

    @Test
    void aSpanishReferralStillLeadsWithTheEmergency() {
        Client c = spanishClient(Requests.ARTICLE_WITH_SADDLE_NUMBNESS);
        String html = page("/ui/screenings/" + c.screening() + "/sheet");
        String what = TakeHomeSheetTest.text(TakeHomeSheetTest.part(html, "<p class=\"what-to-do\"", "</p>"));
        assertThat(what).isEqualTo("Vaya a urgencias ahora mismo.");
        assertThat(html.indexOf("what-to-do")).isLessThan(html.indexOf("sheet-contact"));
        assertThat(html).doesNotContain("class=\"sheet-item\"");
    }

    @Test
    void theLanguageIsCheckedAuditedExportedAndErasedWithTheClient() {
        Instant start = Instant.now();
        Client c = spanishClient(Requests.ARTICLE_DESK_WORKER);
        given().auth()
                .preemptive()
                .basic(PHYSIO, PASSWORD)
                .get("/api/v1/clients/" + c.ref() + "/language")
                .then()
                .statusCode(200)
                .body("language", equalTo("es"));
        given().auth()
                .preemptive()
                .basic(PHYSIO, PASSWORD)
                .contentType(ContentType.JSON)
                .body("{\"language\": \"fr\"}")
                .put("/api/v1/clients/" + c.ref() + "/language")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("/language"));
        given().auth()
                .preemptive()
                .basic(PHYSIO, PASSWORD)
                .contentType(ContentType.JSON)
                .body("{\"language\": \"es\"}")
                .put("/api/v1/clients/no-such-client-" + UUID.randomUUID() + "/language")
                .then()
                .statusCode(404);
        given().auth()
                .none()
                .cookie(WebSignIn.SESSION_COOKIE, WebSignIn.session(PHYSIO, PASSWORD))
                .get("/ui/screenings/" + c.screening() + "/sheet?lang=fr")
                .then()
                .statusCode(422);
        assertThat(AuditEntries.since(
                        given().auth().preemptive().basic(ADMIN, PASSWORD), AuditEvent.CLIENT_LANGUAGE, start))
                .anySatisfy(e -> assertThat(String.valueOf(e.get("detail"))).isEqualTo("en -> es"))
                .allSatisfy(e -> assertThat(String.valueOf(e)).doesNotContain(c.ref()));
    }
}

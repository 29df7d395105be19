package io.crosscheck.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.crosscheck.fhir.config.FhirSupport;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The take-home sheet as a FHIR R4 DocumentReference: HAPI parses it and the instance validator finds no error; status
 * current, type LOINC 69730-0, subject the EHR's Patient named, the client's language; the attachment is the PDF
 * itself, its SHA-1 hash and size those of the data; its context names the screening.
 */
@QuarkusTest
class SheetDocumentReferenceTest {

    static final String CLINIC = "clinic-sheet-fhir";
    static final String PHYSIO = "sheet-fhir-physio";
    static final String PASSWORD = "sheet-fhir-physio-password-1";

    @BeforeEach
    void users() {
        TestUsers.signInAsTester();
        TestUsers.ensureUser(PHYSIO, PASSWORD, List.of("physio"), CLINIC);
    }

    String screen(String ref) {
        return given().auth()
                .preemptive()
                .basic(PHYSIO, PASSWORD)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Requests.ARTICLE_DESK_WORKER.replace("pseudo-0001", ref))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void theSheetIsADocumentReferenceWithThePdfAttachedItsHashAndSizeMatchingTheData()
            throws IOException, NoSuchAlgorithmException {
        String ref = "sheet-fhir-" + UUID.randomUUID();
        String id = screen(ref);
        given().auth()
                .preemptive()
                .basic(PHYSIO, PASSWORD)
                .contentType(ContentType.JSON)
                .body("{\"language\": \"es\"}")
                .put("/api/v1/clients/" + ref + "/language")
                .then()
                .statusCode(200);
        String json = given().auth()
                .preemptive()
                .basic(PHYSIO, PASSWORD)
                .get("/api/v1/screenings/" + id
                        + "/home-programme/document-reference?patient=Patient/1288992&paper=letter")
                .then()
                .statusCode(200)
                .contentType("application/fhir+json")
                .extract()
                .asString();
        DocumentReference d = FhirSupport.r4().newJsonParser().parseResource(DocumentReference.class, json);
        assertThat(d.getIdElement().getIdPart()).isEqualTo(id + "-sheet");
        assertThat(d.getStatus()).isEqualTo(Enumerations.DocumentReferenceStatus.CURRENT);
        assertThat(d.getType().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(d.getType().getCodingFirstRep().getCode()).isEqualTo("69730-0");
        assertThat(d.getSubject().getReference()).isEqualTo("Patient/1288992");
        assertThat(d.getLanguage()).isEqualTo("es");
        assertThat(d.getDate()).isNotNull();
        assertThat(d.getContext().getRelatedFirstRep().getIdentifier().getValue())
                .isEqualTo("urn:uuid:" + id);
        Attachment a = d.getContentFirstRep().getAttachment();
        assertThat(a.getContentType()).isEqualTo("application/pdf");
        assertThat(a.getLanguage()).isEqualTo("es");
        assertThat(a.getTitle()).isEqualTo("Sus ejercicios");
        byte[] pdf = a.getData();
        assertThat(a.getSize()).isEqualTo(pdf.length);
        assertThat(a.getHash()).isEqualTo(MessageDigest.getInstance("SHA-1").digest(pdf));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isBetween(1, 2);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(612f);
        }
        assertThat(FhirValidation.errors(json)).isEmpty();
    }

    @Test
    void withoutAPatientTheSubjectIsTheClientsPseudonymAndABadPaperIsNamed() {
        String ref = "sheet-fhir-" + UUID.randomUUID();
        String id = screen(ref);
        String json = given().auth()
                .preemptive()
                .basic(PHYSIO, PASSWORD)
                .get("/api/v1/screenings/" + id + "/home-programme/document-reference")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        DocumentReference d = FhirSupport.r4().newJsonParser().parseResource(DocumentReference.class, json);
        assertThat(d.getSubject().getIdentifier().getValue()).isEqualTo(ref);
        assertThat(d.getLanguage()).isEqualTo("en");
        given().auth()
                .preemptive()
                .basic(PHYSIO, PASSWORD)
                .get("/api/v1/screenings/" + id + "/home-programme/document-reference?paper=a5")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("paper"));
    }
}

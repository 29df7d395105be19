package io.crosscheck.screening.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.crosscheck.support.AuditEntries;
import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/v1/screenings/{id}/what-if over HTTP: the stored request analysed on the serving rules. */
@QuarkusTest
class WhatIfApiTest {

    static RequestSpecification physio() {
        return given().auth().preemptive().basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    static String screen(String body) {
        return physio().contentType(ContentType.JSON)
                .body(body.replace("pseudo-0001", "whatif-" + UUID.randomUUID()))
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void aStoredScreeningSaysWhichUnansweredRedFlagQuestionToAskFirstAndItsPatternsWhatTheyRestOn() {
        String id = screen(Requests.ARTICLE_WITHOUT_RED_FLAG_ANSWERS);
        java.time.Instant before = java.time.Instant.now();

        var response = physio().get("/api/v1/screenings/" + id + "/what-if")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("screeningId", equalTo(id))
                .body("sameKnowledgeBase", equalTo(true))
                .body("complete", equalTo(true))
                .body("plan[0].screen", equalTo("red_flags"))
                .body("plan[0].referral", equalTo("emergency"))
                .body("patterns.code", hasItem("LCS"))
                .extract();
        List<String> lcs = response.path("patterns.find { it.code == 'LCS' }.changes.code");
        assertThat(lcs).contains("anterior_pelvic_tilt", "prone_hip_extension");
        assertThat((Integer) response.path("variants")).isGreaterThan(20);
        // the analysis read the screening: audited like any read
        assertThat(AuditEntries.since(physio(), "screening.read", before)).anyMatch(e -> id.equals(e.get("subject")));
    }

    @Test
    void aReferredClientsWhatIfNamesTheAnswerTheReferralRestsOnAndSuggestsNoTest() {
        String id = screen(Requests.ARTICLE_WITH_SADDLE_NUMBNESS);

        physio().get("/api/v1/screenings/" + id + "/what-if")
                .then()
                .statusCode(200)
                .body("referral.urgency", equalTo("emergency"))
                .body("referral.restsOn[0].code", equalTo("saddle_anaesthesia"))
                .body("referral.restsOn[0].effect", equalTo("lower"))
                .body("patterns.changes.flatten()", org.hamcrest.Matchers.empty());
    }

    @Test
    void anUnknownScreeningIs404() {
        physio().get("/api/v1/screenings/" + UUID.randomUUID() + "/what-if")
                .then()
                .statusCode(404);
        physio().get("/api/v1/screenings/not-an-id/what-if").then().statusCode(404);
    }
}

package io.crosscheck.screening.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.support.Requests;
import io.crosscheck.support.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan in the API result over real HTTP (issue 26, point 4): the article client's nine items, each once, none a
 * placeholder, every one ranked, the stored result returned with the same ranks.
 */
@QuarkusTest
class PlanPriorityApiTest {

    @BeforeAll
    static void signIn() {
        TestUsers.signInAsTester();
    }

    @Test
    void theArticleClientsPlanComesBackOnceEachRankedFromTheHipFlexorStretch() {
        JsonPath created = given().contentType(ContentType.JSON)
                .body(Requests.ARTICLE_DESK_WORKER)
                .post("/api/v1/screenings")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        List<Map<String, Object>> plan = created.getList("interventions");

        assertThat(plan)
                .extracting(i -> i.get("id"))
                .hasSize(9)
                .doesNotHaveDuplicates()
                .doesNotContain("normalise_periphery", "functional_integration");
        assertThat(plan).extracting(i -> i.get("priority")).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(plan)
                .filteredOn(i -> Integer.valueOf(1).equals(i.get("priority")))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.get("id")).isEqualTo("hip_flexor_stretch");
                    assertThat(i.get("findingsAddressed")).isEqualTo(2);
                });
        assertThat(plan)
                .extracting(i -> i.get("phase"))
                .as("the list itself stays in Janda's sequence")
                .isSortedAccordingTo((a, b) -> Integer.compare((Integer) a, (Integer) b));

        List<Object> stored = given().get("/api/v1/screenings/" + created.getString("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("interventions.priority");
        assertThat(stored).isEqualTo(created.getList("interventions.priority"));
    }
}

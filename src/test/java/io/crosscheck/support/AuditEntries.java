package io.crosscheck.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reads the audit log over the admin API, as an auditor would. */
public final class AuditEntries {

    private AuditEntries() {}

    /** Entries of one action recorded at or after {@code since}, newest first (signed in as the test admin). */
    public static List<Map<String, Object>> since(String action, Instant since) {
        return since(given(), action, since);
    }

    /** As {@link #since(String, Instant)} with the given request (e.g. another admin's credentials). */
    public static List<Map<String, Object>> since(RequestSpecification as, String action, Instant since) {
        String body = as.queryParam("action", action)
                .queryParam("from", since.toString())
                .queryParam("limit", 100)
                .get("/api/v1/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return new JsonPath(body).getList("$");
    }
}

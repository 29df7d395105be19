package io.crosscheck.screening.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.screening.service.ScreeningService.AmendmentRequest;
import java.util.ArrayList;
import java.util.List;

/** Reads the body of an amendment, {@code {"reason": "...", "request": {...}}}: 400 naming each field of a wrong shape. */
final class AmendmentReader {

    private AmendmentReader() {}

    static AmendmentRequest read(ObjectMapper mapper, String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : mapper.readTree(body);
        } catch (JsonProcessingException ex) {
            throw new InvalidRequestException(
                    400,
                    List.of(new FieldError(
                            "/",
                            "malformed JSON at line "
                                    + (ex.getLocation() == null
                                            ? "?"
                                            : ex.getLocation().getLineNr()))));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException(
                    400, List.of(new FieldError("/", "the body must be a JSON object with reason and request")));
        }
        List<FieldError> errors = new ArrayList<>();
        root.fieldNames().forEachRemaining(f -> {
            if (!f.equals("reason") && !f.equals("request")) {
                errors.add(new FieldError("/" + f, "unknown field"));
            }
        });
        JsonNode reason = root.get("reason");
        JsonNode request = root.get("request");
        if (reason != null && !reason.isNull() && !reason.isTextual()) {
            errors.add(new FieldError("/reason", "must be a string"));
        }
        if (request != null && !request.isNull() && !request.isObject()) {
            errors.add(new FieldError("/request", "must be a screening request object"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(400, errors);
        }
        return new AmendmentRequest(
                reason == null || reason.isNull() ? null : reason.asText(),
                request == null || request.isNull() ? null : request.toString());
    }
}

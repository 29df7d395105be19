package io.crosscheck.cdshooks.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The parts of a CDS Hooks request Crosscheck uses, read and checked from its JSON body (400 naming each wrong field). */
record HookRequest(
        String hook, String hookInstance, String patientId, String fhirServer, String accessToken, JsonNode prefetch) {

    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    /** Reads a request for {@code service}; 400 with every problem found. */
    static HookRequest read(ObjectMapper json, String body, CdsModel.Service service) {
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(400, List.of(new FieldError("", "malformed JSON")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new InvalidRequestException(
                    400, List.of(new FieldError("", "a CDS Hooks request object is required")));
        }
        String hook = text(root, "hook");
        if (hook == null) {
            errors.add(new FieldError("/hook", "required"));
        } else if (!hook.equals(service.hook())) {
            errors.add(new FieldError("/hook", "this service answers the " + service.hook() + " hook", hook));
        }
        String instance = text(root, "hookInstance");
        if (instance == null || instance.length() > 128) {
            errors.add(new FieldError("/hookInstance", "required, at most 128 characters"));
        }
        JsonNode context = root.get("context");
        String patientId = null;
        if (context == null || !context.isObject()) {
            errors.add(new FieldError("/context", "required object"));
        } else {
            patientId = text(context, "patientId");
            if (patientId == null || !FHIR_ID.matcher(patientId).matches()) {
                errors.add(new FieldError("/context/patientId", "required FHIR id"));
                patientId = null;
            }
            if (text(context, "userId") == null) {
                errors.add(new FieldError("/context/userId", "required"));
            }
            if (service.hook().equals("encounter-start") && text(context, "encounterId") == null) {
                errors.add(new FieldError("/context/encounterId", "required for encounter-start"));
            }
        }
        String fhirServer = text(root, "fhirServer");
        if (fhirServer != null && !fhirServer.matches("https?://\\S+")) {
            errors.add(new FieldError("/fhirServer", "an absolute http(s) URL"));
        }
        String token = null;
        JsonNode auth = root.get("fhirAuthorization");
        if (auth != null && !auth.isNull()) {
            token = text(auth, "access_token");
            if (token == null) {
                errors.add(
                        new FieldError("/fhirAuthorization/access_token", "required when fhirAuthorization is sent"));
            }
            String type = text(auth, "token_type");
            if (type != null && !type.equalsIgnoreCase("Bearer")) {
                errors.add(new FieldError("/fhirAuthorization/token_type", "must be Bearer", type));
            }
            if (fhirServer == null) {
                errors.add(new FieldError("/fhirServer", "required when fhirAuthorization is sent"));
            }
        }
        JsonNode prefetch = root.get("prefetch");
        if (prefetch != null && !prefetch.isNull() && !prefetch.isObject()) {
            errors.add(new FieldError("/prefetch", "an object"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(400, errors);
        }
        return new HookRequest(hook, instance, patientId, fhirServer, token, prefetch);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}

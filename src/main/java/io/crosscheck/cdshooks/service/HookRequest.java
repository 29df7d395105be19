package io.crosscheck.cdshooks.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parts of a CDS Hooks request Crosscheck uses, read and checked from its JSON body (400 naming each wrong field).
 * {@code screenRequested}: the call asks for the screen whatever the encounter (request extension
 * {@value #SCREEN_REQUESTED} set to true).
 */
record HookRequest(
        String hook,
        String hookInstance,
        String patientId,
        String encounterId,
        String fhirServer,
        String accessToken,
        JsonNode prefetch,
        boolean screenRequested) {

    /** The request extension that asks for the screen (CDS Hooks: extension names in reverse-domain notation). */
    static final String SCREEN_REQUESTED = "io.crosscheck.screen-requested";

    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    /** Reads a request for a service of {@code serviceHook}; 400 with every problem found. */
    static HookRequest read(ObjectMapper json, String body, String serviceHook) {
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
        } else if (!hook.equals(serviceHook)) {
            errors.add(new FieldError("/hook", "this service answers the " + serviceHook + " hook", hook));
        }
        String instance = text(root, "hookInstance");
        if (instance == null || instance.length() > 128) {
            errors.add(new FieldError("/hookInstance", "required, at most 128 characters"));
        }
        JsonNode context = root.get("context");
        String patientId = null;
        String encounterId = null;
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
            encounterId = text(context, "encounterId");
            if (serviceHook.equals("encounter-start") && encounterId == null) {
                errors.add(new FieldError("/context/encounterId", "required for encounter-start"));
            } else if (encounterId != null && !FHIR_ID.matcher(encounterId).matches()) {
                errors.add(new FieldError("/context/encounterId", "a FHIR id"));
                encounterId = null;
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
        JsonNode extension = root.get("extension");
        boolean requested = false;
        if (extension != null && !extension.isNull()) {
            if (!extension.isObject()) {
                errors.add(new FieldError("/extension", "an object"));
            } else if (extension.has(SCREEN_REQUESTED)) {
                if (!extension.get(SCREEN_REQUESTED).isBoolean()) {
                    errors.add(new FieldError("/extension/" + SCREEN_REQUESTED, "true or false"));
                }
                requested = extension.get(SCREEN_REQUESTED).asBoolean(false);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(400, errors);
        }
        return new HookRequest(hook, instance, patientId, encounterId, fhirServer, token, prefetch, requested);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}

package io.crosscheck.cdshooks.smart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.cdshooks.config.EhrConfig;
import io.crosscheck.cdshooks.store.EhrClient;
import io.crosscheck.cdshooks.store.SmartLaunch;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The EHR's authorisation server as a SMART launch talks to it over HTTP: its {@code .well-known/smart-configuration}
 * (checked to be usable for an EHR launch with PKCE S256 and a verifiable id_token) and its token endpoint (the code
 * exchanged with the PKCE verifier, as a public client or, with a configured secret, a confidential one).
 */
@ApplicationScoped
class SmartAuthorizationServer {

    /** What a launch needs of the SMART configuration. {@code jwksUri} is null when the EHR client's registered keys are used. */
    record Endpoints(String authorize, String token, String tokenIssuer, String jwksUri) {}

    private final EhrConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    SmartAuthorizationServer(EhrConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.smart().timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Reads and checks the SMART configuration of {@code fhirBase}; 502 when it cannot be used. */
    Endpoints endpoints(String fhirBase, EhrClient client) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fhirBase + "/.well-known/smart-configuration"))
                .timeout(config.smart().timeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        JsonNode smart = readJson(request, client.issuer, "SMART configuration");
        String authorize = endpoint(smart, "authorization_endpoint", client.issuer);
        String token = endpoint(smart, "token_endpoint", client.issuer);
        String tokenIssuer = text(smart, "issuer");
        if (tokenIssuer == null) {
            throw SmartLaunchRefused.unusable(
                    client.issuer, "no issuer in the SMART configuration (needed to check the id_token)");
        }
        String jwksUri = smart.hasNonNull("jwks_uri") ? endpoint(smart, "jwks_uri", client.issuer) : null;
        if (jwksUri == null && client.jwks == null && client.jwksUrl == null) {
            throw SmartLaunchRefused.unusable(
                    client.issuer, "no jwks_uri in the SMART configuration and no keys registered");
        }
        JsonNode methods = smart.get("code_challenge_methods_supported");
        if (methods != null
                && methods.isArray()
                && StreamSupport.stream(methods.spliterator(), false).noneMatch(m -> "S256".equals(m.asText()))) {
            throw SmartLaunchRefused.unusable(client.issuer, "the authorisation server does not support PKCE S256");
        }
        return new Endpoints(authorize, token, tokenIssuer, jwksUri);
    }

    /** Exchanges the authorisation code at the launch's token endpoint; the token response. */
    JsonNode exchange(SmartLaunch launch, EhrClient client, String code, String redirectUri) {
        String secret = config.smart().clientSecrets().get(client.smartClientId);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUri);
        if (secret == null) {
            body.put(
                    "client_id",
                    client.smartClientId); // a public client names itself; a confidential one authenticates below
        }
        body.put("code_verifier", launch.codeVerifier);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(launch.tokenEndpoint))
                .timeout(config.smart().timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(body)));
        if (secret != null) {
            // client_secret_basic (RFC 6749 2.3.1): id and secret form-encoded, then Base64
            String pair = URLEncoder.encode(client.smartClientId, StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(secret, StandardCharsets.UTF_8);
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return readJson(request.build(), client.issuer, "token endpoint");
    }

    private JsonNode readJson(HttpRequest request, String ehrClient, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw SmartLaunchRefused.unreachable(
                    ehrClient, what + " unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SmartLaunchRefused.unreachable(ehrClient, what + " interrupted");
        }
        if (response.statusCode() != 200) {
            throw SmartLaunchRefused.unreachable(ehrClient, what + " answered " + response.statusCode());
        }
        try {
            JsonNode node = json.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw SmartLaunchRefused.unreachable(ehrClient, what + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw SmartLaunchRefused.unreachable(ehrClient, what + " is not JSON");
        }
    }

    private String endpoint(JsonNode smart, String field, String ehrClient) {
        String url = text(smart, field);
        if (url == null || !url.matches("https?://[^\\s#]{1,990}")) {
            throw SmartLaunchRefused.unusable(ehrClient, "SMART configuration without a usable " + field);
        }
        if (!config.schemeAllowed(url)) {
            throw SmartLaunchRefused.unusable(ehrClient, "the SMART configuration's " + field + " is not https");
        }
        return url;
    }

    /** A non-blank text field of a JSON object, else null. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText();
    }

    /** {@code application/x-www-form-urlencoded}, in the map's order. */
    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

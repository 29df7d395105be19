package io.crosscheck.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * An EHR's SMART authorisation server over real HTTP (JDK HttpServer): {@code /fhir/.well-known/smart-configuration},
 * an authorize endpoint that checks the request and redirects back with a one-time code, a token endpoint that checks
 * the code, client, redirect URI and the PKCE verifier against the challenge and answers with the launch context and
 * an id_token signed with a test RSA key (RS256), and that key's JWKS. What the id_token looks like is set per test
 * ({@link #idToken}); launches are registered with their context ({@link #launch}). A public client names itself in
 * the token request; a confidential one ({@link #secret}) authenticates with HTTP Basic, else 401 invalid_client.
 */
public final class FakeSmartEhr implements AutoCloseable {

    public static final String CLIENT_ID = "crosscheck-smart-test";

    /** How the token endpoint signs its id_token. */
    public enum IdToken {
        GOOD,
        WRONG_AUDIENCE,
        EXPIRED,
        OTHER_KEY,
        HS256,
        NONE
    }

    public final RsaJsonWebKey key;
    private final RsaJsonWebKey otherKey;
    private final HttpServer server;
    private final Map<String, Map<String, String>> launches = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    /** Problems the fake found in Crosscheck's requests (the tests expect none). */
    public final List<String> problems = new CopyOnWriteArrayList<>();

    public volatile IdToken idToken = IdToken.GOOD;
    /** How often the JWKS was read. */
    public final java.util.concurrent.atomic.AtomicInteger jwksRequests =
            new java.util.concurrent.atomic.AtomicInteger();

    /** How often the SMART configuration was read. */
    public final java.util.concurrent.atomic.AtomicInteger configurationRequests =
            new java.util.concurrent.atomic.AtomicInteger();

    public volatile String subject = "practitioner-7";
    /** The client Crosscheck is at this EHR, and its secret when it is a confidential client (null: public). */
    public final String clientId;

    public volatile String secret;

    /** A public client, {@value #CLIENT_ID}. */
    public FakeSmartEhr() throws IOException, JoseException {
        this(CLIENT_ID, null);
    }

    /** A client with this id; with a secret it is confidential and must authenticate with HTTP Basic at the token endpoint. */
    public FakeSmartEhr(String clientId, String secret) throws IOException, JoseException {
        this.clientId = clientId;
        this.secret = secret;
        key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("ehr-auth-1");
        otherKey = RsaJwkGenerator.generateJwk(2048);
        otherKey.setKeyId("ehr-auth-1");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fhir/.well-known/smart-configuration", this::configuration);
        server.createContext("/fhir-b/.well-known/smart-configuration", this::configuration);
        server.createContext("/auth/authorize", this::authorize);
        server.createContext("/auth/token", this::token);
        server.createContext("/auth/jwks", ex -> {
            jwksRequests.incrementAndGet();
            send(ex, 200, new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        });
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The FHIR base URL the EHR launches from (the launch's iss). */
    public String fhirBase() {
        return base() + "/fhir";
    }

    /**
     * A second FHIR base URL of the same EHR, with the same authorisation server (and so the same id_token issuer):
     * for a second EHR client registered with another clinic.
     */
    public String otherFhirBase() {
        return base() + "/fhir-b";
    }

    public String issuer() {
        return base() + "/auth";
    }

    /** Registers a launch id with its context (patient, appContext; either may be null); returns the id. */
    public String launch(String patient, String appContext) {
        String id = UUID.randomUUID().toString();
        Map<String, String> context = new LinkedHashMap<>();
        if (patient != null) {
            context.put("patient", patient);
        }
        if (appContext != null) {
            context.put("appContext", appContext);
        }
        launches.put(id, context);
        return id;
    }

    private void configuration(HttpExchange ex) throws IOException {
        configurationRequests.incrementAndGet();
        send(
                ex,
                200,
                "{\"issuer\":\"" + issuer() + "\",\"authorization_endpoint\":\"" + issuer() + "/authorize\","
                        + "\"token_endpoint\":\"" + issuer() + "/token\",\"jwks_uri\":\"" + issuer() + "/jwks\","
                        + "\"code_challenge_methods_supported\":[\"S256\"],\"capabilities\":[\"launch-ehr\",\"client-public\","
                        + "\"sso-openid-connect\",\"context-ehr-patient\"]}");
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = params(ex.getRequestURI().getRawQuery());
        expect(q, "response_type", "code");
        expect(q, "client_id", clientId);
        if (!fhirBase().equals(q.get("aud")) && !otherFhirBase().equals(q.get("aud"))) {
            problems.add("authorize aud was " + q.get("aud") + ", expected one of this EHR's FHIR base URLs");
        }
        expect(q, "code_challenge_method", "S256");
        for (String required : List.of("redirect_uri", "state", "code_challenge", "scope", "launch")) {
            if (q.get(required) == null) {
                problems.add("authorize without " + required);
            }
        }
        if (q.get("scope") != null
                && !List.of(q.get("scope").split(" ")).containsAll(List.of("launch", "openid", "fhirUser"))) {
            problems.add("scope without launch openid fhirUser: " + q.get("scope"));
        }
        Map<String, String> context = launches.get(q.getOrDefault("launch", ""));
        if (context == null) {
            send(ex, 400, "{\"error\":\"unknown launch\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        Map<String, String> grant = new LinkedHashMap<>(context);
        grant.put("challenge", q.get("code_challenge"));
        grant.put("redirect_uri", q.get("redirect_uri"));
        grant.put("scope", q.get("scope"));
        codes.put(code, grant);
        ex.getResponseHeaders()
                .add("Location", q.get("redirect_uri") + "?code=" + enc(code) + "&state=" + enc(q.get("state")));
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            send(ex, 405, "{}");
            return;
        }
        Map<String, String> f = params(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String expected = secret == null
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString((enc(clientId) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
        if (secret != null && !expected.equals(auth)) {
            send(ex, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Map<String, String> grant = codes.remove(f.getOrDefault("code", ""));
        boolean clientNamed = secret == null
                ? clientId.equals(f.get("client_id")) && auth == null
                : f.get("client_id") == null || clientId.equals(f.get("client_id"));
        if (grant == null
                || !"authorization_code".equals(f.get("grant_type"))
                || !clientNamed
                || !grant.get("redirect_uri").equals(f.get("redirect_uri"))) {
            problems.add("token request refused: unknown code, wrong grant type, client or redirect_uri");
            send(ex, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        String verifier = f.get("code_verifier");
        if (verifier == null || !s256(verifier).equals(grant.get("challenge"))) {
            problems.add("token request refused: the code_verifier does not match the code_challenge");
            send(ex, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        StringBuilder body = new StringBuilder(
                "{\"access_token\":\"fake-access-token\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                        + "\"scope\":\"" + grant.get("scope") + "\"");
        if (idToken != IdToken.NONE) {
            body.append(",\"id_token\":\"").append(idToken()).append('"');
        }
        if (grant.get("patient") != null) {
            body.append(",\"patient\":\"").append(grant.get("patient")).append('"');
        }
        if (grant.get("appContext") != null) {
            body.append(",\"appContext\":\"").append(grant.get("appContext")).append('"');
        }
        send(ex, 200, body.append('}').toString());
    }

    private String idToken() {
        JwtClaims c = new JwtClaims();
        c.setIssuer(issuer());
        c.setSubject(subject);
        c.setAudience(idToken == IdToken.WRONG_AUDIENCE ? "some-other-app" : clientId);
        c.setIssuedAtToNow();
        c.setExpirationTimeMinutesInTheFuture(5);
        if (idToken == IdToken.EXPIRED) {
            c.setIssuedAt(EhrKeys.minutesAgo(30));
            c.setExpirationTime(EhrKeys.minutesAgo(20));
        }
        c.setClaim("fhirUser", fhirBase() + "/Practitioner/" + subject);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(c.toJson());
        jws.setKeyIdHeaderValue(key.getKeyId());
        if (idToken == IdToken.HS256) {
            jws.setKey(new HmacKey(new JsonWebKeySet(key)
                    .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                    .getBytes(StandardCharsets.UTF_8)));
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        } else {
            jws.setKey((idToken == IdToken.OTHER_KEY ? otherKey : key).getPrivateKey());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        }
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private void expect(Map<String, String> q, String name, String value) {
        if (!value.equals(q.get(name))) {
            problems.add("authorize " + name + " was " + q.get(name) + ", expected " + value);
        }
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> params(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

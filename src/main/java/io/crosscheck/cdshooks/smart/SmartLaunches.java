package io.crosscheck.cdshooks.smart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.cdshooks.config.EhrConfig;
import io.crosscheck.cdshooks.security.JwtKeySources;
import io.crosscheck.cdshooks.service.CdsHookService;
import io.crosscheck.cdshooks.service.EhrClients;
import io.crosscheck.cdshooks.store.EhrClient;
import io.crosscheck.cdshooks.store.SmartLaunch;
import io.crosscheck.cdshooks.store.SmartServer;
import io.crosscheck.common.access.Role;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.screening.Screening;
import io.crosscheck.security.AppUser;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * SMART App Launch 2.x, EHR launch, with PKCE (S256), as a public client or, when a secret is configured for its
 * client_id ({@code crosscheck.ehr.smart.client-secrets}), a confidential one (client_secret_basic). {@link #begin}: the launch's {@code iss}
 * must be a FHIR server registered for SMART by an EHR client; its {@code .well-known/smart-configuration} gives the
 * authorize and token endpoints, and the browser is sent to authorize with a random state bound to it by a cookie
 * (both kept only as digests, in the database, so any node can take the callback). {@link #finish}: the state is
 * checked and used up, the code exchanged with the PKCE verifier, and the {@code id_token} verified with SmallRye
 * JWT (the authorisation server's keys and issuer, audience = client_id, RS256/RS384/ES256/ES384 only, unexpired);
 * the clinician becomes (or is found as) the user {@code ehr:<issuer digest>:<sub>} with role physio in the EHR
 * client's clinic, and the page to open is the screening named by {@code appContext}, else the patient's latest
 * screening, of that clinic only. Log lines name the EHR client and the reason, never tokens, codes or patients.
 */
@ApplicationScoped
public class SmartLaunches {

    private static final Logger LOG = Logger.getLogger(SmartLaunches.class);
    static final Set<SignatureAlgorithm> ALGORITHMS = Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.RS384,
            SignatureAlgorithm.ES256, SignatureAlgorithm.ES384);

    /** A launch refused: the HTTP status and a message for the clinician (no patient data). */
    public static class Refused extends RuntimeException {
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Where to send the browser, and the value of its launch cookie (new or the one it had). */
    public record Begun(String authorizeUrl, String browserValue) {
    }

    /** The signed-in clinician (user name) and the page to open. */
    public record Finished(String username, String clinicId, String target) {
    }

    private final EhrConfig config;
    private final JwtKeySources keySources;
    private final ObjectMapper json;
    private final Event<AuditEvent> audit;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    SmartLaunches(EhrConfig config, ObjectMapper json, Event<AuditEvent> audit, JwtKeySources keySources) {
        this.config = config;
        this.keySources = keySources;
        this.json = json;
        this.audit = audit;
        this.http = HttpClient.newBuilder().connectTimeout(config.smart().timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The first leg: checks {@code iss}, reads the EHR's SMART configuration, stores the launch, and names the authorize URL. */
    public Begun begin(String iss, String launch, String browserValue, String redirectUri) {
        if (iss == null || iss.isBlank() || launch == null || launch.isBlank()) {
            throw new Refused(400, "A SMART launch needs the EHR's iss and launch parameters.");
        }
        if (iss.length() > 1000 || launch.length() > 4000) {
            throw new Refused(400, "The launch parameters are too long.");
        }
        String fhirBase = EhrClients.normalise(iss.trim());
        EhrClient client = QuarkusTransaction.requiringNew().call(() -> {
            SmartServer server = SmartServer.findById(fhirBase);
            EhrClient c = server == null ? null : EhrClient.findById(server.ehrClient);
            return c == null || c.smartClientId == null ? null : c;
        });
        if (client == null) {
            LOG.infof("SMART launch refused: iss not registered for SMART launch");
            throw new Refused(400, "This EHR is not registered to launch Crosscheck (its FHIR server is unknown). "
                    + "An administrator registers it with its SMART settings.");
        }
        JsonNode smart = smartConfiguration(fhirBase, client.issuer);
        String authorize = endpoint(smart, "authorization_endpoint", client.issuer);
        String token = endpoint(smart, "token_endpoint", client.issuer);
        String tokenIssuer = text(smart, "issuer");
        if (tokenIssuer == null) {
            throw unusable(client.issuer, "no issuer in the SMART configuration (needed to check the id_token)");
        }
        String jwksUri = smart.hasNonNull("jwks_uri") ? endpoint(smart, "jwks_uri", client.issuer) : null;
        if (jwksUri == null && client.jwks == null && client.jwksUrl == null) {
            throw unusable(client.issuer, "no jwks_uri in the SMART configuration and no keys registered");
        }
        JsonNode methods = smart.get("code_challenge_methods_supported");
        if (methods != null && methods.isArray() && java.util.stream.StreamSupport.stream(methods.spliterator(), false)
                .noneMatch(m -> "S256".equals(m.asText()))) {
            throw unusable(client.issuer, "the authorisation server does not support PKCE S256");
        }

        String browser = browserValue != null && browserValue.matches("[A-Za-z0-9_-]{43}") ? browserValue : randomToken();
        String state = randomToken();
        String verifier = randomToken() + randomToken();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
        QuarkusTransaction.requiringNew().run(() -> {
            SmartLaunch.delete("expiresAt < ?1", clock.instant());
            SmartLaunch l = new SmartLaunch();
            l.stateHash = digest(state);
            l.browserHash = digest(browser);
            l.ehrClient = client.issuer;
            l.fhirBase = fhirBase;
            l.codeVerifier = verifier;
            l.tokenEndpoint = token;
            l.tokenIssuer = tokenIssuer;
            l.jwksUri = jwksUri;
            l.expiresAt = clock.instant().plus(config.smart().stateTtl());
            l.persist();
        });
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", client.smartClientId);
        query.put("redirect_uri", redirectUri);
        query.put("launch", launch);
        query.put("scope", config.smart().scope());
        query.put("state", state);
        query.put("aud", iss.trim());
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
        return new Begun(authorize + (authorize.contains("?") ? "&" : "?") + form(query), browser);
    }

    /** The callback: state, code exchange, id_token, user, and the page to open. */
    public Finished finish(String code, String state, String browserValue, String redirectUri) {
        if (state == null || state.isBlank() || state.length() > 200) {
            throw new Refused(400, "The sign-in from the EHR carried no state: start again from the EHR.");
        }
        SmartLaunch launch = QuarkusTransaction.requiringNew().call(() -> {
            SmartLaunch l = SmartLaunch.findById(digest(state));
            if (l != null) {
                l.delete(); // used once, whatever happens next
            }
            return l;
        });
        if (launch == null || launch.expiresAt.isBefore(clock.instant())) {
            LOG.infof("SMART callback refused: unknown, used or expired state");
            throw new Refused(400, "This sign-in from the EHR is unknown, already used or expired: start again from the EHR.");
        }
        if (browserValue == null || !MessageDigest.isEqual(digest(browserValue).getBytes(StandardCharsets.US_ASCII),
                launch.browserHash.getBytes(StandardCharsets.US_ASCII))) {
            LOG.infof("SMART callback refused (EHR client %s): state not started in this browser", launch.ehrClient);
            throw new Refused(400, "This sign-in was not started in this browser: start again from the EHR.");
        }
        if (code == null || code.isBlank() || code.length() > 4000) {
            throw new Refused(400, "The EHR sent no authorisation code: start again from the EHR.");
        }
        EhrClient client = QuarkusTransaction.requiringNew().call(() -> EhrClient.<EhrClient>findById(launch.ehrClient));
        if (client == null || client.smartClientId == null) {
            throw new Refused(400, "This EHR is no longer registered to launch Crosscheck.");
        }
        JsonNode tokenResponse = exchange(launch, client, code, redirectUri);
        String idToken = text(tokenResponse, "id_token");
        if (idToken == null) {
            throw refusedIdentity(client.issuer, "no id_token in the token response (scope openid)");
        }
        JsonWebToken jwt = verify(idToken, launch, client);
        String sub = jwt.getSubject();
        if (sub == null || sub.isBlank()) {
            throw refusedIdentity(client.issuer, "id_token without sub");
        }
        String username = username(launch.tokenIssuer, sub);
        String clinic = client.clinicId;
        String target = QuarkusTransaction.requiringNew().call(() -> {
            provision(username, clinic);
            return target(client.issuer, clinic, text(tokenResponse, "appContext"), text(tokenResponse, "patient"));
        });
        audit.fire(new AuditEvent("smart.sign-in", username, null, "EHR client " + client.issuer + ", clinic " + clinic));
        return new Finished(username, clinic, target);
    }

    private JsonNode smartConfiguration(String fhirBase, String ehrClient) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fhirBase + "/.well-known/smart-configuration"))
                .timeout(config.smart().timeout()).header("Accept", "application/json").GET().build();
        return readJson(request, ehrClient, "SMART configuration");
    }

    private JsonNode exchange(SmartLaunch launch, EhrClient client, String code, String redirectUri) {
        String secret = config.smart().clientSecrets().get(client.smartClientId);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUri);
        if (secret == null) {
            body.put("client_id", client.smartClientId); // a public client names itself; a confidential one authenticates below
        }
        body.put("code_verifier", launch.codeVerifier);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(launch.tokenEndpoint)).timeout(config.smart().timeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(body)));
        if (secret != null) {
            // client_secret_basic (RFC 6749 2.3.1): id and secret form-encoded, then Base64
            String pair = URLEncoder.encode(client.smartClientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return readJson(request.build(), client.issuer, "token endpoint");
    }

    private JsonNode readJson(HttpRequest request, String ehrClient, String what) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable(ehrClient, what + " unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(ehrClient, what + " interrupted");
        }
        if (response.statusCode() != 200) {
            throw unreachable(ehrClient, what + " answered " + response.statusCode());
        }
        try {
            JsonNode node = json.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw unreachable(ehrClient, what + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw unreachable(ehrClient, what + " is not JSON");
        }
    }

    /** The id_token, verified by SmallRye JWT against the authorisation server's keys; refused otherwise. */
    private JsonWebToken verify(String idToken, SmartLaunch launch, EhrClient client) {
        JwtKeySources.KeySource keys = launch.jwksUri != null
                ? new JwtKeySources.KeySource("smart-id-token", client.issuer, null, launch.jwksUri)
                : new JwtKeySources.KeySource("smart-id-token", client.issuer, client.jwks, client.jwksUrl);
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setKeyFormat(io.smallrye.jwt.KeyFormat.JWK);
        info.setIssuedBy(launch.tokenIssuer);
        info.setExpectedAudience(Set.of(client.smartClientId));
        info.setSignatureAlgorithm(ALGORITHMS);
        info.setClockSkew((int) config.clockSkew().toSeconds());
        try {
            // the keys of this authorisation server only, read once per key source (not per launch)
            return keySources.verify(keys, idToken, info, (int) config.jwksCacheTtl().toMinutes());
        } catch (ParseException | RuntimeException e) {
            throw refusedIdentity(client.issuer, "id_token not accepted (" + JwtKeySources.reason(e) + ")");
        }
    }

    /** The Crosscheck user of an EHR clinician: {@code ehr:<issuer digest>:<sub>}, the sub digested when it does not fit. */
    static String username(String tokenIssuer, String sub) {
        String issuer = HexFormat.of().formatHex(sha256(tokenIssuer.getBytes(StandardCharsets.UTF_8)), 0, 6);
        String who = sub.matches("[A-Za-z0-9._@-]{1,47}") ? sub
                : "h" + HexFormat.of().formatHex(sha256(sub.getBytes(StandardCharsets.UTF_8)), 0, 16);
        return "ehr:" + issuer + ":" + who;
    }

    /** Creates the clinician's user (role physio, no usable password) or keeps it in the EHR client's clinic. */
    private void provision(String username, String clinic) {
        AppUser user = AppUser.byName(username);
        if (user == null) {
            user = new AppUser();
            user.username = username;
            // signs in through the EHR only: the password is random and never known
            user.password = BcryptUtil.bcryptHash(randomToken() + randomToken());
            user.roles = Role.PHYSIO;
            user.clinicId = clinic;
            user.createdAt = clock.instant();
            user.persist();
            audit.fire(new AuditEvent(AuditEvent.USER_CREATE, username, null, "SMART launch, role physio, clinic " + clinic));
        } else if (!clinic.equals(user.clinicId)) {
            user.clinicId = clinic;
        }
    }

    /** The page to open: the screening named by appContext, else the patient's latest one, of the clinic only; else the client list. */
    private static String target(String ehrClient, String clinic, String appContext, String patient) {
        if (appContext != null) {
            try {
                Screening s = Screening.findById(UUID.fromString(appContext.trim()));
                if (s != null && clinic.equals(s.clinicId)) {
                    return "/ui/screenings/" + s.id;
                }
            } catch (IllegalArgumentException e) {
                // not a screening id: fall back to the patient in context
            }
        }
        if (patient != null && !patient.isBlank()) {
            Screening latest = Screening.<Screening>find("clinicId = ?1 and clientRef = ?2 order by createdAt desc", clinic,
                    CdsHookService.pseudonym(ehrClient, patient)).firstResult();
            if (latest != null) {
                return "/ui/screenings/" + latest.id;
            }
        }
        return "/ui/clients";
    }

    private String endpoint(JsonNode smart, String field, String ehrClient) {
        String url = text(smart, field);
        if (url == null || !url.matches("https?://[^\\s#]{1,990}")) {
            throw unusable(ehrClient, "SMART configuration without a usable " + field);
        }
        return url;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText();
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String digest(String value) {
        return HexFormat.of().formatHex(sha256(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Refused unusable(String ehrClient, String why) {
        LOG.warnf("SMART launch failed (EHR client %s): %s", ehrClient, why);
        return new Refused(502, "The EHR's SMART configuration cannot be used: " + why + ".");
    }

    private static Refused unreachable(String ehrClient, String why) {
        LOG.warnf("SMART launch failed (EHR client %s): %s", ehrClient, why);
        return new Refused(502, "The EHR's authorisation server could not be used (" + why + "). Try again from the EHR.");
    }

    private static Refused refusedIdentity(String ehrClient, String why) {
        LOG.infof("SMART sign-in refused (EHR client %s): %s", ehrClient, why);
        return new Refused(403, "The EHR's identity token was not accepted, so you are not signed in.");
    }
}

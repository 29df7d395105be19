package io.crosscheck.cdshooks.smart;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscheck.cdshooks.config.EhrConfig;
import io.crosscheck.cdshooks.service.EhrClients;
import io.crosscheck.cdshooks.store.EhrClient;
import io.crosscheck.cdshooks.store.SmartLaunch;
import io.crosscheck.cdshooks.store.SmartServer;
import io.crosscheck.common.audit.AuditEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * SMART App Launch 2.x, EHR launch, with PKCE (S256), as a public client or, when a secret is configured for its
 * client_id ({@code crosscheck.ehr.smart.client-secrets}), a confidential one (client_secret_basic). {@link #begin}: the launch's {@code iss}
 * must be a FHIR server registered for SMART by an EHR client; its {@code .well-known/smart-configuration} gives the
 * authorize and token endpoints ({@link SmartAuthorizationServer}), and the browser is sent to authorize with a random
 * state bound to it by a cookie (both kept only as digests, in the database, so any node can take the callback).
 * {@link #finish}: the state is checked and used up, the code exchanged with the PKCE verifier, and the {@code id_token}
 * verified ({@link SmartIdTokens}); the clinician becomes (or is found as) a user with role physio in the EHR client's
 * clinic, and the page to open is the screening named by {@code appContext}, else the patient's latest screening, of
 * that clinic only ({@link SmartClinicians}). Log lines name the EHR client and the reason, never tokens, codes or patients.
 */
@ApplicationScoped
public class SmartLaunches {

    private static final Logger LOG = Logger.getLogger(SmartLaunches.class);

    /** Where to send the browser, and the value of its launch cookie (new or the one it had). */
    public record Begun(String authorizeUrl, String browserValue) {}

    /** The signed-in clinician (user name) and the page to open. */
    public record Finished(String username, String clinicId, String target) {}

    private final EhrConfig config;
    private final SmartAuthorizationServer server;
    private final SmartIdTokens idTokens;
    private final SmartClinicians clinicians;
    private final Event<AuditEvent> audit;
    private final Clock clock = Clock.systemUTC();

    SmartLaunches(
            EhrConfig config,
            SmartAuthorizationServer server,
            SmartIdTokens idTokens,
            SmartClinicians clinicians,
            Event<AuditEvent> audit) {
        this.config = config;
        this.server = server;
        this.idTokens = idTokens;
        this.clinicians = clinicians;
        this.audit = audit;
    }

    /** The first leg: checks {@code iss}, reads the EHR's SMART configuration, stores the launch, and names the authorize URL. */
    public Begun begin(String iss, String launch, String browserValue, String redirectUri) {
        if (iss == null || iss.isBlank() || launch == null || launch.isBlank()) {
            throw new SmartLaunchRefused(400, "A SMART launch needs the EHR's iss and launch parameters.");
        }
        if (iss.length() > 1000 || launch.length() > 4000) {
            throw new SmartLaunchRefused(400, "The launch parameters are too long.");
        }
        if (!config.schemeAllowed(iss.trim())) {
            LOG.infof("SMART launch refused: iss is not an https URL");
            throw new SmartLaunchRefused(
                    400,
                    "This EHR launches Crosscheck from a plain http address: only https launches are accepted. "
                            + "An administrator registers the EHR's https FHIR address.");
        }
        String fhirBase = EhrClients.normalise(iss.trim());
        EhrClient client = QuarkusTransaction.requiringNew().call(() -> {
            SmartServer smartServer = SmartServer.findById(fhirBase);
            EhrClient c = smartServer == null ? null : EhrClient.findById(smartServer.ehrClient);
            return c == null || c.smartClientId == null ? null : c;
        });
        if (client == null) {
            LOG.infof("SMART launch refused: iss not registered for SMART launch");
            throw new SmartLaunchRefused(
                    400,
                    "This EHR is not registered to launch Crosscheck (its FHIR server is unknown). "
                            + "An administrator registers it with its SMART settings.");
        }
        SmartAuthorizationServer.Endpoints smart = server.endpoints(fhirBase, client);

        String browser = browserValue != null && browserValue.matches("[A-Za-z0-9_-]{43}")
                ? browserValue
                : LaunchSecrets.randomToken();
        String state = LaunchSecrets.randomToken();
        String verifier = LaunchSecrets.randomToken() + LaunchSecrets.randomToken();
        QuarkusTransaction.requiringNew().run(() -> {
            SmartLaunch.delete("expiresAt < ?1", clock.instant());
            SmartLaunch l = new SmartLaunch();
            l.stateHash = LaunchSecrets.digest(state);
            l.browserHash = LaunchSecrets.digest(browser);
            l.ehrClient = client.issuer;
            l.fhirBase = fhirBase;
            l.codeVerifier = verifier;
            l.tokenEndpoint = smart.token();
            l.tokenIssuer = smart.tokenIssuer();
            l.jwksUri = smart.jwksUri();
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
        query.put("code_challenge", LaunchSecrets.challenge(verifier));
        query.put("code_challenge_method", "S256");
        String authorize = smart.authorize();
        return new Begun(
                authorize + (authorize.contains("?") ? "&" : "?") + SmartAuthorizationServer.form(query), browser);
    }

    /** The callback: state, code exchange, id_token, user, and the page to open. */
    public Finished finish(String code, String state, String browserValue, String redirectUri) {
        if (state == null || state.isBlank() || state.length() > 200) {
            throw new SmartLaunchRefused(400, "The sign-in from the EHR carried no state: start again from the EHR.");
        }
        SmartLaunch launch = QuarkusTransaction.requiringNew().call(() -> {
            SmartLaunch l = SmartLaunch.findById(LaunchSecrets.digest(state));
            if (l != null) {
                l.delete(); // used once, whatever happens next
            }
            return l;
        });
        if (launch == null || launch.expiresAt.isBefore(clock.instant())) {
            LOG.infof("SMART callback refused: unknown, used or expired state");
            throw new SmartLaunchRefused(
                    400, "This sign-in from the EHR is unknown, already used or expired: start again from the EHR.");
        }
        if (!LaunchSecrets.matches(browserValue, launch.browserHash)) {
            LOG.infof("SMART callback refused (EHR client %s): state not started in this browser", launch.ehrClient);
            throw new SmartLaunchRefused(
                    400, "This sign-in was not started in this browser: start again from the EHR.");
        }
        if (code == null || code.isBlank() || code.length() > 4000) {
            throw new SmartLaunchRefused(400, "The EHR sent no authorisation code: start again from the EHR.");
        }
        EhrClient client =
                QuarkusTransaction.requiringNew().call(() -> EhrClient.<EhrClient>findById(launch.ehrClient));
        if (client == null || client.smartClientId == null) {
            throw new SmartLaunchRefused(400, "This EHR is no longer registered to launch Crosscheck.");
        }
        JsonNode tokenResponse = server.exchange(launch, client, code, redirectUri);
        String idToken = SmartAuthorizationServer.text(tokenResponse, "id_token");
        if (idToken == null) {
            throw SmartLaunchRefused.identity(client.issuer, "no id_token in the token response (scope openid)");
        }
        JsonWebToken jwt = idTokens.verify(idToken, launch, client);
        String sub = jwt.getSubject();
        if (sub == null || sub.isBlank()) {
            throw SmartLaunchRefused.identity(client.issuer, "id_token without sub");
        }
        String username = SmartClinicians.username(launch.tokenIssuer, client.issuer, sub);
        String clinic = client.clinicId;
        String target = QuarkusTransaction.requiringNew().call(() -> {
            clinicians.provision(username, clinic);
            return SmartClinicians.target(
                    client.issuer,
                    clinic,
                    SmartAuthorizationServer.text(tokenResponse, "appContext"),
                    SmartAuthorizationServer.text(tokenResponse, "patient"));
        });
        audit.fire(
                new AuditEvent("smart.sign-in", username, null, "EHR client " + client.issuer + ", clinic " + clinic));
        return new Finished(username, clinic, target);
    }
}

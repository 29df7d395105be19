package io.crosscheck.cdshooks.service;

import io.crosscheck.cdshooks.config.EhrConfig;
import io.crosscheck.cdshooks.security.CdsTokenVerifier;
import io.crosscheck.cdshooks.store.EhrClient;
import io.crosscheck.cdshooks.store.SmartServer;
import io.crosscheck.common.access.Caller;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.validation.PlainText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/** The registry of EHR clients allowed to call the CDS services; administrators register them against a clinic. */
@ApplicationScoped
public class EhrClients {

    /**
     * A registration: exactly one of jwksUrl and jwks; fhirServers are the FHIR base URLs Crosscheck may fetch from;
     * smart (optional) registers the client for SMART App Launch.
     */
    public record Registration(
            @PlainText String issuer,
            String clinic,
            String jwksUrl,
            Object jwks,
            List<String> fhirServers,
            Smart smart) {}

    /**
     * SMART App Launch settings: Crosscheck's {@code client_id} at the EHR's authorisation server, and the FHIR base
     * URLs the EHR launches Crosscheck from (the launch's {@code iss}).
     */
    public record Smart(String clientId, List<String> iss) {}

    /** A registered client as the admin API shows it; {@code smart} is null when it is not registered for SMART launch. */
    public record View(
            String issuer,
            String clinic,
            String jwksUrl,
            int storedKeys,
            List<String> fhirServers,
            Smart smart,
            java.time.Instant createdAt,
            String createdBy) {
        static View of(EhrClient c) {
            int keys = 0;
            if (c.jwks != null) {
                try {
                    keys = new JsonWebKeySet(c.jwks).getJsonWebKeys().size();
                } catch (JoseException e) {
                    keys = 0;
                }
            }
            Smart smart = c.smartClientId == null
                    ? null
                    : new Smart(
                            c.smartClientId,
                            SmartServer.ofClient(c.issuer).stream()
                                    .map(s -> s.fhirBase)
                                    .toList());
            return new View(c.issuer, c.clinicId, c.jwksUrl, keys, c.fhirServerList(), smart, c.createdAt, c.createdBy);
        }
    }

    private final EntityManager em;
    private final Caller caller;
    private final Event<AuditEvent> audit;
    private final CdsTokenVerifier verifier;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final EhrConfig config;
    private final Clock clock = Clock.systemUTC();

    EhrClients(
            EntityManager em,
            Caller caller,
            Event<AuditEvent> audit,
            CdsTokenVerifier verifier,
            com.fasterxml.jackson.databind.ObjectMapper json,
            EhrConfig config) {
        this.em = em;
        this.caller = caller;
        this.audit = audit;
        this.verifier = verifier;
        this.json = json;
        this.config = config;
    }

    /** The registered clients of the clinics the caller manages. */
    @Transactional
    public List<View> list(Predicate<String> managesClinic) {
        return EhrClient.<EhrClient>listAll().stream()
                .filter(c -> managesClinic.test(c.clinicId))
                .map(View::of)
                .toList();
    }

    /**
     * Registers (or replaces) a client; true when it is new. Only for a clinic the caller manages, and a client already
     * registered for another clinic is not re-pointed by someone who does not manage that clinic (its screenings would
     * move with it).
     */
    @Transactional
    public boolean register(Registration r, Predicate<String> managesClinic) {
        List<FieldError> errors = new ArrayList<>();
        if (r.clinic() != null && !managesClinic.test(r.clinic())) {
            errors.add(new FieldError("/clinic", "you register EHR clients for your own clinic only", r.clinic()));
        }
        EhrClient existing = r.issuer() == null ? null : EhrClient.findById(r.issuer());
        if (existing != null && !managesClinic.test(existing.clinicId)) {
            errors.add(new FieldError(
                    "/issuer",
                    "this issuer is registered for a clinic you do not manage; its administrator changes it"));
        }
        if (r.issuer() == null || r.issuer().isBlank() || r.issuer().length() > 255) {
            errors.add(new FieldError("/issuer", "required, at most 255 characters (the iss of the EHR's JWTs)"));
        }
        if (r.clinic() == null
                || ((Number) em.createNativeQuery("select count(*) from clinic where id = ?1")
                                        .setParameter(1, r.clinic())
                                        .getSingleResult())
                                .intValue()
                        == 0) {
            errors.add(new FieldError("/clinic", "an existing clinic is required", r.clinic()));
        }
        String jwks = null;
        if ((r.jwksUrl() == null) == (r.jwks() == null)) {
            errors.add(new FieldError("/jwks", "give exactly one of jwks (the public JWKS) and jwksUrl"));
        } else if (r.jwks() != null) {
            try {
                jwks = json.writeValueAsString(r.jwks());
                List<JsonWebKey> keys = new JsonWebKeySet(jwks).getJsonWebKeys();
                if (keys.isEmpty()) {
                    errors.add(new FieldError("/jwks/keys", "at least one key"));
                }
                for (int i = 0; i < keys.size(); i++) {
                    JsonWebKey k = keys.get(i);
                    if (!(k instanceof RsaJsonWebKey || k instanceof EllipticCurveJsonWebKey)) {
                        errors.add(new FieldError("/jwks/keys/" + i + "/kty", "RSA or EC keys only (RS384, ES384)"));
                    } else if (((PublicJsonWebKey) k).getPrivateKey() != null) {
                        errors.add(new FieldError(
                                "/jwks/keys/" + i, "a private key was sent: register the public key only"));
                    }
                }
                if (jwks.length() > 20000) {
                    errors.add(new FieldError("/jwks", "at most 20,000 characters"));
                }
            } catch (JoseException | com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
                errors.add(new FieldError("/jwks", "not a JSON Web Key Set"));
            }
        } else if (!r.jwksUrl().matches("https?://\\S{1,990}") || !config.schemeAllowed(r.jwksUrl())) {
            errors.add(new FieldError("/jwksUrl", "an absolute " + scheme() + " URL", r.jwksUrl()));
        }
        List<String> servers = r.fhirServers() == null ? List.of() : r.fhirServers();
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i) == null
                    || !servers.get(i).matches("https?://\\S+")
                    || !config.schemeAllowed(servers.get(i))) {
                errors.add(new FieldError("/fhirServers/" + i, "an absolute " + scheme() + " URL", servers.get(i)));
            }
        }
        if (String.join(" ", servers).length() > 2000) {
            errors.add(new FieldError("/fhirServers", "at most 2,000 characters in all"));
        }
        List<String> launchServers = r.smart() == null ? List.of() : smartServers(r.issuer(), r.smart(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(422, errors);
        }
        EhrClient c = EhrClient.findById(r.issuer());
        boolean created = c == null;
        if (created) {
            c = new EhrClient();
            c.issuer = r.issuer();
        } else {
            verifier.forget(c.issuer);
        }
        c.clinicId = r.clinic();
        c.jwksUrl = r.jwksUrl();
        c.jwks = jwks;
        c.fhirServers = servers.isEmpty() ? null : String.join(" ", servers);
        c.smartClientId = r.smart() == null ? null : r.smart().clientId();
        c.createdAt = clock.instant();
        c.createdBy = caller.name();
        if (created) {
            c.persist();
        }
        List<String> kept = new ArrayList<>();
        for (SmartServer s : SmartServer.ofClient(r.issuer())) {
            if (launchServers.contains(s.fhirBase)) {
                kept.add(s.fhirBase);
            } else {
                s.delete();
            }
        }
        for (String base : launchServers) {
            if (kept.contains(base)) {
                continue;
            }
            SmartServer s = new SmartServer();
            s.fhirBase = base;
            s.ehrClient = r.issuer();
            s.persist();
        }
        audit.fire(new AuditEvent(
                "ehr-client.register",
                r.issuer(),
                null,
                "clinic " + r.clinic()
                        + (r.smart() == null
                                ? ""
                                : ", SMART launch from " + launchServers.size() + " FHIR server(s)")));
        return created;
    }

    /** The SMART launch URLs of a registration (trailing slashes dropped), or errors naming the fields. */
    private List<String> smartServers(String issuer, Smart smart, List<FieldError> errors) {
        if (smart.clientId() == null || !smart.clientId().matches("[\\x21-\\x7E]{1,255}")) {
            errors.add(new FieldError(
                    "/smart/clientId",
                    "required: Crosscheck's client_id at the EHR's authorisation server "
                            + "(1 to 255 visible ASCII characters)",
                    smart.clientId()));
        }
        List<String> given = smart.iss() == null ? List.of() : smart.iss();
        if (given.isEmpty()) {
            errors.add(new FieldError("/smart/iss", "at least one FHIR base URL the EHR launches Crosscheck from"));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String url = given.get(i);
            if (url == null || !url.matches("https?://[^\\s?#]{1,990}")) {
                errors.add(new FieldError(
                        "/smart/iss/" + i,
                        "an absolute " + scheme() + " URL without query or fragment, at most 1,000 characters",
                        url));
                continue;
            }
            if (!config.schemeAllowed(url)) {
                errors.add(new FieldError("/smart/iss/" + i, "an absolute " + scheme() + " URL", url));
                continue;
            }
            String base = normalise(url);
            if (out.contains(base)) {
                errors.add(new FieldError("/smart/iss/" + i, "given more than once", url));
                continue;
            }
            SmartServer other = SmartServer.findById(base);
            if (other != null && !other.ehrClient.equals(issuer)) {
                errors.add(new FieldError("/smart/iss/" + i, "already registered for another EHR client", url));
                continue;
            }
            out.add(base);
        }
        return out;
    }

    /** The schemes an EHR URL may have, as a refusal names them. */
    private String scheme() {
        return config.allowPlainHttp() ? "http(s)" : "https (plain http is refused outside dev and test)";
    }

    /** A FHIR base URL as stored and looked up: without trailing slashes. */
    public static String normalise(String fhirBase) {
        return fhirBase.replaceAll("/+$", "");
    }
}

package io.crosscheck.cdshooks.smart;

import io.crosscheck.cdshooks.service.PatientPseudonym;
import io.crosscheck.common.access.Role;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.screening.Screening;
import io.crosscheck.security.AppUser;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The clinician a SMART launch signs in, as a Crosscheck user ({@code ehr:<digest of id_token issuer and EHR
 * client>:<sub>}, role physio, in the EHR client's clinic), and the page the launch opens for them. A clinician is
 * one user per registered EHR client: two EHR clients sharing an authorisation server (the same id_token issuer and
 * sub) in two clinics sign in two users, each in its client's clinic. Runs in the caller's transaction.
 */
@ApplicationScoped
class SmartClinicians {

    private final Event<AuditEvent> audit;
    private final Clock clock = Clock.systemUTC();

    SmartClinicians(Event<AuditEvent> audit) {
        this.audit = audit;
    }

    /**
     * The Crosscheck user of an EHR clinician: {@code ehr:<digest>:<sub>}, the digest of the id_token issuer and the
     * registered EHR client (its issuer), the sub digested when it does not fit.
     */
    static String username(String tokenIssuer, String ehrClient, String sub) {
        String issuer = HexFormat.of()
                .formatHex(
                        LaunchSecrets.sha256((tokenIssuer + "\n" + ehrClient).getBytes(StandardCharsets.UTF_8)), 0, 6);
        String who = sub.matches("[A-Za-z0-9._@-]{1,47}")
                ? sub
                : "h" + HexFormat.of().formatHex(LaunchSecrets.sha256(sub.getBytes(StandardCharsets.UTF_8)), 0, 16);
        return "ehr:" + issuer + ":" + who;
    }

    /**
     * Creates the clinician's user (role physio, no usable password) or keeps it in the EHR client's clinic (it
     * follows its EHR client when an administrator registers the client with another clinic).
     */
    void provision(String username, String clinic) {
        AppUser user = AppUser.byName(username);
        if (user == null) {
            user = new AppUser();
            user.username = username;
            // signs in through the EHR only: the password is random and never known
            user.password = BcryptUtil.bcryptHash(LaunchSecrets.randomToken() + LaunchSecrets.randomToken());
            user.roles = Role.PHYSIO;
            user.clinicId = clinic;
            user.createdAt = clock.instant();
            user.persist();
            audit.fire(new AuditEvent(
                    AuditEvent.USER_CREATE, username, null, "SMART launch, role physio, clinic " + clinic));
        } else if (!clinic.equals(user.clinicId)) {
            user.clinicId = clinic;
        }
    }

    /** The page to open: the screening named by appContext, else the patient's latest one, of the clinic only; else the client list. */
    static String target(String ehrClient, String clinic, String appContext, String patient) {
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
            Screening latest = Screening.<Screening>find(
                            "clinicId = ?1 and clientRef = ?2 order by createdAt desc",
                            clinic,
                            PatientPseudonym.of(ehrClient, patient))
                    .firstResult();
            if (latest != null) {
                return "/ui/screenings/" + latest.id;
            }
        }
        return "/ui/clients";
    }
}

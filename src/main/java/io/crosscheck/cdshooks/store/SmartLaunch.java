package io.crosscheck.cdshooks.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A SMART launch under way: what the callback needs (PKCE verifier, token endpoint, id_token issuer and keys),
 * found by a digest of the state and bound to the browser by a digest of its launch cookie. Used once.
 */
@Entity
@Table(name = "smart_launch")
public class SmartLaunch extends PanacheEntityBase {

    @Id
    @Column(name = "state_hash", length = 64)
    public String stateHash;

    @Column(name = "browser_hash", nullable = false, length = 64)
    public String browserHash;

    @Column(name = "ehr_client", nullable = false, length = 255)
    public String ehrClient;

    @Column(name = "fhir_base", nullable = false, length = 1000)
    public String fhirBase;

    @Column(name = "code_verifier", nullable = false, length = 128)
    public String codeVerifier;

    @Column(name = "token_endpoint", nullable = false, length = 1000)
    public String tokenEndpoint;

    @Column(name = "token_issuer", nullable = false, length = 1000)
    public String tokenIssuer;

    @Column(name = "jwks_uri", length = 1000)
    public String jwksUri;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}

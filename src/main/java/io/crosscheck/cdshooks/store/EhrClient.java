package io.crosscheck.cdshooks.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** An EHR allowed to call the CDS services: its JWT issuer, clinic, keys and FHIR servers. */
@Entity
@Table(name = "ehr_client")
public class EhrClient extends PanacheEntityBase {

    @Id
    @Column(name = "issuer", length = 255)
    public String issuer;

    @Column(name = "clinic_id", nullable = false, length = 64)
    public String clinicId;

    @Column(name = "jwks_url", length = 1000)
    public String jwksUrl;

    @Column(name = "jwks", length = 20000)
    public String jwks;

    /** Base URLs (space-separated) of the FHIR servers data may be fetched from when prefetch is missing. */
    @Column(name = "fhir_servers", length = 2000)
    public String fhirServers;

    /** The client_id Crosscheck has at the EHR's SMART authorisation server; null: not registered for SMART launch. */
    @Column(name = "smart_client_id", length = 255)
    public String smartClientId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 128)
    public String createdBy;

    public List<String> fhirServerList() {
        return fhirServers == null || fhirServers.isBlank()
                ? List.of()
                : Arrays.asList(fhirServers.trim().split("\\s+"));
    }
}

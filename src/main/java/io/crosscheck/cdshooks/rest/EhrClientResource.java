package io.crosscheck.cdshooks.rest;

import io.crosscheck.cdshooks.service.EhrClients;
import io.crosscheck.common.access.Role;
import io.crosscheck.common.json.JsonBodyReader;
import io.crosscheck.security.AdminScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Administrators register the EHR clients (JWT issuer, keys, FHIR servers) allowed to call the CDS services, each against
 * a clinic: their own clinic's, or any for the administrators of the default clinic ({@link AdminScope}).
 */
@Path("/api/v1/admin/ehr-clients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class EhrClientResource {

    private final EhrClients clients;
    private final JsonBodyReader<EhrClients.Registration> reader;
    private final AdminScope scope;

    EhrClientResource(
            EhrClients clients,
            AdminScope scope,
            com.fasterxml.jackson.databind.ObjectMapper json,
            jakarta.validation.Validator validator) {
        this.clients = clients;
        this.scope = scope;
        this.reader = new JsonBodyReader<>(EhrClients.Registration.class, json, validator);
    }

    @GET
    @Operation(summary = "The registered EHR clients")
    public List<EhrClients.View> list() {
        return clients.list(scope::manages);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register (or replace) an EHR client: issuer, clinic, jwks or jwksUrl, fhirServers")
    public Response register(String body) {
        EhrClients.Registration r = reader.read(body);
        boolean created = clients.register(r, scope::manages);
        return Response.status(created ? 201 : 200)
                .entity(clients.list(scope::manages).stream()
                        .filter(v -> v.issuer().equals(r.issuer()))
                        .findFirst()
                        .orElseThrow())
                .build();
    }
}

package io.crosscheck.screening.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.access.Role;
import io.crosscheck.common.json.JsonBodyReader;
import io.crosscheck.common.problem.Problem;
import io.crosscheck.screening.model.ClientLanguageChoice;
import io.crosscheck.screening.service.ClientLanguages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The language a client's take-home sheet is printed in ({@link ClientLanguages}): read it, set it. */
@Path("/api/v1/clients/{clientRef}/language")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PHYSIO)
public class ClientLanguageResource {

    private final ClientLanguages languages;
    private final JsonBodyReader<ClientLanguageChoice> requests;

    ClientLanguageResource(ClientLanguages languages, ObjectMapper mapper, Validator validator) {
        this.languages = languages;
        this.requests = new JsonBodyReader<>(ClientLanguageChoice.class, mapper, validator);
    }

    @GET
    @Operation(summary = "The language the client's take-home sheet is printed in (en unless set)")
    @APIResponse(
            responseCode = "404",
            description = "The client has no screening in your clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ClientLanguageChoice get(@PathParam("clientRef") String clientRef) {
        return new ClientLanguageChoice(clientRef, languages.of(clientRef));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the language of the client's take-home sheet (en or es); audited (client.language)")
    @APIResponse(
            responseCode = "422",
            description = "An unknown language, named (/language); nothing is saved",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ClientLanguageChoice set(@PathParam("clientRef") String clientRef, String body) {
        ClientLanguageChoice asked = requests.read(body);
        return new ClientLanguageChoice(clientRef, languages.set(clientRef, asked.language()));
    }
}

package io.crosscheck.web.rest;

import io.crosscheck.common.access.Role;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.time.ClinicTime;
import io.crosscheck.screening.model.ClientHistory;
import io.crosscheck.screening.model.ClientScreening;
import io.crosscheck.screening.model.ClientSummary;
import io.crosscheck.screening.model.Page;
import io.crosscheck.screening.service.ClientService;
import io.crosscheck.web.config.WebConfig;
import io.crosscheck.web.service.Charts;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Clients of the caller's clinic: the searchable list, and one client's screenings with their history charts. Every
 * screening is dated by its visit, in the clinic's time zone.
 */
@Path("/ui/clients")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.PHYSIO)
public class ClientPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance clients(
                Chrome chrome, String q, Page<ClientSummary> page, String error, ClinicTime time);

        static native TemplateInstance client(
                Chrome chrome,
                String clientRef,
                Page<ClientScreening> screenings,
                List<Charts.Chart> outcomes,
                List<Charts.Chart> charts,
                String bands,
                ClinicTime time);
    }

    private final ClientService clients;
    private final SecurityIdentity identity;
    private final WebConfig config;
    private final ClinicTime time;

    ClientPages(ClientService clients, SecurityIdentity identity, WebConfig config, ClinicTime time) {
        this.clients = clients;
        this.time = time;
        this.identity = identity;
        this.config = config;
    }

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("1") int page) {
        String query = q == null ? "" : q.trim();
        try {
            return Templates.clients(
                    Chrome.of(identity, "clients"),
                    query,
                    clients.clients(query, page, config.clientsPageSize()),
                    null,
                    time);
        } catch (InvalidRequestException e) {
            return Templates.clients(
                    Chrome.of(identity, "clients"),
                    query,
                    clients.clients("", 1, config.clientsPageSize()),
                    "A reference holds only letters, digits, '.', '_', ':' or '-'.",
                    time);
        }
    }

    @GET
    @Path("{clientRef}")
    public TemplateInstance client(
            @PathParam("clientRef") String clientRef, @QueryParam("page") @DefaultValue("1") int page) {
        Page<ClientScreening> screenings = clients.screenings(clientRef, page, config.clientsPageSize());
        ClientHistory history = clients.history(clientRef);
        List<Charts.Chart> charts = Charts.series(history);
        return Templates.client(
                Chrome.of(identity, "clients"),
                clientRef,
                screenings,
                charts.stream().filter(Charts.Chart::outcome).toList(),
                charts.stream().filter(c -> !c.outcome()).toList(),
                Charts.patterns(history),
                time);
    }
}

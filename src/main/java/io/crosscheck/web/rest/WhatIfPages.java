package io.crosscheck.web.rest;

import io.crosscheck.common.access.Role;
import io.crosscheck.screening.model.WhatIf;
import io.crosscheck.screening.service.WhatIfService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * "What would change this" beside a result (issue 28): a fragment the result page loads when the clinician opens the
 * section (htmx, on toggle), or a page of its own without script. The analysis runs on demand, never on every view of
 * a result.
 */
@Path("/ui/screenings/{id}/what-if")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.PHYSIO)
public class WhatIfPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Chrome chrome, String id, WhatIf w);

        static native TemplateInstance fragment(String id, WhatIf w);
    }

    private final WhatIfService service;
    private final SecurityIdentity identity;

    WhatIfPages(WhatIfService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    public TemplateInstance whatIf(@PathParam("id") String id, @HeaderParam("HX-Request") String htmx) {
        WhatIf w = service.forScreening(PageInput.uuid(id)).orElseThrow(NotFoundException::new);
        return "true".equals(htmx) ? Templates.fragment(id, w) : Templates.page(Chrome.of(identity, "clients"), id, w);
    }
}

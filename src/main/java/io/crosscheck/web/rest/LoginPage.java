package io.crosscheck.web.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing in and out of the web UI. The form posts to Quarkus' form authentication
 * ({@code /j_security_check}), which checks the same users as the API and sets the encrypted session
 * cookie; signing out removes it.
 */
@Path("/")
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(Chrome chrome, boolean error);
    }

    private final SecurityIdentity identity;
    private final String cookieName;

    LoginPage(
            SecurityIdentity identity, @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName) {
        this.identity = identity;
        this.cookieName = cookieName;
    }

    @GET
    @PermitAll
    public Response home() {
        return Response.seeOther(URI.create("/ui/clients")).build();
    }

    @GET
    @Path("ui")
    @PermitAll
    public Response ui() {
        return Response.seeOther(URI.create("/ui/clients")).build();
    }

    @GET
    @Path("ui/login")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") boolean error) {
        return Templates.login(Chrome.of(null, "login"), error);
    }

    @POST
    @Path("ui/logout")
    @PermitAll
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(
            @jakarta.ws.rs.FormParam(Csrf.FIELD) String csrf,
            @jakarta.ws.rs.CookieParam(Csrf.COOKIE) String csrfCookie) {
        Csrf.verify(csrf, csrfCookie);
        NewCookie expired = new NewCookie.Builder(cookieName)
                .path("/")
                .maxAge(0)
                .httpOnly(true)
                .build();
        return Response.seeOther(URI.create("/ui/login")).cookie(expired).build();
    }
}

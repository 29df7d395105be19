package io.crosscheck.web.rest;

import io.crosscheck.web.config.WebConfig;
import io.crosscheck.web.session.SessionRevocations;
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
 * cookie; signing out removes it and ends the user's sessions on the server ({@link SessionRevocations}), so a copy of
 * the cookie no longer works either, and clears the browser's storage of the site (the tab's screening drafts).
 */
@Path("/")
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(Chrome chrome, boolean error);
    }

    private final SecurityIdentity identity;
    private final Csrf csrf;
    private final SessionRevocations revocations;
    private final String cookieName;
    private final boolean secure;

    LoginPage(
            SecurityIdentity identity,
            Csrf csrf,
            SessionRevocations revocations,
            WebConfig config,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName) {
        this.identity = identity;
        this.csrf = csrf;
        this.revocations = revocations;
        this.cookieName = cookieName;
        this.secure = config.secureCookies();
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
        this.csrf.verify(csrf, csrfCookie);
        if (!identity.isAnonymous()) {
            // the cookie is stateless: without this, a copy of it would keep working until it expires
            revocations.revoke(identity.getPrincipal().getName(), System.currentTimeMillis());
        }
        NewCookie expired = new NewCookie.Builder(cookieName)
                .path("/")
                .maxAge(0)
                .httpOnly(true)
                .secure(secure)
                .build();
        NewCookie noToken = new NewCookie.Builder(Csrf.COOKIE)
                .path("/ui")
                .maxAge(0)
                .httpOnly(true)
                .secure(secure)
                .build();
        // the tab's screening drafts go with the session (the page's script removes them too): the next person to
        // sign in on this computer sees none
        return Response.seeOther(URI.create("/ui/login"))
                .cookie(expired, noToken)
                .header("Clear-Site-Data", "\"storage\"")
                .build();
    }
}

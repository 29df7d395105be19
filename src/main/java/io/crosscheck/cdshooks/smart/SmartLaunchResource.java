package io.crosscheck.cdshooks.smart;

import io.crosscheck.cdshooks.config.EhrConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * SMART App Launch (EHR launch) of the cards' {@code smart} links: {@code /smart/launch} sends the browser to the
 * EHR's authorize endpoint, {@code /smart/callback} signs the clinician into the web UI and opens the screening.
 * Public (the EHR's authorisation is the credential); see {@link SmartLaunches}. The callback answers with a page
 * that moves on to the result by itself: the session cookie is SameSite=Strict, and a browser does not send it on a
 * redirect chain that began at the EHR, but does on a navigation started by this page.
 */
@Path("/smart")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class SmartLaunchResource {

    /** Binds a launch to the browser that started it (SameSite=Lax: sent on the EHR's redirect back). */
    static final String BROWSER_COOKIE = "crosscheck-smart-launch";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(String title, String message, String next);
    }

    private final SmartLaunches launches;
    private final SmartSession session;
    private final EhrConfig config;
    private final io.crosscheck.cdshooks.config.PublicBaseUrl publicBaseUrl;

    SmartLaunchResource(
            SmartLaunches launches,
            SmartSession session,
            EhrConfig config,
            io.crosscheck.cdshooks.config.PublicBaseUrl publicBaseUrl) {
        this.launches = launches;
        this.session = session;
        this.config = config;
        this.publicBaseUrl = publicBaseUrl;
    }

    @GET
    @Path("launch")
    @Operation(
            summary = "SMART EHR launch: redirects to the EHR's authorize endpoint (iss must be registered for SMART)")
    public Response launch(
            @QueryParam("iss") String iss,
            @QueryParam("launch") String launch,
            @CookieParam(BROWSER_COOKIE) String browser) {
        if (!session.available()) {
            return page(
                    503,
                    "Sign-in from the EHR is not set up",
                    "Crosscheck has no session key "
                            + "(CROSSCHECK_SESSION_KEY), so it cannot sign you in from the EHR. Ask the administrator.",
                    null);
        }
        try {
            String base = publicBaseUrl.get();
            SmartLaunches.Begun begun = launches.begin(iss, launch, browser, base + "/smart/callback");
            NewCookie cookie = new NewCookie.Builder(BROWSER_COOKIE)
                    .value(begun.browserValue())
                    .path("/smart")
                    .httpOnly(true)
                    .secure(base.startsWith("https:"))
                    .sameSite(NewCookie.SameSite.LAX)
                    .maxAge((int) config.smart().stateTtl().toSeconds())
                    .build();
            return Response.status(302)
                    .location(URI.create(begun.authorizeUrl()))
                    .cookie(cookie)
                    .build();
        } catch (SmartLaunchRefused e) {
            return page(e.status(), "Crosscheck could not be opened from the EHR", e.getMessage(), null);
        }
    }

    @GET
    @Path("callback")
    @Operation(
            summary =
                    "SMART EHR launch callback: exchanges the code, checks the id_token, signs in and opens the screening")
    public Response callback(
            @QueryParam("code") String code,
            @QueryParam("state") String state,
            @QueryParam("error") String error,
            @CookieParam(BROWSER_COOKIE) String browser,
            @Context RoutingContext context) {
        if (error != null) {
            String shown = error.matches("[a-z_]{1,64}") ? " (" + error + ")" : "";
            return page(
                    400,
                    "The EHR did not authorise Crosscheck",
                    "The EHR refused the sign-in" + shown + ". Start again from the EHR.",
                    null);
        }
        try {
            String base = publicBaseUrl.get();
            SmartLaunches.Finished done = launches.finish(code, state, browser, base + "/smart/callback");
            session.signIn(
                    done.username(),
                    context,
                    base.startsWith("https:") || context.request().isSSL());
            return page(200, "Signed in from the EHR", "Opening the Crosscheck result.", done.target());
        } catch (SmartLaunchRefused e) {
            return page(e.status(), "Crosscheck could not be opened from the EHR", e.getMessage(), null);
        }
    }

    private static Response page(int status, String title, String message, String next) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE)
                .header("Cache-Control", "no-store")
                .entity(Templates.page(title, message, next))
                .build();
    }
}

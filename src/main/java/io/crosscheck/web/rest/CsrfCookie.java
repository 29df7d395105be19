package io.crosscheck.web.rest;

import io.crosscheck.web.config.WebConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Sets the CSRF cookie of a token issued while a page was rendered ({@link Csrf}); pages only. */
public class CsrfCookie {

    private final Csrf csrf;
    private final boolean secure;

    CsrfCookie(Csrf csrf, WebConfig config) {
        this.csrf = csrf;
        this.secure = config.secureCookies();
    }

    @ServerResponseFilter
    public void setCookie(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getPath().startsWith("/ui")) {
            return;
        }
        String issued = csrf.issued();
        if (issued != null) {
            response.getHeaders()
                    .add(
                            HttpHeaders.SET_COOKIE,
                            new NewCookie.Builder(Csrf.COOKIE)
                                    .value(issued)
                                    .path("/ui")
                                    .httpOnly(true)
                                    .secure(secure)
                                    .sameSite(NewCookie.SameSite.STRICT)
                                    .build());
        }
    }
}

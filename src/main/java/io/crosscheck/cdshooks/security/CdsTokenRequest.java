package io.crosscheck.cdshooks.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A CDS Hooks bearer JWT and the service URLs it may be addressed to ({@code aud}). */
public final class CdsTokenRequest extends BaseAuthenticationRequest {

    private final String token;
    private final java.util.List<String> audiences;

    public CdsTokenRequest(String token, java.util.List<String> audiences) {
        this.token = token;
        this.audiences = java.util.List.copyOf(audiences);
    }

    public String token() {
        return token;
    }

    public java.util.List<String> audiences() {
        return audiences;
    }
}

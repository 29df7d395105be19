package io.crosscheck.security;

import java.util.Set;

/** The roles of Crosscheck. Machine clients (CDS Hooks JWTs) get their own role when that issue lands. */
public final class Role {
    /** Screens clients and reads their screenings. */
    public static final String PHYSIO = "physio";
    /** Knowledge base: registry, reload, replay, scenarios. */
    public static final String AUTHOR = "author";
    /** Users, audit log, privacy operations, OpenAPI and metrics. */
    public static final String ADMIN = "admin";

    public static final Set<String> ALL = Set.of(PHYSIO, AUTHOR, ADMIN);

    private Role() {
    }
}

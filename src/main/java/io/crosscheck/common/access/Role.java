package io.crosscheck.common.access;

import java.util.Set;

/**
 * The roles of Crosscheck, the one place their names are written: every {@code @RolesAllowed} names
 * these constants. Here, below every feature, so that screening, authoring and the integrations name a
 * role without depending on the {@code security} package that grants it.
 */
public final class Role {
    /** Screens clients and reads their screenings. */
    public static final String PHYSIO = "physio";
    /** Knowledge base: registry, reload, replay, scenarios. */
    public static final String AUTHOR = "author";
    /** Users, audit log, privacy operations, OpenAPI and metrics. */
    public static final String ADMIN = "admin";
    /** An EHR calling a CDS Hooks service with a verified JWT; never a user's role. */
    public static final String EHR = "ehr";

    /** The roles a user can be given. */
    public static final Set<String> ALL = Set.of(PHYSIO, AUTHOR, ADMIN);

    private Role() {}
}

package io.crosscheck.common.access;

/**
 * Who is calling, as the layers below the security integration see it: the authenticated user's
 * name, the clinic whose client data they may read and write, and the network address. Implemented
 * by the {@code security} package (a CDI bean); screening and authoring only see this interface, so
 * they filter by clinic without depending on how users are authenticated.
 */
public interface Caller {

    /** The clinic of a caller outside any request (start-up, file watch). */
    String SYSTEM = "system";

    /**
     * The name of the start-up request warm-up (io.crosscheck.performance): its requests leave no trace, in the
     * database or in the metrics.
     */
    String WARM_UP = "system-warm-up";

    /** Whether this caller is the start-up request warm-up. */
    default boolean warmUp() {
        return WARM_UP.equals(name());
    }

    /** The authenticated user's name, or {@link #SYSTEM} outside a request. */
    String name();

    /** The caller's clinic; every query returning client data filters by it. */
    String clinicId();

    /** The client address of the request, or null outside a request. */
    String address();

    /**
     * The caller's clinic, required: a caller without one (e.g. a token without the clinic claim) sees no
     * client data and is refused (403).
     */
    default String requiredClinicId() {
        String clinic = clinicId();
        if (clinic == null) {
            throw new jakarta.ws.rs.ForbiddenException("The caller belongs to no clinic");
        }
        return clinic;
    }
}

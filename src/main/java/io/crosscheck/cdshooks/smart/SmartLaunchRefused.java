package io.crosscheck.cdshooks.smart;

import org.jboss.logging.Logger;

/**
 * A SMART launch refused: the HTTP status and a message for the clinician (no patient data). The factories
 * log the EHR client and the reason, never tokens, codes or patients.
 */
public class SmartLaunchRefused extends RuntimeException {

    private static final Logger LOG = Logger.getLogger(SmartLaunches.class);

    private final int status;

    SmartLaunchRefused(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 502: the EHR's SMART configuration cannot be used. */
    static SmartLaunchRefused unusable(String ehrClient, String why) {
        LOG.warnf("SMART launch failed (EHR client %s): %s", ehrClient, why);
        return new SmartLaunchRefused(502, "The EHR's SMART configuration cannot be used: " + why + ".");
    }

    /** 502: the EHR's authorisation server could not be reached or answered wrongly. */
    static SmartLaunchRefused unreachable(String ehrClient, String why) {
        LOG.warnf("SMART launch failed (EHR client %s): %s", ehrClient, why);
        return new SmartLaunchRefused(
                502, "The EHR's authorisation server could not be used (" + why + "). Try again from the EHR.");
    }

    /** 403: the EHR's identity token was not accepted. */
    static SmartLaunchRefused identity(String ehrClient, String why) {
        LOG.infof("SMART sign-in refused (EHR client %s): %s", ehrClient, why);
        return new SmartLaunchRefused(403, "The EHR's identity token was not accepted, so you are not signed in.");
    }
}
